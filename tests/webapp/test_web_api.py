"""The JSON API (/api/v1): keys, rate limit, creating and polling briefings, idempotency,
pagination, deletion, problem documents, the OpenAPI document, email_html, oEmbed and
the `briefing keys` command."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("flask")

from conftest import FRENCH, SHORT  # noqa: E402
from web.api import create_key, revoke_key  # noqa: E402
from web.openapi import build_spec  # noqa: E402


@pytest.fixture
def key(store):
    return create_key(store, "test")


@pytest.fixture
def auth(key):
    return {"Authorization": f"Bearer {key['key']}"}


def post(client, auth, body, **headers):
    return client.post("/api/v1/briefings", json=body, headers={**auth, **headers})


def test_every_call_needs_a_valid_key(client, store, key, auth):
    for method, path in (("get", "/api/v1/briefings"), ("post", "/api/v1/briefings"), ("get", "/api/v1/briefings/abc"),
                         ("delete", "/api/v1/briefings/abc")):
        response = getattr(client, method)(path)
        assert response.status_code == 401, path
        assert response.mimetype == "application/problem+json"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.json["status"] == 401 and "briefing keys create" in response.json["detail"]
    assert client.get("/api/v1/briefings", headers={"Authorization": "Bearer bk_nope"}).status_code == 401
    assert client.get("/api/v1/briefings", headers=auth).status_code == 200
    assert revoke_key(store, key["id"])
    assert client.get("/api/v1/briefings", headers=auth).status_code == 401


def test_only_the_hash_of_a_key_is_stored(store, key):
    rows = store.db.execute("SELECT * FROM api_keys").fetchall()
    assert len(rows) == 1 and key["key"] not in json.dumps([dict(r) for r in rows])


@pytest.fixture
def public_auth(store):
    return {"Authorization": f"Bearer {create_key(store, 'public', public=True)['key']}"}


def test_create_poll_and_done(app, client, public_auth):
    auth = public_auth
    response = post(client, auth, {"text": SHORT, "points": 2, "title": "Bridge news"})
    assert response.status_code == 202, response.json
    body = response.json
    assert response.headers["Location"] == f"/api/v1/briefings/{body['id']}"
    assert body["status"] == "queued" and body["audio"] is None and body["email_html"] is None
    assert body["title"] == "Bridge news" and len(body["key_points"]) == 2
    for name in ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"):
        assert response.headers[name].isdigit()

    app.extensions["briefing.jobs"].run_until_idle()
    done = client.get(response.headers["Location"], headers=auth).json
    assert done["status"] == "done" and done["error"] is None
    assert done["audio"]["type"] == "audio/mpeg" and done["audio"]["bytes"] > 0
    assert done["audio"]["url"].startswith("http://localhost/media/")
    assert done["page_url"] == f"http://localhost/briefings/{done['id']}"
    assert set(done["transcript"]) == {"vtt", "html", "text"}
    assert done["chapters"][0]["title"] == "Introduction"
    point = done["key_points"][0]
    assert set(point) == {"text", "plain", "attribution", "sentence_ids"} and point["sentence_ids"]
    assert any(p["attribution"] and p["attribution"]["source"] for p in done["key_points"])
    mp3 = client.get(done["audio"]["url"].replace("http://localhost", ""))
    assert mp3.status_code == 200 and len(mp3.data) == done["audio"]["bytes"]
    assert client.get(done["page_url"].replace("http://localhost", "")).status_code == 200


def test_email_html_is_email_safe(app, client, public_auth):
    auth = public_auth
    created = post(client, auth, {"text": SHORT}).json
    app.extensions["briefing.jobs"].run_until_idle()
    done = client.get(f"/api/v1/briefings/{created['id']}", headers=auth).json
    html = done["email_html"]
    assert html.startswith("<table") and 'style="' in html
    for banned in ("<script", "<audio", "<style", "<link", "<img", "<iframe", "onclick", "class="):
        assert banned not in html
    minutes = max(1, -(-int(done["audio"]["duration"]) // 60))
    assert f"Listen ({minutes} min)" in html
    assert done["page_url"] in html and done["audio"]["url"] in html
    assert "Source: " in html


def test_validation_errors_are_problems_per_field(client, auth):
    cases = [
        ({}, "text"),
        ({"text": SHORT, "url": "https://example.org/a"}, "url"),
        ({"text": SHORT, "points": 0}, "points"),
        ({"text": SHORT, "rewriter": "magic"}, "rewriter"),
        ({"text": SHORT, "colour": "red"}, "colour"),
        ({"text": SHORT, "webhook_url": "ftp://example.org"}, "webhook_url"),
        ({"text": "   "}, "text"),
        ({"text": SHORT, "voice": "nobody"}, "voice"),
    ]
    for body, field in cases:
        response = post(client, auth, body)
        assert response.status_code == 422, body
        assert response.mimetype == "application/problem+json"
        problem = response.json
        assert {"type", "title", "status", "detail"} <= set(problem) and problem["status"] == 422
        assert field in problem["errors"], (body, problem)
    french = post(client, auth, {"text": FRENCH})
    assert french.status_code == 422 and french.json["type"].endswith("unbriefable")
    wrong_type = client.post("/api/v1/briefings", data="text=hi", headers={**auth, "Content-Type": "text/plain"})
    assert wrong_type.status_code == 415 and wrong_type.mimetype == "application/problem+json"
    broken = client.post("/api/v1/briefings", data="{", headers={**auth, "Content-Type": "application/json"})
    assert broken.status_code == 400


def test_private_webhook_urls_are_refused_by_default(app_factory, store):
    app = app_factory(BRIEFING={})
    client = app.test_client()
    auth = {"Authorization": f"Bearer {create_key(app.extensions['briefing.store'], 'k')['key']}"}
    response = post(client, auth, {"text": SHORT, "webhook_url": "http://127.0.0.1:9/hook"})
    assert response.status_code == 422 and "webhook_url" in response.json["errors"]
    assert "loopback" in response.json["errors"]["webhook_url"]


def test_idempotency_key(client, auth, store):
    first = post(client, auth, {"text": SHORT}, **{"Idempotency-Key": "abc-1"})
    again = post(client, auth, {"text": SHORT}, **{"Idempotency-Key": "abc-1"})
    assert first.status_code == again.status_code == 202
    assert again.json["id"] == first.json["id"] and again.headers["Idempotent-Replayed"] == "true"
    other = post(client, auth, {"text": SHORT.replace("Monday", "Friday")}, **{"Idempotency-Key": "abc-1"})
    assert other.status_code == 422 and other.json["type"].endswith("idempotency-mismatch")
    fresh = post(client, auth, {"text": SHORT.replace("Monday", "Friday")}, **{"Idempotency-Key": "abc-2"})
    assert fresh.status_code == 202 and fresh.json["id"] != first.json["id"]
    assert store.db.execute("SELECT COUNT(*) FROM briefings").fetchone()[0] == 2


def test_rate_limit(app_factory):
    app = app_factory(API_RATE_LIMIT=3, API_RATE_WINDOW=60)
    client = app.test_client()
    auth = {"Authorization": f"Bearer {create_key(app.extensions['briefing.store'], 'k')['key']}"}
    remaining = [client.get("/api/v1/briefings", headers=auth).headers["RateLimit-Remaining"] for _ in range(3)]
    assert remaining == ["2", "1", "0"]
    limited = client.get("/api/v1/briefings", headers=auth)
    assert limited.status_code == 429 and limited.mimetype == "application/problem+json"
    assert int(limited.headers["Retry-After"]) >= 1 and limited.headers["RateLimit-Remaining"] == "0"
    # Another key has its own bucket.
    other = {"Authorization": f"Bearer {create_key(app.extensions['briefing.store'], 'k2')['key']}"}
    assert client.get("/api/v1/briefings", headers=other).status_code == 200


def test_pagination_and_deletion(client, key, auth, store):
    ids = []
    for n in range(5):
        store.add_briefing(f"b{n}", title=f"T{n}", source_url=None, source_kind="text", source_name=None,
                           input_hash=f"h{n}", options={}, article={}, briefing={}, key_id=key["id"])
        ids.append(f"b{n}")
    seen, cursor, pages = [], None, 0
    while True:
        query = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        response = client.get("/api/v1/briefings", query_string=query, headers=auth)
        assert response.status_code == 200
        page = response.json
        seen += [b["id"] for b in page["data"]]
        pages += 1
        cursor = page["next_cursor"]
        assert ("Link" in response.headers) == bool(cursor)
        if not cursor:
            break
    assert sorted(seen) == sorted(ids) and len(seen) == 5 and pages == 3
    assert client.get("/api/v1/briefings?cursor=!!", headers=auth).status_code == 400
    first = client.get("/api/v1/briefings?cursor=&limit=2", headers=auth)  # an empty cursor: the first page
    assert first.status_code == 200 and [b["id"] for b in first.json["data"]] == seen[:2]
    # Any cursor of the documented shape is a position (here: after everything).
    assert client.get("/api/v1/briefings?cursor=20000101T000000Z.a", headers=auth).json["data"] == []
    assert client.get("/api/v1/briefings?cursor=2000-01-01", headers=auth).status_code == 400
    assert client.get("/api/v1/briefings?limit=0", headers=auth).status_code == 400

    assert client.delete("/api/v1/briefings/b1", headers=auth).status_code == 204
    gone = client.get("/api/v1/briefings/b1", headers=auth)
    assert gone.status_code == 404 and gone.mimetype == "application/problem+json"
    assert client.delete("/api/v1/briefings/b1", headers=auth).status_code == 404
    assert client.get("/briefings/b1").status_code == 404
    assert len(client.get("/api/v1/briefings?limit=100", headers=auth).json["data"]) == 4


def test_unknown_api_paths_answer_problems(client, auth):
    response = client.get("/api/v1/nothing-here", headers=auth)
    assert response.status_code == 404 and response.mimetype == "application/problem+json"
    assert client.get("/nothing-here").mimetype == "text/html"  # the site's own pages are unchanged


def test_openapi_document_is_valid_and_public(client):
    from openapi_spec_validator import validate

    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json
    validate(spec)
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/briefings", "/briefings/{briefing_id}"}
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    page = docs.get_data(as_text=True)
    assert "createBriefing" in page or "POST /api/v1/briefings" in page
    assert not re.search(r'(src|href)="https?://', page)  # no external scripts or styles


def test_the_spec_lists_every_api_route(app):
    spec = build_spec(app)
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("api.") and rule.endpoint not in ("api.openapi", "api.docs"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule).removeprefix("/api/v1")
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                routes.add((path, method.lower()))
    documented = {(p, m) for p, item in spec["paths"].items() for m in item if m != "parameters"}
    assert routes == documented


def test_oembed_and_og_audio(app, client, public_auth):
    auth = public_auth
    created = post(client, auth, {"text": SHORT}).json
    app.extensions["briefing.jobs"].run_until_idle()
    done = client.get(f"/api/v1/briefings/{created['id']}", headers=auth).json
    embed = client.get("/oembed", query_string={"url": done["page_url"]})
    assert embed.status_code == 200
    data = embed.json
    assert data["version"] == "1.0" and data["type"] == "rich" and done["audio"]["url"] in data["html"]
    assert data["title"] == done["title"]
    assert f'aria-label="{done["title"]} (audio)"' in data["html"]  # the player has a name
    assert client.get("/oembed", query_string={"url": "http://localhost/briefings/nope"}).status_code == 404
    page = client.get(f"/briefings/{created['id']}").get_data(as_text=True)
    assert f'<meta property="og:audio" content="{done["audio"]["url"]}">' in page
    assert 'type="application/json+oembed"' in page


def test_keys_command_prints_the_key_once(tmp_path, capsys):
    from briefing.cli import main

    def run(*args):
        code = main(["keys", "--instance", str(tmp_path / "i"), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, made, _ = run("create", "--name", "newsletter")
    assert code == 0
    token = re.search(r"key:\s+(bk_\S+)", made).group(1)
    key_id = re.search(r"id:\s+(key_\w+)", made).group(1)
    assert re.search(r"webhook secret:\s+whsec_\S+", made)
    code, listed, _ = run("list")
    assert key_id in listed and "newsletter" in listed and token not in listed
    assert run("revoke", key_id)[0] == 0
    assert "revoked" in run("list")[1]
    code, _, err = run("revoke", key_id)
    assert code != 0 and "briefing keys list" in err
    database = (tmp_path / "i" / "briefing.sqlite3").read_bytes()
    assert token.encode() not in database


@pytest.mark.parametrize("name", ["web.api", "web.email", "web.webhooks"])
def test_doctests(name):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_last_use_of_a_key_is_recorded(client, store, key, auth):
    assert client.get("/api/v1/briefings", headers=auth).status_code == 200
    row = store.db.execute("SELECT last_used_at FROM api_keys WHERE id = ?", (key["id"],)).fetchone()
    assert row["last_used_at"]


def test_a_briefing_can_ask_for_another_voice(app, client, auth, store):
    from briefing.audio.speak import get_voice

    if not get_voice("espeak").available()[0]:
        pytest.skip("espeak-ng is not installed (make test installs it)")
    created = post(client, auth, {"text": SHORT, "voice": "espeak"})
    assert created.status_code == 202, created.json
    app.extensions["briefing.jobs"].run_until_idle()
    record = store.get_briefing(created.json["id"])
    assert record.status == "done" and record.options["voice"] == "espeak"
    assert record.audio["voice"] == "espeak"
    # The same text with the default voice is another briefing, with its own audio.
    default = post(client, auth, {"text": SHORT}).json
    assert default["id"] != created.json["id"]


def test_the_spec_lists_every_voice(client):
    from briefing.audio.speak import VOICES

    spec = client.get("/api/v1/openapi.json").json
    schemas = json.dumps(spec)
    assert all(f'"{name}"' in schemas for name in VOICES)


def test_methods_the_api_does_not_have_answer_405(client, auth):
    for method in ("put", "patch"):
        response = getattr(client, method)("/api/v1/briefings", json={}, headers=auth)
        assert response.status_code == 405, (method, response.status_code)


@pytest.mark.parametrize("language, text", [
    ("French", "Le président est arrivé à Paris mardi. Il a parlé aux journalistes devant la mairie."),
    ("Chinese", "市议会周二晚间通过了城市学校的新预算。市长表示，工程将于明年春天开始。"),
    ("German", "Der Stadtrat hat einen neuen Haushalt beschlossen. Der Bürgermeister sagte, die Arbeiten beginnen bald."),
    ("Japanese", "市議会は火曜日の夜、新しい予算を可決した。市長は、工事は来年の春に始まると述べた。"),
])
def test_a_short_foreign_article_is_refused_naming_its_language(client, auth, store, language, text):
    response = post(client, auth, {"text": text})
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    assert response.json["type"].endswith("unbriefable")
    assert language in response.json["detail"] and language in response.json["errors"]["text"]
    assert store.db.execute("SELECT COUNT(*) FROM briefings").fetchone()[0] == 0


def test_a_short_english_article_is_accepted(client, auth):
    text = "Harbour bridge reopens\n\nThe bridge reopened on Monday, Mayor Ana Lopez said. It cost $4.2m."
    assert post(client, auth, {"text": text}).status_code == 202


def test_a_body_over_the_limit_gets_a_problem_that_says_what_to_do(app_factory):
    app = app_factory(UPLOAD_MAX_BYTES=100_000)  # bodies up to 0.2 MB
    client = app.test_client()
    auth = {"Authorization": f"Bearer {create_key(app.extensions['briefing.store'], 'k')['key']}"}
    response = post(client, auth, {"text": "word " * 50_000})
    assert response.status_code == 413 and response.mimetype == "application/problem+json"
    problem = response.json
    assert problem["status"] == 413 and problem["type"].endswith("#problem-too-large")
    assert "0.2 MB" in problem["detail"] and "shorter article" in problem["detail"] and "`url`" in problem["detail"]
    assert "RateLimit-Remaining" in response.headers


def test_rate_limit_headers_agree_with_retry_after(app_factory):
    # One token every 180 s, so that no token comes back while the requests run, however
    # slow the machine (at 2 a second, a loaded machine refilled the bucket mid-test).
    app = app_factory(API_RATE_LIMIT=20, API_RATE_WINDOW=3600)
    client = app.test_client()
    auth = {"Authorization": f"Bearer {create_key(app.extensions['briefing.store'], 'k')['key']}"}
    answers = [client.get("/api/v1/briefings", headers=auth) for _ in range(21)]
    assert answers[0].status_code == 200 and 0 < int(answers[0].headers["RateLimit-Reset"]) <= 180
    limited = answers[-1]
    assert limited.status_code == 429
    assert limited.headers["RateLimit-Remaining"] == "0"
    # The same state, the same answer: seconds until the next request is allowed.
    assert limited.headers["RateLimit-Reset"] == limited.headers["Retry-After"]
    assert 0 < int(limited.headers["Retry-After"]) <= 180


def test_whole_numbers_written_with_a_point_are_whole_numbers(client, auth):
    """JSON (and JSON Schema's "integer") count 2.0 as a whole number; a retry sends the same bytes."""
    first = post(client, auth, {"text": SHORT, "points": 2.0}, **{"Idempotency-Key": "float-1"})
    assert first.status_code == 202 and len(first.json["key_points"]) == 2
    again = post(client, auth, {"text": SHORT, "points": 2.0}, **{"Idempotency-Key": "float-1"})
    assert again.status_code == 202 and again.json["id"] == first.json["id"]
    assert post(client, auth, {"text": SHORT, "points": 2.5}).status_code == 422


def test_blank_is_what_the_schema_calls_blank(client, auth):
    # "\u3000" is white space to the schema's pattern: refused as a field; "\x1c" is not, so
    # the request is well formed, and the article (no words) cannot be briefed.
    blank = post(client, auth, {"text": "\u3000 \n"})
    assert blank.status_code == 422 and blank.json["type"].endswith("invalid-request") and "text" in blank.json["errors"]
    odd = post(client, auth, {"text": "\x1c"})
    assert odd.status_code == 422 and odd.json["type"].endswith("unbriefable")
    titled = post(client, auth, {"text": SHORT, "title": "\u00a0Bridge news "})
    assert titled.status_code == 202 and titled.json["title"] == "Bridge news"


def test_a_refused_webhook_url_has_a_problem_type_of_its_own(app_factory):
    app = app_factory(BRIEFING={"allowed_hosts": ["127.0.0.1"]})
    client = app.test_client()
    auth = {"Authorization": f"Bearer {create_key(app.extensions['briefing.store'], 'k')['key']}"}
    response = post(client, auth, {"text": SHORT, "webhook_url": "https://hooks.example.org/x"})
    assert response.status_code == 422 and response.json["type"].endswith("#problem-webhook-refused")
    assert "webhook_url" in response.json["errors"]
