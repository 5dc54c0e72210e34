"""One public representation of a briefing (web/schema.py): a key point's fields mean the
same on the page's JSON twin, in the API, in the feed, in the email snippet and in the
OpenAPI document."""

from __future__ import annotations

import pytest

pytest.importorskip("flask")

from briefing.audio.speak import VOICES  # noqa: E402
from briefing.config import MAX_POINTS  # noqa: E402
from conftest import SHORT  # noqa: E402
from webtools import KEY_POINT, PLAIN_POINT  # noqa: E402
from web import format as fmt  # noqa: E402
from web.api import create_key  # noqa: E402
from web.openapi import build_spec  # noqa: E402
from web.schema import POINT_FIELDS, RESOURCE_SCHEMAS, key_points  # noqa: E402

AUDIO = {
    "content_hash": "ab" * 32, "duration": 3.0, "mp3_bytes": 100, "voice": "piper", "files": {},
    "chapters": [], "transcript": [],
}


def _add(app, briefing_id: str, plain_points: list, key_id: str) -> None:
    store = app.extensions["briefing.store"]
    article = {"title": f"Title {briefing_id}", "paragraphs": ["x"], "source_url": "https://example.org/a"}
    store.add_briefing(
        briefing_id, title=article["title"], source_url=article["source_url"], source_kind="url", source_name=None,
        input_hash=briefing_id, options={}, article=article,
        briefing={"article": article, "key_points": [KEY_POINT], "plain_points": plain_points}, key_id=key_id,
    )
    store.set_status(briefing_id, "done", audio=AUDIO)


@pytest.fixture
def key(store):
    # Public: the same briefing is on the site (page, feed) and in the key's API.
    return create_key(store, "schema", public=True)


@pytest.fixture
def auth(key):
    return {"Authorization": f"Bearer {key['key']}"}


def test_a_point_means_the_same_on_the_page_in_the_api_the_feed_and_the_email(app, client, key, auth):
    _add(app, "plainpoint01", [PLAIN_POINT], key["id"])
    twin = client.get("/briefings/plainpoint01.json").get_json()["key_points"][0]
    assert twin["text"] == KEY_POINT["text"] and twin["plain"] == PLAIN_POINT["text"] and twin["changed"] is True
    assert "key_point" not in twin and list(twin) == list(POINT_FIELDS)
    resource = client.get("/api/v1/briefings/plainpoint01", headers=auth).get_json()
    point = resource["key_points"][0]
    assert (point["text"], point["plain"]) == (twin["text"], twin["plain"])
    assert PLAIN_POINT["text"] in resource["email_html"] and KEY_POINT["text"] not in resource["email_html"]
    feed = client.get("/feed.xml").get_data(as_text=True)
    assert PLAIN_POINT["text"] in feed and KEY_POINT["text"] not in feed
    page = client.get("/briefings/plainpoint01").get_data(as_text=True)
    assert PLAIN_POINT["text"] in page and "Made plainer: plainer words." in page


def test_without_a_plain_version_plain_is_the_key_point(app, client, key, auth):
    _add(app, "keyonly00001", [], key["id"])
    twin = client.get("/briefings/keyonly00001.json").get_json()["key_points"][0]
    assert twin["plain"] == twin["text"] == KEY_POINT["text"] and twin["changed"] is False
    point = client.get("/api/v1/briefings/keyonly00001", headers=auth).get_json()["key_points"][0]
    assert point["plain"] == point["text"] == KEY_POINT["text"]
    assert KEY_POINT["text"] in client.get("/feed.xml").get_data(as_text=True)


def test_an_unchanged_plain_point_is_not_marked_as_changed():
    unchanged = {**PLAIN_POINT, "text": KEY_POINT["text"], "changed": False, "rules_applied": []}
    (point,) = key_points({"key_points": [KEY_POINT], "plain_points": [unchanged]})
    assert point["plain"] == point["text"] and point["changed"] is False and point["number"] == 1
    assert point["original"] == KEY_POINT["original"] and point["attribution"] == KEY_POINT["attribution"]


def test_the_openapi_document_derives_from_the_schema_the_config_and_the_voices(app, client, key, auth):
    spec = build_spec(app)
    schemas = spec["components"]["schemas"]
    for name, schema in RESOURCE_SCHEMAS.items():
        assert schemas[name] == schema
    points = schemas["NewBriefing"]["properties"]["points"]
    assert points["maximum"] == MAX_POINTS == 20
    assert schemas["NewBriefing"]["properties"]["voice"]["enum"] == list(VOICES)
    _add(app, "plainpoint01", [PLAIN_POINT], key["id"])
    point = client.get("/api/v1/briefings/plainpoint01", headers=auth).get_json()["key_points"][0]
    assert list(point) == schemas["KeyPoint"]["required"]


def test_the_api_allows_as_many_points_as_the_config(client, auth):
    too_many = client.post("/api/v1/briefings", json={"text": SHORT, "points": MAX_POINTS + 1}, headers=auth)
    assert too_many.status_code == 422
    assert too_many.get_json()["errors"]["points"] == f"Must be a whole number from 1 to {MAX_POINTS}."
    assert client.post("/api/v1/briefings", json={"text": SHORT, "points": MAX_POINTS}, headers=auth).status_code == 202


def test_every_voice_has_a_name_for_readers():
    for name, voice in VOICES.items():
        assert voice.label and fmt.voice_name(name) == voice.label
