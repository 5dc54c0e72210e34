"""Keys own their briefings (issue 22): two keys against one server, the site's public
briefings, keys marked public, and the migration that gives existing briefings an owner."""

from __future__ import annotations

import re
import sqlite3

import pytest

from conftest import SHORT  # noqa: E402
from web.api import create_key, set_key_public  # noqa: E402
from web.store import Store  # noqa: E402
from web.store.migrate import head  # noqa: E402
from webtools import brief_article  # noqa: E402

OTHER = SHORT.replace("Monday", "Friday").replace("Ana Lopez", "Sam Ortiz")


@pytest.fixture
def keys(store):
    made = {name: create_key(store, name) for name in ("alpha", "beta")}
    for key in made.values():
        key["auth"] = {"Authorization": f"Bearer {key['key']}"}
    return made


def post(client, key, body, **headers):
    return client.post("/api/v1/briefings", json=body, headers={**key["auth"], **headers})


def _without_id(body: dict, briefing_id: str) -> dict:
    return {k: v.replace(briefing_id, "ID") if isinstance(v, str) else v for k, v in body.items()}


def test_a_second_key_gets_404_for_the_first_keys_briefing(app, client, keys):
    alpha, beta = keys["alpha"], keys["beta"]
    made = post(client, alpha, {"text": SHORT})
    assert made.status_code == 202
    briefing_id = made.json["id"]
    app.extensions["briefing.jobs"].run_until_idle()

    # GET: exactly what a missing id answers, so an id tells another key nothing.
    theirs = client.get(f"/api/v1/briefings/{briefing_id}", headers=beta["auth"])
    missing = client.get("/api/v1/briefings/nosuchid0000", headers=beta["auth"])
    assert theirs.status_code == missing.status_code == 404
    assert theirs.mimetype == missing.mimetype == "application/problem+json"
    assert _without_id(theirs.json, briefing_id) == _without_id(missing.json, "nosuchid0000")
    # The list: only one's own.
    assert client.get("/api/v1/briefings", headers=beta["auth"]).json["data"] == []
    assert [b["id"] for b in client.get("/api/v1/briefings", headers=alpha["auth"]).json["data"]] == [briefing_id]
    # DELETE: 404, and nothing is deleted.
    refused = client.delete(f"/api/v1/briefings/{briefing_id}", headers=beta["auth"])
    assert refused.status_code == 404 and refused.mimetype == "application/problem+json"
    assert _without_id(refused.json, briefing_id) == _without_id(missing.json, "nosuchid0000")
    done = client.get(f"/api/v1/briefings/{briefing_id}", headers=alpha["auth"])
    assert done.status_code == 200 and done.json["status"] == "done"
    audio_path = done.json["audio"]["url"].removeprefix("http://localhost")
    assert client.get(audio_path).status_code == 200


def test_the_same_article_from_two_keys_is_two_briefings(client, keys, store):
    first = post(client, keys["alpha"], {"text": SHORT}).json["id"]
    again = post(client, keys["alpha"], {"text": SHORT}).json["id"]
    other = post(client, keys["beta"], {"text": SHORT}).json["id"]
    assert first == again != other
    assert store.get_briefing(first).key_id == keys["alpha"]["id"]
    assert store.get_briefing(other).key_id == keys["beta"]["id"]


def test_content_deduplication_never_hands_a_key_a_public_briefing(app, client, keys, store):
    public_id = brief_article(app, SHORT)  # as the form or the samples make it
    made = post(client, keys["alpha"], {"text": SHORT}).json["id"]
    assert made != public_id and store.get_briefing(made).key_id == keys["alpha"]["id"]
    assert brief_article(app, SHORT) == public_id  # the site finds its own
    # ...and the site is never handed a key's briefing.
    theirs = post(client, keys["beta"], {"text": OTHER}).json["id"]
    site = brief_article(app, OTHER)
    assert site != theirs and store.get_briefing(site).key_id is None


def test_idempotency_keys_are_per_api_key(client, keys):
    a = post(client, keys["alpha"], {"text": SHORT}, **{"Idempotency-Key": "same"})
    b = post(client, keys["beta"], {"text": SHORT}, **{"Idempotency-Key": "same"})
    assert a.status_code == b.status_code == 202 and a.json["id"] != b.json["id"]
    assert "Idempotent-Replayed" not in b.headers


