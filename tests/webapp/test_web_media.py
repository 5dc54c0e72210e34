"""Media: audio, captions, chapters and transcripts served as browsers and podcast apps
need them (HEAD, ranges, 416 with the length, ETag, long caching, CORS for web players)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("flask")

from webtools import brief, published  # noqa: E402, F401 - published is a fixture


# -- the briefing page's media ---------------------------------------------------------


@pytest.fixture
def ready(client, app):
    location = brief(client)
    app.extensions["briefing.jobs"].run_until_idle()
    return client.get(location + ".json").get_json()["audio"]


def test_mp3_head_range_and_caching(client, ready):
    url = ready["url"]
    full = client.get(url)
    assert full.status_code == 200 and full.mimetype == "audio/mpeg"
    assert len(full.data) == ready["bytes"]
    assert "immutable" in full.headers["Cache-Control"] and "max-age=31536000" in full.headers["Cache-Control"]
    assert full.headers["ETag"] and full.headers["Last-Modified"]
    head = client.head(url)
    assert head.status_code == 200 and head.headers["Content-Length"] == str(ready["bytes"]) and not head.data
    probe = client.get(url, headers={"Range": "bytes=0-1"})
    assert probe.status_code == 206
    assert probe.headers["Content-Range"] == f"bytes 0-1/{ready['bytes']}" and len(probe.data) == 2
    tail = client.get(url, headers={"Range": "bytes=-100"})
    assert tail.status_code == 206 and tail.data == full.data[-100:]
    assert client.get(url, headers={"Range": f"bytes={ready['bytes'] + 10}-"}).status_code == 416
    assert client.get(url, headers={"If-None-Match": full.headers["ETag"]}).status_code == 304


def test_download_link_is_an_attachment(client, ready):
    response = client.get(ready["download_url"])
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "harbour-bridge-to-reopen-on-monday.mp3" in response.headers["Content-Disposition"]
    assert response.data[:3] == b"ID3" or response.data[0] == 0xFF


def test_other_media_files(client, ready):
    vtt = client.get(ready["captions_url"])
    assert vtt.mimetype == "text/vtt" and vtt.data.startswith(b"WEBVTT")
    assert client.get(ready["chapters_url"]).mimetype == "application/json+chapters"
    html = client.get(ready["transcript_html_url"])
    assert "sandbox" in html.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/zz/briefing.mp3",
        "/media/abcdef0123/briefing.mp3",
        "/media/.staging/briefing.mp3",
        "/media/abcdef0123/../secret_key",
        "/media/abcdef0123/other.txt",
    ],
)
def test_media_route_serves_only_complete_known_files(client, path):
    assert client.get(path).status_code == 404


# -- media served the way podcast apps need --------------------------------------------


@pytest.fixture
def audio(published):
    app, ids, _ = published
    record = app.extensions["briefing.store"].get_briefing(ids[0])
    path = Path(app.config["MEDIA_DIR"]) / record.audio["content_hash"] / "briefing.mp3"
    return app.test_client(), f"/media/{record.audio['content_hash']}/briefing.mp3", path.read_bytes()


def test_head_on_the_audio(audio):
    client, url, data = audio
    response = client.head(url)
    assert response.status_code == 200
    assert response.mimetype == "audio/mpeg"
    assert int(response.headers["Content-Length"]) == len(data)
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.get_data() == b""


def test_apples_first_probe_gets_206(audio):
    client, url, data = audio
    response = client.get(url, headers={"Range": "bytes=0-1"})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes 0-1/{len(data)}"
    assert response.headers["Content-Length"] == "2"
    assert response.get_data() == data[:2]


def test_open_ended_and_suffix_ranges(audio):
    client, url, data = audio
    response = client.get(url, headers={"Range": "bytes=100-"})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes 100-{len(data) - 1}/{len(data)}"
    assert response.get_data() == data[100:]
    response = client.get(url, headers={"Range": "bytes=-500"})
    assert response.status_code == 206
    assert response.headers["Content-Range"] == f"bytes {len(data) - 500}-{len(data) - 1}/{len(data)}"
    assert response.get_data() == data[-500:]


def test_several_ranges_get_the_whole_file(audio):
    client, url, data = audio
    for header in ("bytes=0-1,10-20", "bytes=0-1, -100", f"bytes=0-1,{len(data) + 5}-"):
        response = client.get(url, headers={"Range": header})
        assert response.status_code == 200, header
        assert response.get_data() == data and "Content-Range" not in response.headers


def test_a_range_outside_the_file_is_416(audio):
    client, url, data = audio
    response = client.get(url, headers={"Range": f"bytes={len(data)}-"})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{len(data)}"


def test_etag_last_modified_and_long_caching(audio):
    client, url, data = audio
    response = client.get(url)
    assert response.status_code == 200 and response.get_data() == data
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    assert response.cache_control.max_age >= 365 * 24 * 3600 and response.cache_control.public
    assert client.get(url, headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": response.headers["Last-Modified"]}).status_code == 304
    # A range with a stale If-Range gets the whole file, never a mixed one.
    whole = client.get(url, headers={"Range": "bytes=0-1", "If-Range": '"stale"'})
    assert whole.status_code == 200 and whole.get_data() == data


@pytest.mark.parametrize("name", ["captions.vtt", "chapters.json", "transcript.html"])
def test_transcripts_and_chapters_allow_web_players(audio, name):
    client, url, _ = audio
    response = client.get(url.replace("briefing.mp3", name))
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
