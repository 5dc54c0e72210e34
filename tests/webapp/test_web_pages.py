"""Pages and their JSON twins: home, the form, briefing pages, the accessibility
statement, and escaping (Flask test client).

Audio comes from the quick stand-in voice (``fake_render`` in tests/doubles.py); the real voice is
used end to end in test_web_serve.py and the browser tests.
"""

from __future__ import annotations

import io
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("flask")
pytest.importorskip("lxml.html")

from conftest import FRENCH, SHORT  # noqa: E402
from webtools import KEY_POINT, PLAIN_POINT, brief, check_page_structure, csrf, submit, tree  # noqa: E402


PAYLOAD = (
    'Council vote <script>alert("title")</script> splits town\n\n'
    "The town council voted on Tuesday to close the old library, the mayor said. "
    "<img src=x onerror=alert(1)> Residents protested outside the hall for three hours. "
    "“This is javascript:alert(document.cookie) and a loss for everyone,” said resident Jo Smith <svg onload=alert(2)>. "
    "The council said the building would be sold next year to pay for repairs to the town's schools."
)


# -- home and the form ----------------------------------------------------------------------


def test_home_page(client):
    response = client.get("/")
    assert response.status_code == 200
    doc = tree(response)
    check_page_structure(doc)
    for name in ("url", "text", "file"):
        field = doc.get_element_by_id(name)
        assert doc.xpath(f"//label[@for='{name}']"), name
        assert f"{name}-hint" in field.get("aria-describedby")
    assert doc.xpath("//form[@enctype='multipart/form-data']//input[@name='csrf_token']")
    assert doc.get_element_by_id("file").get("accept").startswith(".txt,.html")
    assert "no-store" in response.headers["Cache-Control"]
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_home_json_twin(client):
    brief(client)
    for response in (client.get("/index.json"), client.get("/", headers={"Accept": "application/json"})):
        assert response.status_code == 200 and response.is_json
        data = response.get_json()
        assert data["briefings"][0]["title"] == "Harbour bridge to reopen on Monday"
        assert data["form"]["action"] == "/briefings"
    assert client.get("/", headers={"Accept": "text/html,*/*;q=0.8"}).mimetype == "text/html"


def test_empty_form_shows_an_error_summary_tied_to_the_fields(client):
    response = submit(client)
    assert response.status_code == 422
    doc = tree(response)
    check_page_structure(doc)
    assert doc.findtext(".//title").startswith("Error:")
    summary = doc.get_element_by_id("error-summary")
    assert summary.get("tabindex") == "-1" and summary.get("autofocus") is not None
    assert summary.xpath(".//a[@href='#url']")
    fieldset = doc.xpath("//fieldset")[0]
    assert "source-error" in fieldset.get("aria-describedby")
    assert "Enter a web address" in doc.get_element_by_id("source-error").text_content()
    # Each field the message is about is marked invalid and points at it.
    for name in ("url", "text", "file"):
        field = doc.get_element_by_id(name)
        assert field.get("aria-invalid") == "true", name
        assert field.get("aria-describedby").split() == [f"{name}-hint", "source-error"], name


def test_two_sources_at_once_is_an_error(client):
    response = submit(client, text=SHORT, url="https://example.com/a")
    assert response.status_code == 422
    assert "one article at a time" in response.get_data(as_text=True)


def test_a_field_error_sets_aria_invalid_and_keeps_the_value(client):
    response = submit(client, url="ftp://example.com/story")
    doc = tree(response)
    field = doc.get_element_by_id("url")
    assert field.get("aria-invalid") == "true"
    assert field.get("aria-describedby") == "url-hint url-error"
    assert field.get("value") == "ftp://example.com/story"
    assert "https://" in doc.get_element_by_id("url-error").text_content()


@pytest.mark.parametrize("language, text", [
    ("French", "Le président est arrivé à Paris mardi. Il a parlé aux journalistes devant la mairie."),
    ("Chinese", "市议会周二晚间通过了城市学校的新预算。市长表示，工程将于明年春天开始。"),
    ("German", "Der Stadtrat hat einen neuen Haushalt beschlossen. Der Bürgermeister sagte, die Arbeiten beginnen bald."),
    ("Japanese", "市議会は火曜日の夜、新しい予算を可決した。市長は、工事は来年の春に始まると述べた。"),
])
def test_a_short_foreign_article_is_refused_on_the_field(client, store, language, text):
    response = submit(client, text=text)
    assert response.status_code == 422
    doc = tree(response)
    assert doc.get_element_by_id("text").get("aria-invalid") == "true"
    assert language in doc.get_element_by_id("text-error").text_content()
    assert store.db.execute("SELECT COUNT(*) FROM briefings").fetchone()[0] == 0


