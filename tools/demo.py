"""`make demo`'s event listing: the stored events document by document, the richest document first
(the seed page, when it was read), so the demo opens on one article's story instead of whichever
sample happens to be the newest.

Usage: python tools/demo.py STORE [--per-document N] [--documents N]
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.table import Table

from allegiance.store import open_store


def by_richness(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Most events first; ties by source, so the order is the same on every run."""
    return sorted((d for d in documents if d["events"]), key=lambda d: (-d["events"], d["source"]))


def table(document: dict[str, Any], events: list[dict[str, Any]]) -> Table:
    out = Table(title=f"{document['title'] or document['source']} — {document['events']} event(s)")
    for col in ("date", "event", "actor", "recipient", "place", "dead", "sentence"):
        out.add_column(col)
    for e in sorted(events, key=lambda e: e["seq"]):
        sentence = " ".join(e["event_text"].split())
        out.add_row(
            e["day"] or "",
            e["event"],
            ", ".join(p["id"] for p in e["actor"]),  # participants as the query layer gives them
            ", ".join(p["id"] for p in e["recipient"]),
            ", ".join(filter(None, (e["location_name"], e["location_country"]))),
            "" if e["dead"] is None else str(e["dead"]),
            sentence if len(sentence) <= 60 else sentence[:59] + "…",
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--per-document", type=int, default=15)
    parser.add_argument("--documents", type=int, default=3)
    args = parser.parse_args(argv)
    console = Console()
    with open_store(args.store) as store:
        for document in by_richness(store.documents())[: args.documents]:
            events = store.events(document_id=document["id"])[: args.per_document]
            console.print(table(document, events))


if __name__ == "__main__":
    main()
