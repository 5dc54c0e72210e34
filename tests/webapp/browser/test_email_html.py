"""The API's email_html of the seed briefing in headless Chromium: it renders its title,
points and links, holds no script, and loads nothing (email clients block remote content).
A public key's snippet links to the briefing's page; a private key's (no public page) to the MP3."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "samples" / "musk-israel-visit.txt"


@pytest.fixture(params=["public", "private"])
def seed_email(app, request):
    from web.api import create_key

    key = create_key(app.extensions["briefing.store"], "email", public=request.param == "public")
    client = app.test_client()
    auth = {"Authorization": f"Bearer {key['key']}"}
    created = client.post("/api/v1/briefings", json={"text": SEED.read_text(encoding="utf-8")}, headers=auth)
    assert created.status_code == 202, created.json
    app.extensions["briefing.jobs"].run_until_idle()
    done = client.get(created.headers["Location"], headers=auth).json
    assert done["status"] == "done"
    return done


def test_seed_email_html_renders_without_scripts_or_requests(browser, seed_email):
    html = seed_email["email_html"]
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_content(f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Email</title></head><body>{html}</body></html>")
    try:
        assert page.evaluate("document.scripts.length") == 0
        assert page.evaluate("document.querySelectorAll('audio, video, iframe, object, embed, link, style').length") == 0
        images = page.evaluate("[...document.images].map(i => i.alt)")
        assert all(alt.strip() for alt in images)  # any image has alt text (there are none today)
        assert page.get_by_role("heading", name=seed_email["title"]).is_visible()
        points = page.locator("li")
        assert points.count() == len(seed_email["key_points"])
        listen = page.get_by_role("link", name="Listen (")
        if seed_email["page_url"]:
            assert listen.get_attribute("href") == seed_email["page_url"]
            mp3 = page.get_by_role("link", name="Download the MP3")
            assert mp3.get_attribute("href") == seed_email["audio"]["url"]
        else:  # no public page: listening is the MP3
            assert listen.get_attribute("href") == seed_email["audio"]["url"]
            assert page.get_by_role("link", name="Download the MP3").count() == 0
        # Every link goes to our site or to the original article.
        hrefs = page.evaluate("[...document.links].map(a => a.href)")
        ours = {"http://localhost/"}
        allowed = {seed_email["source_url"]} if seed_email["source_url"] else set()
        assert all(h.startswith(tuple(ours)) or h in allowed for h in hrefs), hrefs
        # Inline styles only, and the table is laid out (not collapsed to nothing).
        box = page.locator("table").first.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
        assert requests == []
    finally:
        context.close()