def test_library_errors_are_shown_on_the_field_used(client):
    french = FRENCH
    response = submit(client, text=french)
    assert response.status_code == 422
    doc = tree(response)
    assert doc.get_element_by_id("text").get("aria-invalid") == "true"
    assert "French" in doc.get_element_by_id("text-error").text_content()
    assert doc.get_element_by_id("text").text == french  # kept, so the reader can fix it


def test_form_error_json(client):
    response = client.post(
        "/briefings",
        data={"csrf_token": csrf(client), "url": "", "text": ""},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 422
    assert response.get_json()["form"]["errors"] == {"source": "Enter a web address, paste the article, or choose a file."}


def test_brief_pasted_text_redirects_to_the_pending_page(client, app):
    location = brief(client)
    assert re.fullmatch(r"/briefings/[0-9a-f]{12}", location)
    response = client.get(location)
    doc = tree(response)
    check_page_structure(doc)
    status = doc.xpath("//*[@role='status']")[0]
    assert "waiting" in status.text_content()
    assert status.xpath(".//a[@href='%s']" % location)  # a reload link, never a refresh
    assert not doc.xpath("//audio")
    assert doc.findtext(".//h1") == "Harbour bridge to reopen on Monday"


def test_the_same_article_twice_gives_the_same_briefing(client):
    assert brief(client) == brief(client)


def test_upload_a_text_file(client):
    response = submit(client, file=(io.BytesIO(SHORT.encode("utf-8")), "bridge.txt"))
    assert response.status_code == 303


def test_upload_an_html_file(client):
    html = (
        "<!doctype html><html><head><title>Harbour bridge to reopen</title></head><body><article>"
        + "".join(f"<p>{s}</p>" for s in SHORT.split("\n\n")[1].split(". "))
        + "</article></body></html>"
    )
    response = submit(client, file=(io.BytesIO(html.encode()), "bridge.html"))
    assert response.status_code == 303, response.get_data(as_text=True)[:1500]


def test_upload_of_another_type_is_refused(client):
    response = submit(client, file=(io.BytesIO(b"%PDF-1.4 ..."), "story.pdf"))
    assert response.status_code == 422
    assert "not a .txt or .html file" in tree(response).get_element_by_id("file-error").text_content()


def test_binary_content_with_a_text_name_is_refused(client):
    response = submit(client, file=(io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(200)), "story.txt"))
    assert response.status_code == 422
    assert "PNG" in tree(response).get_element_by_id("file-error").text_content()


def test_upload_over_the_limit_is_refused(app_factory):
    app = app_factory(UPLOAD_MAX_BYTES=1000)
    client = app.test_client()
    response = submit(client, file=(io.BytesIO(b"word " * 220), "big.txt"))  # 1,100 bytes
    assert response.status_code == 413
    assert "larger than 1 KB" in tree(response).get_element_by_id("file-error").text_content()
    # Far over the limit: refused before the body is parsed, with the same message.
    response = submit(client, file=(io.BytesIO(b"word " * 100_000), "huge.txt"), csrf_token="x")
    assert response.status_code == 413
    assert "larger than 1 KB" in tree(response).get_element_by_id("source-error").text_content()


def test_default_upload_limit_is_2_mb(app):
    assert app.config["UPLOAD_MAX_BYTES"] == 2_000_000


# -- URLs -----------------------------------------------------------------------------------


