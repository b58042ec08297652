"""HTML pages: overview, events, documents with the evidence view, actors, incidents, network,
map, alerts, and the OpenAPI page. Data comes from `allegiance.query.Query`, as for the JSON API;
a bad filter or unknown reference is shown as the query layer's message (api/errors.py)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..api.params import PeriodParam, filters, page
from ..query import Filters, Page
from ..query import Query as Reader
from .evidence import event_highlights, quote_highlights, render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
FiltersDep = Annotated[Filters, Depends(filters)]
PageDep = Annotated[Page, Depends(page)]


def _reader(request: Request) -> Reader:
    return request.app.state.query


ReaderDep = Annotated[Reader, Depends(_reader)]


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


@router.get("/")
def overview(request: Request, q: ReaderDep) -> Response:
    _, events, _ = q.events(Filters(), Page(limit=12))
    _, documents = q.documents(Filters(), Page(limit=8))
    _, actors = q.actors(Filters(), Page(limit=10))
    return show(
        request, "overview.html", counts=q.counts(), events=events, documents=documents, actors=actors
    )


@router.get("/events")
def events_page(request: Request, q: ReaderDep, f: FiltersDep, pg: PageDep) -> Response:
    total, found, _ = q.events(f, pg)
    return show(request, "events.html", f=f, pg=pg, total=total, events=found, facets=q.facets())


@router.get("/documents")
def documents_page(request: Request, q: ReaderDep, f: FiltersDep, pg: PageDep) -> Response:
    total, found = q.documents(f, pg)
    return show(request, "documents.html", f=f, pg=pg, total=total, documents=found)


@router.get("/documents/{doc_id}")
def document_page(
    request: Request, q: ReaderDep, doc_id: str, event: Annotated[str | None, Query(max_length=400)] = None
) -> Response:
    document = q.document(doc_id)
    selected = next((e for e in document.events if e.id == event), None)
    if selected is None and document.events and event is None:
        selected = document.events[0]
    marks = quote_highlights(document) + (event_highlights(selected) if selected else [])
    others: list[dict[str, Any]] = []
    incident = None
    if selected is not None:
        incident = q.analysis().incident_of.get(selected.id)
        if incident is not None:
            others = [
                {"document": m.document, "event": m.event.id, "outlet": m.outlet, "text": m.event.eventText}
                for m in incident.mentions
                if m.event.id != selected.id
            ]
    return show(
        request,
        "document.html",
        document=document,
        selected=selected,
        body=render(document.text, marks),
        names={a.id: a.name for a in document.actors},
        others=others,
        incident=incident.id if incident is not None else None,
    )


@router.get("/actors")
def actors_page(
    request: Request,
    q: ReaderDep,
    f: FiltersDep,
    pg: PageDep,
    type: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    total, found = q.actors(Filters(q=f.q, country=f.country, type=type), pg)
    return show(request, "actors.html", f=f, pg=pg, total=total, actors=found, type=type or "")


@router.get("/actors/{actor}")
def actor_page(
    request: Request,
    q: ReaderDep,
    actor: str,
    with_: Annotated[str | None, Query(alias="with", max_length=300)] = None,
    period: PeriodParam = "month",
) -> Response:
    profile = q.actor(actor)
    _, recent, _ = q.events(Filters(actor=profile["id"]), Page(limit=20))
    timeline: list[Any] = []
    other = other_name = None
    if with_:
        first, second, timeline = q.relation(profile["id"], with_, period)
        other = second if first == profile["id"] else first
        other_name = q.names([other]).get(other, other)
    return show(
        request,
        "actor.html",
        actor=profile,
        events=recent,
        other=other,
        other_name=other_name,
        timeline=timeline,
        period=period,
    )


@router.get("/incidents")
def incidents_page(request: Request, q: ReaderDep, f: FiltersDep, pg: PageDep) -> Response:
    total, items = q.incidents(f, pg)
    return show(request, "incidents.html", f=f, pg=pg, total=total, incidents=items)


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, q: ReaderDep, incident_id: str) -> Response:
    incident = q.incident(incident_id)
    return show(request, "incident.html", incident=incident, names=q.analysis().names)


@router.get("/network")
def network_page(request: Request, period: PeriodParam = "month") -> Response:
    return show(request, "network.html", period=period)


@router.get("/map")
def map_page(request: Request, q: ReaderDep, f: FiltersDep) -> Response:
    return show(request, "map.html", f=f, facets=q.facets())


@router.get("/alerts")
def alerts_page(request: Request, q: ReaderDep, period: PeriodParam = "month") -> Response:
    return show(
        request, "alerts.html", alerts=q.alerts(period=period), names=q.analysis(period).names, period=period
    )


@router.get("/docs")
def openapi_page(request: Request) -> Response:
    return show(request, "docs.html")
