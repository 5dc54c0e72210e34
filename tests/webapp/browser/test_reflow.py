"""Reflow (WCAG 2.2, 1.4.10): no page scrolls sideways at 320 CSS px.

Each page is opened in headless Chromium in a window 320 px wide (device scale factor 1),
light and dark, and must have ``document.documentElement.scrollWidth <= clientWidth``:
home (fresh, and with the form's errors), a briefing page with its audio done (with the
longest labels a real briefing has: a large file of an hour and more) and with its audio
queued, a daily digest, the accessibility statement, the API docs and error pages. axe
cannot see this; test_axe.py checks the same pages for its rules.
"""

from __future__ import annotations

from datetime import date

import pytest

WIDTH = 320
PAGES = (
    "home", "form-errors", "done-long", "ready", "queued", "failed", "digest", "statement", "api-docs",
    "not-found", "bad-request", "method-not-allowed",
)


@pytest.fixture(scope="module")
def long_briefing(site):
    """A briefing whose audio is done with long labels: 123.5 MB, 1 hour 2 minutes 5 seconds,
    chapters with long titles, a long unbroken source address (its files are not needed)."""
    store = site["app"].extensions["briefing.store"]
    ready = store.get_briefing(site["pending"])
    briefing_id = "reflowlong01"
    if store.get_briefing(briefing_id) is None:
        document = dict(ready.briefing)
        article = dict(document.get("article") or {})
        article["source_url"] = "https://news.example.org/" + "a-very-long-path-segment-without-breaks" * 3
        document["article"] = article
        store.add_briefing(
            briefing_id, title="An exceptionally long headline about the harbour bridge repairs " * 2,
            source_url=article["source_url"], source_kind="url", source_name=article["source_url"],
            input_hash="reflow-long", options={}, article=article, briefing=document, status="done",
        )
        chapters = [{"title": f"Point {n}: " + "Supercalifragilisticexpialidocious" * 2, "start": n * 60.0,
                     "end": n * 60.0 + 60} for n in range(3)]
        store.set_status(briefing_id, "done", audio={
            "content_hash": "0" * 64, "duration": 3725.0, "mp3_bytes": 123_456_789, "voice": "piper",
            "files": {}, "chapters": chapters,
            "transcript": [{"label": c["title"], "start": c["start"], "text": "Words " * 40} for c in chapters],
        })
    return briefing_id


def open_page(page, site, name: str, long_briefing: str, wait_until_done) -> None:
    base = site["url"]
    if name == "home":
        page.goto(base + "/")
    elif name == "form-errors":
        page.goto(base + "/")
        page.locator("button[type=submit]").click()
        page.wait_for_selector("#error-summary")
    elif name == "done-long":
        page.goto(f"{base}/briefings/{long_briefing}")
        page.wait_for_selector("audio")
    elif name == "ready":
        wait_until_done(site, site["ready"])
        page.goto(f"{base}/briefings/{site['ready']}")
        page.wait_for_selector("audio")
    elif name in ("queued", "failed"):
        page.goto(f"{base}/briefings/{site['pending' if name == 'queued' else 'failed']}")
        page.wait_for_selector("[role=status]")
    elif name == "digest":
        from web.digest import make_digest

        wait_until_done(site, site["ready"])
        app = site["app"]
        day = date.fromisoformat(app.extensions["briefing.store"].get_briefing(site["ready"]).created_at[:10])
        page.goto(f"{base}/briefings/{make_digest(app, day).record.id}")
    elif name == "statement":
        page.goto(base + "/accessibility")
    elif name == "api-docs":
        page.goto(base + "/api/v1/docs")
    elif name == "not-found":
        assert page.goto(base + "/briefings/no-such-briefing").status == 404
    elif name == "bad-request":
        # A form sent without its security token gets the 400 error page; shown as it came.
        response = page.request.post(base + "/briefings", form={"text": "x"})
        assert response.status == 400
        body = response.text()
        page.route(base + "/error-400", lambda route: route.fulfill(status=400, body=body, content_type="text/html"))
        page.goto(base + "/error-400")
    elif name == "method-not-allowed":
        assert page.goto(f"{base}/briefings/{site['failed']}/retry").status == 405
    page.wait_for_load_state("load")


@pytest.mark.parametrize("scheme", ("light", "dark"))
@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_at_320_px(browser, site, long_briefing, wait_until_done, name, scheme):
    context = browser.new_context(viewport={"width": WIDTH, "height": 640}, device_scale_factor=1,
                                  color_scheme=scheme)
    page = context.new_page()
    try:
        open_page(page, site, name, long_briefing, wait_until_done)
        sizes = page.evaluate(
            "({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
        )
        assert sizes["client"] == WIDTH
        if sizes["scroll"] > sizes["client"]:
            wide = page.evaluate(
                """(width) => [...document.querySelectorAll('body *')]
                    .filter((e) => e.getBoundingClientRect().right > width + 0.5)
                    .slice(0, 8).map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}`)""",
                WIDTH,
            )
            pytest.fail(f"{name} scrolls sideways: {sizes['scroll']} px wide at {WIDTH} px; widest: {wide}")
    finally:
        context.close()