@pytest.fixture
def article_server():
    body = (
        "<!doctype html><html lang='en'><head><title>Harbour bridge to reopen on Monday</title></head><body><article>"
        "<h1>Harbour bridge to reopen on Monday</h1>"
        + "".join(f"<p>{s}.</p>" for s in SHORT.split("\n\n")[1].rstrip(".").split(". "))
        + "</article></body></html>"
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/bridge"
    server.shutdown()
    server.server_close()


def test_brief_a_url(client, article_server):
    response = submit(client, url=article_server)
    assert response.status_code == 303, response.get_data(as_text=True)[:1500]
    page = client.get(response.headers["Location"])
    doc = tree(page)
    link = doc.xpath("//dl[@class='facts']//a")[0]
    assert link.get("href") == article_server


def test_private_addresses_are_refused_by_default(app_factory, article_server):
    app = app_factory(BRIEFING={})
    client = app.test_client()
    response = submit(client, url=article_server)
    assert response.status_code == 422
    message = tree(response).get_element_by_id("url-error").text_content()
    assert "127.0.0.1" in message or "private" in message.lower() or "loopback" in message.lower()


# -- the briefing page ------------------------------------------------------------------------


def test_ready_briefing_page(client, app):
    location = brief(client)
    app.extensions["briefing.jobs"].run_until_idle()
    response = client.get(location)
    assert response.status_code == 200
    doc = tree(response)
    check_page_structure(doc)
    audio = doc.xpath("//audio")[0]
    assert audio.get("controls") is not None and audio.get("preload") == "metadata"
    track = audio.xpath("./track")[0]
    assert track.get("kind") == "captions" and track.get("src").endswith("/captions.vtt")
    download = doc.xpath("//a[@download]")[0]
    assert re.search(r"Download the MP3 \(\d+ KB, \d+ seconds\)", " ".join(download.text_content().split()))
    points = doc.xpath("//ol[@class='points']/li")
    assert points
    for point in points:
        assert point.xpath(".//details/summary") and point.xpath(".//details//blockquote")
    assert doc.xpath("//p[@class='point-source']/cite")
    chapters = doc.xpath("//ol[@class='chapters']/li")
    assert chapters and chapters[0].xpath(".//span[@class='chapter-time']")[0].text == "0:00"
    transcript = [p.text_content() for p in doc.xpath("//div[@class='transcript']/p")]
    assert transcript[0] == "Introduction (0:00). Briefing: Harbour bridge to reopen on Monday."
    assert transcript[1].startswith("Point 1 (0:01). ")
    assert not doc.xpath("//*[@role='status']")


def test_briefing_json_twin(client, app):
    location = brief(client)
    pending = client.get(location + ".json").get_json()
    assert pending["status"] == "queued" and pending["audio"] is None
    app.extensions["briefing.jobs"].run_until_idle()
    for response in (client.get(location + ".json"), client.get(location, headers={"Accept": "application/json"})):
        data = response.get_json()
        assert data["status"] == "done"
        assert data["audio"]["type"] == "audio/mpeg" and data["audio"]["bytes"] > 0
        assert data["title"] == "Harbour bridge to reopen on Monday"
        assert data["key_points"][0]["text"] and "original" in data["key_points"][0]
        assert data["chapters"][0]["title"] == "Introduction"
        assert "Vary" in response.headers and "Accept" in response.headers["Vary"]


def test_briefing_page_is_cached_by_revision_and_answers_304(client, app):
    location = brief(client)
    first = client.get(location)
    again = client.get(location, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    app.extensions["briefing.jobs"].run_until_idle()
    changed = client.get(location, headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200 and b"<audio" in changed.data


def _add_record(app, briefing_dict, *, status="done", audio=None, error=None, source_url=None):
    store = app.extensions["briefing.store"]
    store.add_briefing(
        "crafted00001",
        title=briefing_dict["article"]["title"],
        source_url=source_url,
        source_kind="text",
        source_name="test",
        input_hash="crafted",
        options={},
        article=briefing_dict["article"],
        briefing=briefing_dict,
    )
    store.set_status("crafted00001", status, error=error, audio=audio)
    return "/briefings/crafted00001"


def test_plain_points_come_first_with_the_original_in_details_and_the_reading_level(app, client):
    kp, plain = dict(KEY_POINT), dict(PLAIN_POINT)
    briefing = {
        "article": {"title": "Plain", "paragraphs": ["x"], "published": "2023-11-24"},
        "key_points": [kp],
        "plain_points": [plain],
        "readability": {"before": {"fkgl": 12.1}, "after": {"fkgl": 6.8}},
        "notes": [],
    }
    location = _add_record(app, briefing, status="queued")
    doc = tree(client.get(location))
    point = doc.xpath("//ol[@class='points']/li")[0]
    assert point.xpath("./p[@class='point-text']")[0].text_content() == "The council agreed to buy the building."
    assert "acquisition of the edifice" in point.xpath(".//details/blockquote")[0].text_content()
    assert "Made plainer: plainer words." in point.xpath(".//details")[0].text_content()
    facts = doc.xpath("//dl[@class='facts']")[0].text_content()
    assert "US school grade 7" in facts and "24 November 2023" in facts
    assert doc.xpath("//time[@datetime='2023-11-24']")


def test_a_quote_in_the_point_is_marked_with_q(app, client):
    kp = {
        "sentence_ids": [0],
        "text": "He said: “Nothing could be further from the truth.”",
        "original": "He said: “Nothing could be further from the truth.”",
        "attribution": {"source": "Elon Musk", "cue": "said", "quote": "Nothing could be further from the truth.", "resolved_from": "He"},
    }
    location = _add_record(app, {"article": {"title": "Q", "paragraphs": ["x"]}, "key_points": [kp]}, status="queued")
    doc = tree(client.get(location))
    assert doc.xpath("//p[@class='point-text']/q")[0].text == "Nothing could be further from the truth."
    assert doc.xpath("//cite")[0].text == "Elon Musk"
    assert "“He”" in doc.xpath("//p[@class='point-source']")[0].text_content()


def test_failed_briefing_shows_why_and_offers_a_retry(app_factory):
    def broken(briefing, out_dir, *, voice, progress=None):
        raise RuntimeError("the voice fell over")

    app = app_factory(RENDER=broken, JOB_MAX_ATTEMPTS=1)
    client = app.test_client()
    location = brief(client)
    app.extensions["briefing.jobs"].run_until_idle()
    doc = tree(client.get(location))
    status = doc.xpath("//*[@role='status']")[0]
    assert "could not be made" in status.text_content() and "the voice fell over" in status.text_content()
    form = status.xpath(".//form")[0]
    token = form.xpath(".//input[@name='csrf_token']")[0].get("value")
    from doubles import fake_render

    app.config["RENDER"] = fake_render
    response = client.post(form.get("action"), data={"csrf_token": token})
    assert response.status_code == 303
    app.extensions["briefing.jobs"].run_until_idle()
    assert client.get(location + ".json").get_json()["status"] == "done"


def test_every_piece_of_article_text_is_escaped(client, app):
    location = brief(client, PAYLOAD)
    app.extensions["briefing.jobs"].run_until_idle()
    for path in (location, "/"):
        response = client.get(path)
        body = response.get_data(as_text=True)
        check_page_structure(tree(response))
        assert "<script>alert" not in body and "<img src=x" not in body and "<svg onload" not in body
    body = client.get(location).get_data(as_text=True)
    assert "&lt;script&gt;alert(" in body  # the words are there, as text


def test_crafted_payloads_in_every_field_stay_text(app, client):
    evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    kp = {
        "sentence_ids": [0],
        "text": f"Point {evil} “quoted {evil}”",
        "original": f"Original {evil}",
        "attribution": {"source": f"Source {evil}", "cue": f"cue {evil}", "quote": f"quoted {evil}", "resolved_from": evil},
    }
    briefing = {
        "article": {
            "title": f"Title {evil}",
            "paragraphs": ["x"],
            "site_name": f"Site {evil}",
            "byline": f"By {evil}",
            "published": f"2023 {evil}",
            "source_url": "javascript:alert(3)",
        },
        "key_points": [kp],
        "notes": [f"Note {evil}"],
    }
    audio = {
        "content_hash": "ab" * 32,
        "duration": 3.0,
        "mp3_bytes": 100,
        "voice": f"voice {evil}",
        "files": {},
        "chapters": [{"title": f"Chapter {evil}", "start": 0, "end": 1}],
        "transcript": [{"label": f"Label {evil}", "start": 0, "text": f"Transcript {evil}"}],
    }
    location = _add_record(app, briefing, audio=audio, source_url="javascript:alert(4)")
    for path in (location, "/", "/nope"):
        response = client.get(path)
        doc = tree(response)
        check_page_structure(doc)
        assert not doc.xpath("//img")
        assert "<script>alert(1)" not in response.get_data(as_text=True)
    doc = tree(client.get(location))
    assert "Site" in doc.xpath("//dl[@class='facts']")[0].text_content()
    assert not doc.xpath("//dl[@class='facts']//a")  # a javascript: source is not linked
    failed = _fail_crafted(app)
    doc = tree(client.get(failed))
    assert "<script>" in doc.xpath("//*[@role='status']")[0].text_content()  # shown as text


def _fail_crafted(app):
    app.extensions["briefing.store"].set_status("crafted00001", "failed", error="Voice said <script>alert(5)</script>")
    return "/briefings/crafted00001"


# -- other pages --------------------------------------------------------------------------


def test_accessibility_statement(client):
    response = client.get("/accessibility")
    doc = tree(response)
    check_page_structure(doc)
    assert doc.findtext(".//h1") == "Accessibility statement"
    data = client.get("/accessibility.json").get_json()
    assert data["title"] == "Accessibility statement" and data["sections"]
