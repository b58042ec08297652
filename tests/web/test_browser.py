"""End-to-end: the real server (uvicorn, in a thread, on a free localhost port, with a token) over
a real DuckDB store, driven by Chromium through Playwright. Screenshots of every page go to
artifacts/screenshots/. Skipped when Playwright or /usr/bin/chromium is missing.

CI needs:  apt-get install -y chromium   and   pip install playwright==1.65.2  (no `playwright install`).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from allegiance.api import create_app

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)", allow_module_level=True)

import uvicorn  # noqa: E402

pytestmark = pytest.mark.slow
TOKEN = "browser-test-token"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_store):
    port = free_port()
    config = uvicorn.Config(
        create_app(web_store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(400):  # started is set once the socket listens
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser tab that has logged in with ?token= (the cookie then carries it) and that
    records console errors (CSP violations included) and dialogs."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.problems = []
    tab.dialogs = []
    tab.on("console", lambda m: tab.problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.problems.append(str(e)))
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    tab.on("response", lambda r: tab.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    tab.goto(f"{server}/?token={TOKEN}")
    yield tab
    context.close()


def shoot(tab, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def real_problems(tab) -> list[str]:
    # Swagger UI's bundle names a source map we do not ship; devtools alone asks for it.
    return [p for p in tab.problems if not p.endswith(".map")]


PAGES = {
    "overview": ("/", "h1"),
    "events": ("/events", "#events-table"),
    "documents": ("/documents", "table"),
    "actors": ("/actors", "table"),
    "actor": ("/actors/varnese-army?with=kestrel-brigade", "#timeline"),
    "incidents": ("/incidents", "table"),
    "network": ("/network", "#network[data-ready=true]"),
    "map": ("/map", "#map[data-ready=true]"),
    "alerts": ("/alerts", "table"),
    "api-docs": ("/docs", ".swagger-ui .info"),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_loads_cleanly(page, server, name):
    path, ready = PAGES[name]
    page.goto(server + path)
    page.wait_for_selector(ready, timeout=20000)
    shoot(page, name)
    assert real_problems(page) == []


def test_network_and_map_draw_their_data(page, server):
    page.goto(server + "/network")
    page.wait_for_selector("#network[data-ready=true]", timeout=20000)
    assert page.locator("#network canvas").count() > 0
    assert "actors" in page.inner_text("#network-summary")
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-ready=true]", timeout=20000)
    assert page.locator("#map-svg path.country").count() > 100
    assert shown_on_map(page) == 14


def shown_on_map(tab) -> int:
    """Events the map draws: single points plus the counts written on the clusters."""
    counts = tab.locator("#map-svg text.cluster-count").all_text_contents()
    return tab.locator("#map-svg circle.point").count() + sum(int(c) for c in counts)


def test_map_clusters_nearby_events_and_filters_by_period_and_category(page, server):
    page.goto(server + "/map")
    page.wait_for_selector("#map[data-ready=true]", timeout=20000)
    clusters = page.locator("#map-svg g.cluster")
    assert clusters.count() >= 1  # the fixture's events share a few places
    before = page.locator("#map-svg circle.point").count()
    clusters.first.click()  # zooms in: the cluster splits into its points
    page.wait_for_function("document.getElementById('map-svg').getAttribute('viewBox') !== '0 0 960 500'")
    assert page.locator("#map-svg circle.point").count() > before
    page.click("#map-reset")
    shoot(page, "map-clustered")
    page.locator("#map-legend button.key", has_text="ASSAULT").click()  # hide one category
    assert 0 < shown_on_map(page) < 14
    page.locator("#map-legend button.key", has_text="ASSAULT").click()
    months = page.locator("#map-period option").all_inner_texts()[1:]
    assert months
    page.select_option("#map-period", months[-1])
    assert 0 < shown_on_map(page) <= 14
    assert real_problems(page) == []


def test_network_labels_are_readable_at_the_first_view(page, server):
    page.goto(server + "/network")
    page.wait_for_selector("#network[data-ready=true]", timeout=20000)
    assert float(page.get_attribute("#network", "data-zoom") or 0) >= 0.8


def test_filter_events_then_open_the_evidence(page, server):
    page.goto(server + "/events")
    page.select_option("select[name=category]", "ASSAULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*category=ASSAULT*")
    rows = page.locator("#events-table tbody tr.clickable")
    assert rows.count() == 2
    rows.first.locator("td").first.click()  # a click anywhere on the row opens the evidence
    page.wait_for_url("**/documents/**")
    page.wait_for_selector("mark.hl-trigger")
    shoot(page, "evidence")
    assert page.inner_text("mark.hl-trigger") == "attacked"
    assert page.inner_text("mark.hl-actor") == "Kestrel Brigade"
    assert page.inner_text("mark.hl-recipient") == "Varnese Army"
    assert page.inner_text("mark.hl-place") == "Varn"
    assert page.inner_text("mark.hl-time") == "Monday"
    assert page.locator("#other-reports a").count() == 1
    assert real_problems(page) == []


def test_script_in_an_article_renders_as_text(page, server):
    page.goto(server + "/documents/doc-hostile")
    page.wait_for_selector("#article-text")
    page.wait_for_timeout(300)  # give any injected handler a chance to fire
    shoot(page, "hostile-article")
    assert page.dialogs == []
    assert "<script>alert(1)</script>" in page.inner_text("#article-text")
    assert "<script>alert(1)</script>" in page.inner_text("h1")
    assert page.locator("#article-text script, #article-text img").count() == 0


def test_without_the_token_the_browser_is_refused(browser, server):
    context = browser.new_context()
    tab = context.new_page()
    response = tab.goto(server + "/events")
    assert response is not None and response.status == 401
    context.close()
