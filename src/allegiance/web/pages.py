"""HTML pages: overview, events, documents with the evidence view, actors, incidents, network,
map, alerts, and the OpenAPI page. Data comes from the same queries as the JSON API."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..api.analysis import AnalysisCache, incident_summary, keep_incident
from ..api.errors import ApiError
from ..api.params import PeriodParam, filters, page
from ..api.queries import Desk, Filters, Page
from .evidence import event_highlights, quote_highlights, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
FiltersDep = Annotated[Filters, Depends(filters)]
PageDep = Annotated[Page, Depends(page)]


def _desk(request: Request) -> Desk:
    return request.app.state.desk


def _analysis(request: Request) -> AnalysisCache:
    return request.app.state.analysis


def url_with(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one); token never copied
    (the cookie carries it)."""
    params = {k: v for k, v in request.query_params.items() if k != "token"}
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + ("?" + query if query else "")


def show(request: Request, template: str, **context: Any) -> Response:
    context.setdefault("url_with", lambda **c: url_with(request, **c))
    return request.app.state.templates.TemplateResponse(request, template, context)


def _paged(run: Any, f: Filters, pg: Page) -> tuple[int, list[dict[str, Any]]]:
    try:
        return run(f, pg)
    except ValueError as exc:
        raise ApiError(422, "invalid request", str(exc)) from None


@router.get("/")
def overview(request: Request) -> Response:
    desk = _desk(request)
    _, events = desk.events(Filters(), Page(limit=12))
    _, documents = desk.documents(Filters(), Page(limit=8))
    _, actors = desk.actors(Filters(), Page(limit=10))
    return show(
        request, "overview.html", counts=desk.counts(), events=events, documents=documents, actors=actors
    )


@router.get("/events")
def events_page(request: Request, f: FiltersDep, pg: PageDep) -> Response:
    desk = _desk(request)
    total, found = _paged(desk.events, f, pg)
    return show(request, "events.html", f=f, pg=pg, total=total, events=found, facets=desk.facets())


@router.get("/documents")
def documents_page(request: Request, f: FiltersDep, pg: PageDep) -> Response:
    total, found = _paged(_desk(request).documents, f, pg)
    return show(request, "documents.html", f=f, pg=pg, total=total, documents=found)


@router.get("/documents/{doc_id}")
def document_page(
    request: Request, doc_id: str, event: Annotated[str | None, Query(max_length=400)] = None
) -> Response:
    desk = _desk(request)
    document = desk.load_document(doc_id)
    if document is None:
        raise ApiError(404, "not found", f"no document {doc_id}")
    selected = next((e for e in document.events if e.id == event), None)
    if selected is None and document.events and event is None:
        selected = document.events[0]
    marks = quote_highlights(document) + (event_highlights(selected) if selected else [])
    others: list[dict[str, Any]] = []
    incident = None
    if selected is not None:
        analysis = _analysis(request).get()
        incident = analysis.incident_of.get(selected.id)
        if incident is not None:
            others = [
                {"document": m.document, "event": m.event.id, "outlet": m.outlet, "text": m.event.eventText}
                for m in incident.mentions
                if m.event.id != selected.id
            ]
    names = {a.id: a.name for a in document.actors}
    return show(
        request,
        "document.html",
        document=document,
        selected=selected,
        body=render(document.text, marks),
        names=names,
        others=others,
        incident=incident.id if incident is not None else None,
    )


@router.get("/actors")
def actors_page(
    request: Request,
    f: FiltersDep,
    pg: PageDep,
    type: Annotated[str | None, Query(pattern=r"^([a-z_]{2,30})?$")] = None,
) -> Response:
    total, found = _paged(_desk(request).actors, Filters(q=f.q, country=f.country, type=type or None), pg)
    return show(request, "actors.html", f=f, pg=pg, total=total, actors=found, type=type or "")


@router.get("/actors/{actor_id}")
def actor_page(
    request: Request,
    actor_id: str,
    with_: Annotated[str | None, Query(alias="with", max_length=300)] = None,
    period: PeriodParam = "month",
) -> Response:
    desk = _desk(request)
    profile = desk.actor(actor_id)
    if profile is None:
        raise ApiError(404, "not found", f"no actor {actor_id}")
    _, recent = desk.events(Filters(actor=actor_id), Page(limit=20))
    timeline: list[Any] = []
    if with_:
        analysis = _analysis(request).get(period)
        timeline = analysis.lines.get(tuple(sorted((actor_id, with_))), [])  # type: ignore[arg-type]
    return show(
        request,
        "actor.html",
        actor=profile,
        events=recent,
        other=with_,
        other_name=desk.names([with_]).get(with_, with_) if with_ else None,
        timeline=timeline,
        period=period,
    )


@router.get("/incidents")
def incidents_page(request: Request, f: FiltersDep, pg: PageDep) -> Response:
    analysis = _analysis(request).get()
    kept = sorted(
        (i for i in analysis.incidents if keep_incident(i, f)),
        key=lambda i: (-len(i.sources), -len(i.mentions), i.id),
    )
    items = [incident_summary(i, analysis.names) for i in kept[pg.offset : pg.offset + pg.limit]]
    return show(request, "incidents.html", f=f, pg=pg, total=len(kept), incidents=items)


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: str) -> Response:
    analysis = _analysis(request).get()
    incident = analysis.incident(incident_id)
    if incident is None:
        raise ApiError(404, "not found", f"no incident {incident_id}")
    return show(request, "incident.html", incident=incident, names=analysis.names)


@router.get("/network")
def network_page(request: Request, period: PeriodParam = "month") -> Response:
    return show(request, "network.html", period=period)


@router.get("/map")
def map_page(request: Request, f: FiltersDep) -> Response:
    return show(request, "map.html", f=f, facets=_desk(request).facets())


@router.get("/alerts")
def alerts_page(request: Request, period: PeriodParam = "month") -> Response:
    from ..relations import alerts

    analysis = _analysis(request).get(period)
    found = alerts(analysis.lines, names=analysis.names)
    return show(request, "alerts.html", alerts=found, names=analysis.names, period=period)


@router.get("/docs")
def openapi_page(request: Request) -> Response:
    return show(request, "docs.html")