def test_a_key_can_neither_read_nor_delete_a_public_briefing(app, client, keys):
    public_id = brief_article(app, SHORT)
    for method in ("get", "delete"):
        assert getattr(client, method)(f"/api/v1/briefings/{public_id}", headers=keys["alpha"]["auth"]).status_code == 404
    assert client.get("/api/v1/briefings", headers=keys["alpha"]["auth"]).json["data"] == []
    assert client.get(f"/briefings/{public_id}").status_code == 200  # still there


def test_the_site_shows_a_keys_briefings_only_when_the_key_is_public(app, client, keys, store):
    alpha = keys["alpha"]
    made = post(client, alpha, {"text": SHORT}).json
    briefing_id = made["id"]
    assert made["page_url"] is None  # no public page to link to
    app.extensions["briefing.jobs"].run_until_idle()
    done = client.get(f"/api/v1/briefings/{briefing_id}", headers=alpha["auth"]).json
    assert done["status"] == "done" and done["page_url"] is None
    assert done["audio"]["url"] in done["email_html"] and "/briefings/" not in done["email_html"]

    def on_the_site() -> dict[str, bool]:
        return {
            "page": client.get(f"/briefings/{briefing_id}").status_code == 200,
            "twin": client.get(f"/briefings/{briefing_id}.json").status_code == 200,
            "home": briefing_id in client.get("/").get_data(as_text=True),
            "home twin": briefing_id in client.get("/index.json").get_data(as_text=True),
            "feed": done["audio"]["url"].removeprefix("http://localhost") in client.get("/feed.xml").get_data(as_text=True),
            "oembed": client.get("/oembed", query_string={"url": f"http://localhost/briefings/{briefing_id}"}).status_code == 200,
            "404 page": briefing_id in client.get("/briefings/nothing").get_data(as_text=True),
        }

    assert not any(on_the_site().values()), on_the_site()
    # The media stay served without a key (emails embed the MP3's address).
    assert client.get(done["audio"]["url"].removeprefix("http://localhost")).status_code == 200

    assert set_key_public(store, alpha["id"], True)
    assert all(on_the_site().values()), on_the_site()
    listed = client.get("/api/v1/briefings", headers=alpha["auth"]).json["data"][0]
    assert listed["page_url"] == f"http://localhost/briefings/{briefing_id}"
    assert client.get(f"/api/v1/briefings/{briefing_id}", headers=alpha["auth"]).json["page_url"] == listed["page_url"]

    assert set_key_public(store, alpha["id"], False)
    assert not any(on_the_site().values()), on_the_site()
    assert client.get(f"/api/v1/briefings/{briefing_id}", headers=alpha["auth"]).json["page_url"] is None


def test_a_private_keys_failed_briefing_cannot_be_retried_from_the_site(app, client, keys, store):
    briefing_id = post(client, keys["alpha"], {"text": SHORT}).json["id"]
    store.set_status(briefing_id, "failed", error="No voice.")
    from webtools import csrf

    response = client.post(f"/briefings/{briefing_id}/retry", data={"csrf_token": csrf(client)})
    assert response.status_code == 404 and store.get_briefing(briefing_id).status == "failed"


def test_the_daily_digest_joins_only_public_briefings(app, client, keys, store):
    from datetime import date

    from web.digest import stories_of

    public_id = brief_article(app, SHORT)
    private_id = post(client, keys["alpha"], {"text": OTHER}).json["id"]
    app.extensions["briefing.jobs"].run_until_idle()
    day = date.fromisoformat(store.get_briefing(public_id).created_at[:10])
    assert [s.id for s in stories_of(app, day)] == [public_id]
    set_key_public(store, keys["alpha"]["id"], True)
    assert {s.id for s in stories_of(app, day)} == {public_id, private_id}


