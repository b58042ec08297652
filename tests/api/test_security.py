"""Guards: token, ingest switch, body limit, headers, escaping of hostile text, static files,
read-only store."""

from __future__ import annotations

import re

import duckdb
import pytest
from fastapi.testclient import TestClient

from allegiance.api import create_app

from .synthetic import HOSTILE

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def guarded(desk_store):
    with TestClient(create_app(desk_store, token=TOKEN)) as c:
        yield c


@pytest.mark.parametrize("path", ["/api/events", "/", "/events", "/static/app.css", "/openapi.json"])
def test_token_is_required_everywhere(guarded, path):
    missing = guarded.get(path)
    assert missing.status_code == 401
    assert missing.json()["error"] == "unauthorized"
    assert guarded.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_query_token_sets_a_cookie_for_the_browser(desk_store):
    with TestClient(create_app(desk_store, token=TOKEN)) as browser:
        first = browser.get("/events", params={"token": TOKEN})
        assert first.status_code == 200
        cookie = first.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        # The client keeps the cookie: later requests need no token in the URL.
        assert browser.get("/api/counts").status_code == 200
        browser.cookies.clear()
        assert browser.get("/api/counts").status_code == 401


def test_ingest_is_forbidden_unless_allowed(client):
    response = client.post("/api/ingest", content=b"Some page.", headers={"content-type": "text/plain"})
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"


def test_body_over_the_limit_is_413(writable_store):
    app = create_app(writable_store, allow_ingest=True, max_body=1000, pipeline=object())
    with TestClient(app) as c:
        response = c.post("/api/ingest", content=b"x" * 5000, headers={"content-type": "text/plain"})
        assert response.status_code == 413
        assert response.json()["error"] == "request body too large"

        def chunks():  # no Content-Length: the limit is enforced while reading
            for _ in range(10):
                yield b"y" * 500

        streamed = c.post("/api/ingest", content=chunks(), headers={"content-type": "text/plain"})
        assert streamed.status_code == 413


def test_unknown_ingest_media_type_is_415(writable_store):
    with TestClient(create_app(writable_store, allow_ingest=True, pipeline=object())) as c:
        response = c.post("/api/ingest", content=b"%PDF-1.4", headers={"content-type": "application/pdf"})
        assert response.status_code == 415


@pytest.mark.parametrize(
    "path", ["/api/events", "/", "/documents/doc-hostile", "/static/app.css", "/api/nope"]
)
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_hostile_article_text_and_title_are_escaped(client):
    page = client.get("/documents/doc-hostile").text
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    # Every script the page loads is one of our static files; none is inline.
    for tag in re.findall(r"<script[^>]*>", page):
        assert re.fullmatch(r'<script src="/static/[\w./-]+">', tag), tag
    listing = client.get("/documents").text
    assert HOSTILE not in listing and "Attack in Varn &lt;script&gt;" in listing


def test_json_api_returns_hostile_text_as_data(client):
    response = client.get("/api/documents/doc-hostile")
    assert response.headers["content-type"].startswith("application/json")
    assert HOSTILE in response.json()["text"]


@pytest.mark.parametrize(
    "path",
    [
        "/static/../api/app.py",
        "/static/%2e%2e/api/app.py",
        "/static/..%2fapi%2fapp.py",
        "/static/vendor/../../pages.py",
    ],
)
def test_no_path_traversal_out_of_static(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "def create_app" not in response.text and "APIRouter" not in response.text


def test_store_is_opened_read_only_unless_ingest(client):
    with pytest.raises(duckdb.Error):
        client.app.state.query.store.con.execute("CREATE TABLE intruder (x INTEGER)")
