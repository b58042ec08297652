"""The JSON API under /api/: listings with filters and pagination, single records, cross-article
views (incidents, relations, alerts, network) and exports as downloads."""

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

from ..records import Document
from .analysis import AnalysisCache, incident_summary, keep_incident, network_elements
from .errors import ApiError
from .params import DAY_PATTERN, PeriodParam, day, filters, page
from .queries import Desk, Filters, Page

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


def desk(request: Request) -> Desk:
    return request.app.state.desk


def analysis_cache(request: Request) -> AnalysisCache:
    return request.app.state.analysis


DeskDep = Annotated[Desk, Depends(desk)]
AnalysisDep = Annotated[AnalysisCache, Depends(analysis_cache)]


def listing(total: int, items: list[dict[str, Any]], pg: Page) -> dict[str, Any]:
    return {"total": total, "limit": pg.limit, "offset": pg.offset, "items": items}


def paged(run: Any, f: Filters, pg: Page) -> dict[str, Any]:
    try:
        total, items = run(f, pg)
    except ValueError as exc:  # unknown sort key
        raise ApiError(422, "invalid request", str(exc)) from None
    return listing(total, items, pg)


@router.get("/counts", summary="How many documents, actors, events, quotes and failures are stored")
def counts(store: DeskDep) -> dict[str, int]:
    return store.counts()


@router.get("/documents", summary="Documents, newest first (sort: published, ingested, title, events)")
def list_documents(store: DeskDep, f: FiltersDep, pg: PageDep) -> dict[str, Any]:
    return paged(store.documents, f, pg)


@router.get("/documents/{doc_id}", response_model=Document, summary="One document, as records.Document")
def get_document(doc_id: IdParam, store: DeskDep) -> Document:
    found = store.load_document(doc_id)
    if found is None:
        raise ApiError(404, "not found", f"no document {doc_id}")
    return found


@router.get("/actors", summary="Canonical actors, most mentioned first (filters: q, type, country)")
def list_actors(
    store: DeskDep,
    f: FiltersDep,
    pg: PageDep,
    type: Annotated[str | None, Query(pattern=r"^([a-z_]{2,30})?$", description="Actor type.")] = None,
) -> dict[str, Any]:
    return paged(store.actors, Filters(q=f.q, country=f.country, type=type or None), pg)


@router.get("/actors/{actor_id}", summary="One actor: names, aliases, parent, children, counterparts")
def get_actor(actor_id: IdParam, store: DeskDep) -> dict[str, Any]:
    profile = store.actor(actor_id)
    if profile is None:
        raise ApiError(404, "not found", f"no actor {actor_id}")
    _, profile["recent_events"] = store.events(Filters(actor=actor_id), Page(limit=20))
    return profile


@router.get(
    "/events", summary="Events, newest first (sort: date, event, certainty, country, place, dead, confidence)"
)
def list_events(
    store: DeskDep,
    f: FiltersDep,
    pg: PageDep,
    document: Annotated[str | None, Query(max_length=300, description="Only this document's events.")] = None,
) -> dict[str, Any]:
    if document:
        f = dataclasses.replace(f, document_id=document)
    return paged(store.events, f, pg)


@router.get("/events/located", summary="Located events (lat/lon) for the map, newest first, at most 5000")
def located_events(store: DeskDep, f: FiltersDep) -> dict[str, Any]:
    total, found = store.events(f, Page(limit=5000))
    points = [
        {
            "id": e["id"],
            "document": e["document_id"],
            "event": e["event"],
            "certainty": e["certainty"],
            "lat": e["location_lat"],
            "lon": e["location_lon"],
            "place": e["location_name"],
            "country": e["location_country"],
            "day": e["day"],
        }
        for e in found
        if e["location_lat"] is not None and e["location_lon"] is not None
    ]
    return {"total": total, "items": points}


@router.get("/quotes", summary="Quotes with speakers (filters: actor = speaker, q, document, since, until)")
def list_quotes(
    store: DeskDep,
    f: FiltersDep,
    pg: PageDep,
    document: Annotated[str | None, Query(max_length=300)] = None,
) -> dict[str, Any]:
    scoped = Filters(actor=f.actor, q=f.q, since=f.since, until=f.until, document_id=document or None)
    return paged(store.quotes, scoped, pg)


