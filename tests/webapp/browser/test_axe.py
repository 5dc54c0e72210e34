"""axe-core in headless Chromium on every kind of page, in light and dark schemes.

Fails on any violation of WCAG 2.0/2.1/2.2 A and AA rules and axe's best practices, on
``no-autoplay-audio`` even in "incomplete" (axe files it there: it needs review), on any
console error (a Content-Security-Policy violation shows up there), on a page that
scrolls sideways at 320 CSS px, and on audio that plays by itself.

Set BRIEFING_SCREENSHOTS=DIR to save a screenshot of each page at 320 px and 1280 px.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
ALWAYS_FAIL_IF_INCOMPLETE = {"no-autoplay-audio"}
SCHEMES = ("light", "dark")
# The ready briefing comes last: its audio is made by the real voice while the others run.
PAGES = ("home", "statement", "api-docs", "not-found", "form-errors", "pending", "failed", "ready", "digest")


def open_page(page, site, name: str, wait_until_done) -> None:
    base = site["url"]
    if name == "home":
        page.goto(base + "/")
    elif name == "statement":
        page.goto(base + "/accessibility")
    elif name == "api-docs":
        page.goto(base + "/api/v1/docs")
    elif name == "not-found":
        response = page.goto(base + "/briefings/no-such-briefing")
        assert response.status == 404
    elif name == "form-errors":
        page.goto(base + "/")
        page.locator("button[type=submit]").click()
        page.wait_for_selector("#error-summary")
        assert page.evaluate("document.activeElement.id") == "error-summary"
    elif name in ("pending", "failed"):
        page.goto(f"{base}/briefings/{site[name]}")
        page.wait_for_selector("[role=status]")
    elif name == "ready":
        wait_until_done(site, site["ready"])
        page.goto(f"{base}/briefings/{site['ready']}")
        page.wait_for_selector("audio")
        page.wait_for_function("() => document.querySelector('.chapter-button') !== null")  # JS ran
    elif name == "digest":
        wait_until_done(site, site["ready"])
        digest_id = _digest_of_the_ready_briefing(site)
        wait_until_done(site, digest_id, timeout=120)
        page.goto(f"{base}/briefings/{digest_id}")
        page.wait_for_selector("audio")
        page.wait_for_function("() => document.querySelector('.chapter-button') !== null")
    page.wait_for_load_state("load")


def _digest_of_the_ready_briefing(site) -> str:
    """The daily digest of the day the ready briefing was made (made once, then reused)."""
    from datetime import date

    from web.digest import make_digest

    app = site["app"]
    day = date.fromisoformat(app.extensions["briefing.store"].get_briefing(site["ready"]).created_at[:10])
    return make_digest(app, day).record.id


def watch(page, problems: list[str]) -> None:
    """Collect console errors (CSP violations show up there), script errors, and failed
    sub-resources. The page's own status (404, 422) is expected and checked elsewhere."""

    def on_console(msg) -> None:
        if msg.type == "error" and not msg.text.startswith("Failed to load resource: the server responded"):
            problems.append(msg.text)

    def on_response(response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status} for {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("response", on_response)


def run_axe(page, axe_source: str) -> dict:
    page.evaluate(axe_source)  # evaluated by the driver, so the page's CSP does not block it
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations", "incomplete"],
            });
            const brief = (items) => items.map((r) => ({
                id: r.id, impact: r.impact, help: r.help,
                nodes: r.nodes.map((n) => ({target: n.target, summary: n.failureSummary})),
            }));
            return {violations: brief(result.violations), incomplete: brief(result.incomplete)};
        }""",
        TAGS,
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_violations(browser, axe_source, site, name, scheme, wait_until_done):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    watch(page, problems)
    try:
        open_page(page, site, name, wait_until_done)
        result = run_axe(page, axe_source)
        violations = result["violations"]
        flagged = [r for r in result["incomplete"] if r["id"] in ALWAYS_FAIL_IF_INCOMPLETE]
        assert not violations + flagged, json.dumps(violations + flagged, indent=2)
        assert not problems, problems
        assert page.evaluate("[...document.querySelectorAll('audio, video')].every(m => m.paused && !m.autoplay)")
        _screenshot(page, name, scheme, "desktop")

        page.set_viewport_size({"width": 320, "height": 720})
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 320 px"
        result = run_axe(page, axe_source)
        assert not result["violations"], json.dumps(result["violations"], indent=2)
        _screenshot(page, name, scheme, "320")
    finally:
        context.close()


def test_reduced_motion_stops_the_status_animation(browser, site):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    try:
        page.goto(f"{site['url']}/briefings/{site['pending']}")
        running = page.evaluate(
            "getComputedStyle(document.querySelector('.status-message'), '::before').animationName"
        )
        assert running == "none"
    finally:
        context.close()


def test_pages_work_without_javascript(browser, site, wait_until_done):
    wait_until_done(site, site["ready"])
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site['url']}/briefings/{site['ready']}")
        times = page.locator(".chapters .chapter-time").all_inner_texts()
        assert times and times[0] == "0:00"  # chapters show their times
        assert page.locator(".chapters button").count() == 0
        page.goto(f"{site['url']}/briefings/{site['pending']}")
        assert page.get_by_role("link", name="Check whether the audio is ready").count() == 1
    finally:
        context.close()


def _screenshot(page, name: str, scheme: str, width: str) -> None:
    folder = os.environ.get("BRIEFING_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}-{scheme}-{width}.png"), full_page=True)


def test_axe_catches_known_violations(browser, axe_source):
    """The harness itself: a page with known faults must fail."""
    import base64

    from doubles import tone_mp3

    sound = "data:audio/mpeg;base64," + base64.b64encode(tone_mp3(4.0)).decode()
    page = browser.new_page()
    try:
        page.set_content(
            "<html><body><img src='data:,'><p style='color:#999;background:#fff'>faint</p>"
            f"<audio src='{sound}' autoplay></audio></body></html>"
        )
        result = run_axe(page, axe_source)
        found = {r["id"] for r in result["violations"]} | {r["id"] for r in result["incomplete"]}
        assert {"image-alt", "color-contrast", "html-has-lang", "no-autoplay-audio"} <= found, found
    finally:
        page.close()
