"""The JSON API under /api/: listings with filters and pagination, single records, cross-article
views (incidents, relations, alerts, network) and exports as downloads.

Every handler parses its parameters and renders what `allegiance.query.Query` answers; a bad value
or an unknown reference raised there becomes a 422 / 404 JSON error (errors.py)."""

from __future__ import annotations

import dataclasses
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from ..query import Filters, Page, incident_summary
from ..query import Query as Reader
from ..records import Document
from .params import PeriodParam, filters, page

router = APIRouter(prefix="/api")
IdParam = Annotated[str, PathParam(max_length=300)]
FiltersDep = Annotated[Filters, Depends(filters)]
PageDep = Annotated[Page, Depends(page)]
EXPORT_TYPES = {
    "plover": ("events.jsonl", "application/x-ndjson"),
    "acled": ("events.csv", "text/csv"),
    "geojson": ("events.geojson", "application/geo+json"),
    "graphml": ("network.graphml", "application/xml"),
    "gexf": ("network.gexf", "application/xml"),
    "stix": ("bundle.json", "application/json"),
    "parquet": ("parquet.zip", "application/zip"),
}


def reader(request: Request) -> Reader:
    return request.app.state.query


ReaderDep = Annotated[Reader, Depends(reader)]


def listing(total: int, items: list[dict[str, Any]], pg: Page, cursor: str | None = None) -> dict[str, Any]:
    return {"total": total, "limit": pg.limit, "offset": pg.offset, "next": cursor, "items": items}


@router.get("/counts", summary="How many documents, actors, events, quotes and failures are stored")
def counts(q: ReaderDep) -> dict[str, int]:
    return q.counts()


@router.get("/documents", summary="Documents, newest first (sort: published, ingested, title, events)")
def list_documents(q: ReaderDep, f: FiltersDep, pg: PageDep) -> dict[str, Any]:
    return listing(*q.documents(f, pg), pg)


@router.get("/documents/{doc_id}", response_model=Document, summary="One document, as records.Document")
def get_document(doc_id: IdParam, q: ReaderDep) -> Document:
    return q.document(doc_id)


@router.get("/actors", summary="Canonical actors, most mentioned first (filters: q, type, country)")
def list_actors(
    q: ReaderDep,
    f: FiltersDep,
    pg: PageDep,
    type: Annotated[str | None, Query(max_length=40, description="Actor type.")] = None,
) -> dict[str, Any]:
    return listing(*q.actors(Filters(q=f.q, country=f.country, type=type), pg), pg)


@router.get(
    "/actors/{actor}", summary="One actor by id, name, alias or unique prefix: names, family, counterparts"
)
def get_actor(actor: IdParam, q: ReaderDep) -> dict[str, Any]:
    profile = q.actor(actor)
    _, profile["recent_events"], _ = q.events(Filters(actor=profile["id"]), Page(limit=20))
    return profile


@router.get(
    "/events",
    summary="Events, newest first (sort: date, event, certainty, country, place, dead, confidence); "
    "`next` is the cursor of the following page",
)
def list_events(
    q: ReaderDep,
    f: FiltersDep,
    pg: PageDep,
    document: Annotated[str | None, Query(max_length=300, description="Only this document's events.")] = None,
) -> dict[str, Any]:
    total, items, cursor = q.events(dataclasses.replace(f, document_id=document), pg)
    return listing(total, items, pg, cursor)


@router.get(
    "/events/located", summary="Located events (lat/lon) for the map, newest first (limit up to 5000)"
)
def located_events(
    q: ReaderDep, f: FiltersDep, limit: Annotated[int, Query(ge=1, le=5000)] = 5000
) -> dict[str, Any]:
    total, points = q.located(f, limit)
    return {"total": total, "limit": limit, "items": points}


@router.get("/quotes", summary="Quotes with speakers (filters: actor = speaker, q, document, since, until)")
def list_quotes(
    q: ReaderDep,
    f: FiltersDep,
    pg: PageDep,
    document: Annotated[str | None, Query(max_length=300)] = None,
) -> dict[str, Any]:
    scoped = Filters(actor=f.actor, q=f.q, since=f.since, until=f.until, document_id=document)
    return listing(*q.quotes(scoped, pg), pg)


@router.get("/failures", summary="Inputs that could not be processed, latest first (filters: stage, q)")
def list_failures(
    q: ReaderDep,
    f: FiltersDep,
    pg: PageDep,
    stage: Annotated[str | None, Query(max_length=40, description="ingest, clean, pipeline …")] = None,
) -> dict[str, Any]:
    return listing(*q.failures(Filters(q=f.q, stage=stage), pg), pg)


@router.get("/incidents", summary="Incidents across articles, most corroborated first")
def list_incidents(
    q: ReaderDep, f: FiltersDep, pg: PageDep, min_outlets: Annotated[int, Query(ge=1, le=1000)] = 1
) -> dict[str, Any]:
    return listing(*q.incidents(f, pg, min_outlets), pg)


@router.get(
    "/incidents/{incident_id}", summary="One incident (id or unique prefix) with every supporting report"
)
def get_incident(incident_id: IdParam, q: ReaderDep) -> dict[str, Any]:
    inc = q.incident(incident_id)
    return inc.model_dump(mode="json") | {"names": incident_summary(inc, q.analysis().names)["names"]}


@router.get("/relations", summary="Actor pairs with their latest relation status")
def list_relations(
    q: ReaderDep,
    pg: PageDep,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    period: PeriodParam = "month",
) -> dict[str, Any]:
    return listing(*q.relations(actor, pg, period), pg)


@router.get(
    "/relations/{a}/{b}",
    summary="Relation timeline of two actors (ids, names or aliases), one row per period",
)
def get_relation(a: IdParam, b: IdParam, q: ReaderDep, period: PeriodParam = "month") -> dict[str, Any]:
    first, second, periods = q.relation(a, b, period)
    return {"a": first, "b": second, "periods": [p.model_dump(mode="json") for p in periods]}


@router.get("/alerts", summary="Relation status changes between periods, newest first")
def list_alerts(
    q: ReaderDep,
    since: Annotated[str | None, Query(max_length=40)] = None,
    threshold: Annotated[float, Query(ge=0)] = 0.0,
    min_outlets: Annotated[int, Query(ge=0)] = 0,
    period: PeriodParam = "month",
) -> dict[str, Any]:
    items = q.alerts(since=since, threshold=threshold, min_outlets=min_outlets, period=period)
    return {"total": len(items), "items": [a.model_dump(mode="json") for a in items]}


@router.get("/network", summary="The signed actor graph (Cytoscape elements) and its balance summary")
def get_network(q: ReaderDep, period: PeriodParam = "month") -> dict[str, Any]:
    return q.network(period)


@router.get("/export/{fmt}", summary="Download events, incidents and relations in an exchange format")
def export_download(fmt: str, q: ReaderDep, f: FiltersDep) -> Response:
    name, media_type = EXPORT_TYPES.get(fmt, ("", ""))
    with tempfile.TemporaryDirectory(prefix="allegiance-export-") as tmp:
        written, _, _ = q.export(fmt, Path(tmp) / ("parquet" if fmt == "parquet" else name or "out"), f)
        body = _zip_folder(written) if written.is_dir() else written.read_bytes()
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="allegiance-{name}"'},
    )


def _zip_folder(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return buffer.getvalue()