def test_keys_command_makes_public_keys_and_switches_them(tmp_path, capsys):
    from briefing.cli import main

    def run(*args):
        code = main(["keys", "--instance", str(tmp_path / "i"), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, made, _ = run("create", "--name", "podcast", "--public")
    assert code == 0 and "public: the site shows its briefings" in made
    key_id = re.search(r"id:\s+(key_\w+)", made).group(1)
    code, made, _ = run("create", "--name", "newsletter")
    assert "private: only the key sees its briefings" in made
    private_id = re.search(r"id:\s+(key_\w+)", made).group(1)
    listed = run("list")[1]
    assert re.search(rf"{key_id} .* public$", listed, re.M) and re.search(rf"{private_id} .* private$", listed, re.M)
    assert run("public", private_id, "on")[0] == 0
    assert re.search(rf"{private_id} .* public$", run("list")[1], re.M)
    assert run("public", key_id, "off")[0] == 0
    assert re.search(rf"{key_id} .* private$", run("list")[1], re.M)
    code, _, err = run("public", "key_nope", "on")
    assert code == 2 and "briefing keys list" in err


# -- the migration ----------------------------------------------------------------------------


def test_the_migration_gives_api_briefings_to_their_keys(tmp_path):
    """Briefings made before keys owned them: the key recorded with them (idempotency or
    webhook, at the time) owns them; API text without a record goes to a revoked placeholder
    key; everything else stays public."""
    path = tmp_path / "old.sqlite3"
    old = Store(path)
    old.migrate("0003")
    db = sqlite3.connect(path)
    t0, t1, later = "2026-01-01T10:00:00Z", "2026-01-01T10:00:04Z", "2026-01-03T09:00:00Z"
    db.executescript(f"""
        INSERT INTO api_keys (id, name, key_hash, webhook_secret, created_at) VALUES
            ('key_a', 'a', 'ha', 's', '{t0}'), ('key_b', 'b', 'hb', 's', '{t0}');
        INSERT INTO briefings (id, created_at, updated_at, title, source_kind, source_name, input_hash, article, briefing) VALUES
            ('api_idem', '{t0}', '{t0}', 't', 'text', 'API text', 'h1', '{{}}', '{{}}'),
            ('api_hook', '{t0}', '{t0}', 't', 'url', 'https://example.org/1', 'h2', '{{}}', '{{}}'),
            ('api_orphan', '{t0}', '{t0}', 't', 'html', 'API html', 'h3', '{{}}', '{{}}'),
            ('form_text', '{t0}', '{t0}', 't', 'text', 'pasted text', 'h4', '{{}}', '{{}}'),
            ('form_url', '{t0}', '{t0}', 't', 'url', 'https://example.org/2', 'h5', '{{}}', '{{}}'),
            ('feed_url', '{t0}', '{t0}', 't', 'url', 'https://example.org/3', 'h6', '{{}}', '{{}}'),
            ('handed_on', '{t0}', '{t0}', 't', 'url', 'https://example.org/4', 'h7', '{{}}', '{{}}'),
            ('digest', '{t0}', '{t0}', 't', 'digest', '2026-01-01', 'h8', '{{}}', '{{}}');
        INSERT INTO api_idempotency VALUES ('key_a', 'i1', 'b', 'api_idem', '{t1}');
        INSERT INTO api_idempotency VALUES ('key_b', 'i2', 'b', 'api_idem', '{later}');
        INSERT INTO api_idempotency VALUES ('key_a', 'i3', 'b', 'form_text', '{t1}');
        INSERT INTO api_webhooks (briefing_id, key_id, url, base_url, created_at)
            VALUES ('api_hook', 'key_b', 'https://h.example/', 'https://s.example', '{t1}');
        INSERT INTO api_idempotency VALUES ('key_b', 'i4', 'b', 'handed_on', '{later}');
        INSERT INTO sources (id, url, created_at) VALUES (1, 'https://example.org/feed', '{t0}');
        INSERT INTO source_items (source_id, link, title, briefing_id, status, created_at, updated_at)
            VALUES (1, 'https://example.org/3', 't', 'feed_url', 'done', '{t0}', '{t0}');
    """)
    db.commit()
    db.close()
    old.close()

    store = Store(path)
    assert store.migrate() == head()
    owners = {row[0]: row[1] for row in store.db.execute("SELECT id, key_id FROM briefings").fetchall()}
    assert owners == {
        "api_idem": "key_a",  # the key recorded with it, not the one handed it two days later
        "api_hook": "key_b",
        "api_orphan": "key_unknown",
        "form_text": None,  # the form's, whatever a key's record says
        "form_url": None,
        "feed_url": None,
        "handed_on": None,  # a URL briefing whose only record came long after: the form's
        "digest": None,
    }
    placeholder = [k for k in store.keys() if k["id"] == "key_unknown"][0]
    assert placeholder["revoked_at"] and not placeholder["public"]
    assert store.active_key("none:key_unknown") is None
    assert {r["id"] for r in store.recent(20)} == {"form_text", "form_url", "feed_url", "handed_on", "digest"}
    store.close()
