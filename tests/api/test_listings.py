"""Listings: filters, pagination with totals, stable sorting, single records and 404/422."""

from __future__ import annotations

from allegiance.records import Document

from .synthetic import documents


def get(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_counts_match_what_was_stored(client):
    counts = get(client, "/api/counts")
    stored = documents()
    assert counts["documents"] == len(stored)
    assert counts["events"] == sum(len(d.events) for d in stored)
    assert counts["quotes"] == sum(len(d.quotes) for d in stored)


def test_events_filter_by_actor_id_or_alias_in_either_role(client):
    by_id = get(client, "/api/events", actor="kestrel-brigade")
    assert by_id["total"] == 2
    assert all(e["actor"][0]["id"] == "kestrel-brigade" for e in by_id["items"])
    as_recipient = get(client, "/api/events", actor="Varnese Army")
    assert as_recipient["total"] == 14  # two clashes + twelve deliveries
    unknown = client.get("/api/events", params={"actor": "Kestrel Brigadier"})
    assert unknown.status_code == 404
    assert unknown.json()["detail"]["candidates"] == ["kestrel-brigade"]  # the closest stored name


def test_events_filters_combine(client):
    assert get(client, "/api/events", category="assault")["total"] == 2
    assert get(client, "/api/events", certainty="reported")["total"] == 2
    assert get(client, "/api/events", country="ner")["total"] == 12
    assert get(client, "/api/events", admin1="Mopti", category="ASSAULT")["total"] == 2
    assert get(client, "/api/events", country="NER", category="ASSAULT")["total"] == 0
    window = get(client, "/api/events", since="2030-04-03", until="2030-04-05")
    assert sorted(e["day"] for e in window["items"]) == ["2030-04-03", "2030-04-04", "2030-04-05"]
    assert get(client, "/api/events", q="KILLING 4")["total"] == 2
    assert get(client, "/api/events", q="100%")["total"] == 0  # % is literal, not a wildcard
    assert [e["document_id"] for e in get(client, "/api/events", document="doc-aid-03")["items"]] == [
        "doc-aid-03"
    ]


def test_event_items_carry_participants_with_names_and_offsets(client):
    event = get(client, "/api/events", category="ASSAULT", limit=1)["items"][0]
    doc = get(client, f"/api/documents/{event['document_id']}")
    actor = event["actor"][0]
    assert actor["name"] == "Kestrel Brigade"
    assert doc["text"][actor["start"] : actor["end"]] == actor["text"]
    assert doc["text"][event["trigger_start"] : event["trigger_end"]] == event["trigger_text"]


def test_pages_partition_the_listing_without_overlap(client):
    everything = get(client, "/api/events", limit=500)["items"]
    pages, offset = [], 0
    while True:
        chunk = get(client, "/api/events", limit=5, offset=offset)
        assert chunk["total"] == len(everything)
        if not chunk["items"]:
            break
        pages += chunk["items"]
        offset += 5
    assert [e["id"] for e in pages] == [e["id"] for e in everything]


def test_sorts_are_stable_and_directional(client):
    newest = get(client, "/api/events", sort="-date")["items"]
    days = [e["day"] for e in newest]
    assert days == sorted(days, reverse=True)
    oldest = get(client, "/api/events", sort="date")["items"]
    assert [e["day"] for e in oldest] == sorted(days)
    assert get(client, "/api/events", sort="-dead")["items"][0]["dead"] == 4
    # Equal keys (two clashes on the same day) keep one order from call to call.
    again = get(client, "/api/events", sort="-date")["items"]
    assert [e["id"] for e in again] == [e["id"] for e in newest]


def test_bad_filters_are_422_with_json_error(client):
    for params in (
        {"certainty": "maybe"},
        {"country": "Mali!"},
        {"since": "2030-02-30"},
        {"until": "yesterday"},
        {"limit": 0},
        {"limit": 100000},
        {"offset": -1},
        {"sort": "drop table"},
        {"sort": "nonexistent"},
        {"category": "ASSAULT;--"},
    ):
        response = client.get("/api/events", params=params)
        assert response.status_code == 422, params
        body = response.json()
        assert body["error"] == "invalid request" and body["detail"], params


def test_document_round_trips_as_the_record(client):
    original = next(d for d in documents() if d.id == "doc-a")
    served = Document.model_validate(get(client, "/api/documents/doc-a"))
    assert served == original


def test_unknown_ids_are_404_json(client):
    for path in (
        "/api/documents/nope",
        "/api/actors/nope",
        "/api/incidents/nope",
        "/api/relations/nope/other",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"] == "not found"


def test_documents_listing_filters_and_sorts(client):
    assert get(client, "/api/documents", q="reader comment")["total"] == 1
    assert get(client, "/api/documents", actor="kestrel-brigade")["total"] == 2
    assert get(client, "/api/documents", category="AID", since="2030-04-10")["total"] == 3
    titles = [d["title"] for d in get(client, "/api/documents", sort="title", limit=3)["items"]]
    assert titles == sorted(titles)


def test_actor_profile_has_parent_children_and_recent_events(client):
    army = get(client, "/api/actors/varnese-army")
    assert army["name"] == "Varnese Army"
    assert [c["id"] for c in army["children"]] == ["varnese-army-7th"]
    assert len(army["recent_events"]) == 14
    division = get(client, "/api/actors/varnese-army-7th")
    assert division["parent"] == "varnese-army" and division["parent_name"] == "Varnese Army"
    listed = get(client, "/api/actors", q="kestrel")
    assert [a["id"] for a in listed["items"]] == ["kestrel-brigade"]
    assert {a["id"] for a in get(client, "/api/actors", country="NER")["items"]} == {"relief-league"}


def test_quotes_with_speaker_filter(client):
    quotes = get(client, "/api/quotes", actor="7th Division")
    assert quotes["total"] == 2
    assert all(q["speaker_name"] == "7th Division" for q in quotes["items"])
    assert get(client, "/api/quotes", document="doc-a")["total"] == 1
    assert get(client, "/api/quotes", q="no such words")["total"] == 0


def test_cross_article_views(client):
    incidents = get(client, "/api/incidents", category="ASSAULT")
    assert incidents["total"] == 1
    clash = incidents["items"][0]
    assert {r["document"] for r in clash["reports"]} == {"doc-a", "doc-hostile"}
    assert get(client, f"/api/incidents/{clash['id']}")["mentions"]
    relations = get(client, "/api/relations", actor="kestrel-brigade")
    assert [(r["a"], r["b"]) for r in relations["items"]] == [("kestrel-brigade", "varnese-army")]
    timeline = get(client, "/api/relations/varnese-army/kestrel-brigade")
    assert timeline["periods"] and timeline["periods"][0]["status"] == "hostile"
    network = get(client, "/api/network")
    assert {n["data"]["id"] for n in network["nodes"]} >= {"kestrel-brigade", "varnese-army"}
    assert get(client, "/api/alerts")["total"] == len(get(client, "/api/alerts")["items"])


def test_located_events_for_the_map(client):
    points = get(client, "/api/events/located", category="ASSAULT")["items"]
    assert {(p["lat"], p["lon"]) for p in points} == {(14.5, -4.2)}


def test_export_is_a_download(client):
    response = client.get("/api/export/plover", params={"category": "ASSAULT"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    lines = [line for line in response.text.splitlines() if line.strip()]
    assert len(lines) == 2
    assert client.get("/api/export/not-a-format").status_code == 404