@router.get("/incidents", summary="Incidents across articles, most corroborated first")
def list_incidents(
    cache: AnalysisDep,
    f: FiltersDep,
    pg: PageDep,
    min_outlets: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> dict[str, Any]:
    found = cache.get()
    kept = [i for i in found.incidents if keep_incident(i, f, min_outlets)]
    kept.sort(key=lambda i: (-len(i.sources), -len(i.mentions), i.id))
    items = [incident_summary(i, found.names) for i in kept[pg.offset : pg.offset + pg.limit]]
    return listing(len(kept), items, pg)


@router.get("/incidents/{incident_id}", summary="One incident with every supporting report")
def get_incident(incident_id: IdParam, cache: AnalysisDep) -> dict[str, Any]:
    found = cache.get()
    inc = found.incident(incident_id)
    if inc is None:
        raise ApiError(404, "not found", f"no incident {incident_id}")
    return inc.model_dump(mode="json") | {"names": incident_summary(inc, found.names)["names"]}


@router.get("/relations", summary="Actor pairs with their latest relation status")
def list_relations(
    cache: AnalysisDep,
    pg: PageDep,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    period: PeriodParam = "month",
) -> dict[str, Any]:
    found = cache.get(period)
    rows = []
    for (a, b), periods in sorted(found.lines.items()):
        if not periods or (actor and actor not in (a, b)):
            continue
        known = [p for p in periods if p.status != "unknown"]
        latest = known[-1] if known else periods[-1]
        rows.append(
            {
                "a": a,
                "b": b,
                "a_name": found.names.get(a, a),
                "b_name": found.names.get(b, b),
                "status": latest.status,
                "period": latest.period,
                "periods": len(periods),
            }
        )
    return listing(len(rows), rows[pg.offset : pg.offset + pg.limit], pg)


@router.get("/relations/{a}/{b}", summary="Relation timeline of two actors (ids), one row per period")
def get_relation(a: IdParam, b: IdParam, cache: AnalysisDep, period: PeriodParam = "month") -> dict[str, Any]:
    found = cache.get(period)
    for actor_id in (a, b):
        if actor_id not in found.names:
            raise ApiError(404, "not found", f"no actor {actor_id}")
    first, second = sorted((a, b))
    periods = found.lines.get((first, second), [])
    return {"a": first, "b": second, "periods": [p.model_dump(mode="json") for p in periods]}


@router.get("/alerts", summary="Relation status changes between periods, newest first")
def list_alerts(
    cache: AnalysisDep,
    since: Annotated[str | None, Query(pattern=DAY_PATTERN)] = None,
    threshold: Annotated[float, Query(ge=0)] = 0.0,
    min_outlets: Annotated[int, Query(ge=0)] = 0,
    period: PeriodParam = "month",
) -> dict[str, Any]:
    from ..relations import alerts

    found = cache.get(period)
    items = alerts(
        found.lines,
        since=day(since, "since"),
        threshold=threshold,
        min_outlets=min_outlets,
        names=found.names,
    )
    return {"total": len(items), "items": [a.model_dump(mode="json") for a in items]}


@router.get("/network", summary="The signed actor graph (Cytoscape elements) and its balance summary")
def get_network(cache: AnalysisDep, period: PeriodParam = "month") -> dict[str, Any]:
    return network_elements(cache.get(period))


@router.get("/export/{fmt}", summary="Download events, incidents and relations in an exchange format")
def export_download(fmt: str, cache: AnalysisDep, f: FiltersDep) -> Response:
    from ..export import ExportData, export, filter_documents
    from ..incidents import options_from_documents

    if fmt not in EXPORT_TYPES:
        raise ApiError(
            404, "not found", f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_TYPES)}"
        )
    documents = cache.get().documents
    kept = filter_documents(
        documents, actor=f.actor, category=f.category, certainty=f.certainty, since=f.since, until=f.until
    )
    name, media_type = EXPORT_TYPES[fmt]
    with tempfile.TemporaryDirectory(prefix="allegiance-export-") as tmp:
        out = Path(tmp) / ("parquet" if fmt == "parquet" else name)
        written = export(ExportData.build(kept, options_from_documents(documents)), fmt, out)
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
