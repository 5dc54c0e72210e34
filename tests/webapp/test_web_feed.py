"""The podcast feed (/feed.xml, /sources/<id>/feed.xml): what Apple Podcasts, feedparser and
the Podcast Index's own parser need to find in it. (Its media: test_web_media.py.)"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

pytest.importorskip("flask")
feedparser = pytest.importorskip("feedparser")
from lxml import etree  # noqa: E402
from webtools import ARTICLES, BASE, published  # noqa: E402, F401 - published is a fixture

from web.feed import DESCRIPTION_MAX_BYTES, description_html, podcast_guid  # noqa: E402
from web.store import BriefingRecord  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}


def brief(app, text):
    from briefing.text.extract import source_from_text

    from web.briefings import brief as make

    with app.app_context():
        return make(app, source_from_text(text)).record.id


def get_feed(app, path="/feed.xml"):
    response = app.test_client().get(path)
    assert response.status_code == 200
    assert response.mimetype == "application/rss+xml"
    return response


def test_podcast_guid_follows_the_specification():
    # The example in the Podcasting 2.0 namespace's documentation.
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert podcast_guid("http://mp3s.nashownotes.com/pc20rss.xml/") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"


def test_feedparser_reads_every_done_briefing_newest_first(published):
    app, ids, queued = published
    parsed = feedparser.parse(get_feed(app).get_data())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "Briefing"
    assert [e.link for e in parsed.entries] == [f"{BASE}/briefings/{i}" for i in reversed(ids)]
    assert queued not in json.dumps(parsed.entries)
    store = app.extensions["briefing.store"]
    for entry in parsed.entries:
        record = store.get_briefing(entry.link.rsplit("/", 1)[1])
        (enclosure,) = entry.enclosures
        assert enclosure.type == "audio/mpeg"
        assert record.audio["content_hash"] in enclosure.href and enclosure.href.startswith(BASE + "/media/")
        path = Path(app.config["MEDIA_DIR"]) / record.audio["content_hash"] / "briefing.mp3"
        assert int(enclosure.length) == path.stat().st_size
        assert entry.itunes_duration == str(round(record.audio["duration"]))
        assert "<li>" in entry.summary and "Source:" in entry.summary
        assert parsedate_to_datetime(entry.published).tzinfo is not None


def test_apples_required_tags_and_absolute_urls(published):
    app, ids, _ = published
    body = get_feed(app).get_data()
    assert b"<![CDATA[<ol>" in body
    root = etree.fromstring(body)
    assert root.tag == "rss" and root.get("version") == "2.0"
    for prefix, uri in NS.items():
        assert root.nsmap[prefix] == uri
    channel = root.find("channel")
    for tag in ("title", "description", "language", "link", "itunes:image", "itunes:category",
                "itunes:explicit", "itunes:author", "podcast:guid", "atom:link"):
        element = channel.find(tag, NS)
        assert element is not None, tag
    assert channel.findtext("link") == BASE + "/"
    assert channel.find("atom:link", NS).get("rel") == "self"
    assert channel.find("atom:link", NS).get("href") == BASE + "/feed.xml"
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.findtext("podcast:guid", namespaces=NS) == podcast_guid(BASE + "/feed.xml")
    assert channel.find("itunes:image", NS).get("href") == BASE + "/static/cover.png"
    assert channel.find("itunes:category", NS).get("text") == "News"
    assert channel.find("itunes:owner", NS) is None  # no FEED_OWNER_EMAIL set
    items = channel.findall("item")
    assert len(items) == 2
    for item in items:
        for tag in ("title", "description", "guid", "pubDate", "enclosure", "link", "itunes:duration"):
            assert item.find(tag, NS) is not None, tag
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.findtext("itunes:duration", namespaces=NS).isdigit()
        assert len(item.findtext("description").encode("utf-8")) <= DESCRIPTION_MAX_BYTES
        transcripts = item.findall("podcast:transcript", NS)
        assert [(t.get("type"), t.get("rel")) for t in transcripts] == [("text/vtt", "captions"), ("text/html", None)]
        chapters = item.find("podcast:chapters", NS)
        assert chapters.get("type") == "application/json+chapters"
        urls = [item.find("enclosure").get("url"), item.findtext("link"), chapters.get("url")]
        urls += [t.get("url") for t in transcripts]
        assert all(u.startswith(BASE + "/") for u in urls), urls
    # Every URL in the document is absolute.
    for element in root.iter():
        for name in ("href", "url"):
            if element.get(name):
                assert element.get(name).startswith("https://"), element.get(name)


def test_owner_email_when_configured(app_factory):
    app = app_factory(FEED_OWNER_EMAIL="editor@example.org")
    channel = etree.fromstring(get_feed(app).get_data()).find("channel")
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == "editor@example.org"


def test_guids_never_change(published, app_factory):
    app, _, _ = published
    first = etree.fromstring(get_feed(app).get_data())
    app.config["PUBLIC_BASE_URL"] = "https://elsewhere.example.com"
    again = etree.fromstring(get_feed(app).get_data())
    assert [g.text for g in first.iter("guid")] == [g.text for g in again.iter("guid")]
    assert again.find("channel/link").text == "https://elsewhere.example.com/"


def test_without_a_configured_base_url_the_request_address_is_used(app_factory):
    app = app_factory()
    brief(app, ARTICLES[0])
    app.extensions["briefing.jobs"].run_until_idle()
    body = app.test_client().get("/feed.xml", base_url="http://briefing.test:8080").get_data()
    assert b'url="http://briefing.test:8080/media/' in body


def test_empty_feed_is_valid_and_etag_gives_304(app):
    client = app.test_client()
    response = client.get("/feed.xml")
    assert response.status_code == 200
    parsed = feedparser.parse(response.get_data())
    assert not parsed.bozo and parsed.entries == []
    again = client.get("/feed.xml", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert client.head("/feed.xml").status_code == 200


def test_an_unknown_source_feed_is_404(app):
    assert app.test_client().get("/sources/99/feed.xml").status_code == 404


def test_description_is_cut_to_4000_bytes():
    points = [{"text": f"Point number {n} says something rather long about the harbour bridge and its repairs " * 3,
               "attribution": {"source": "The council"}} for n in range(40)]
    record = BriefingRecord(
        id="abc", created_at="2026-01-01T00:00:00Z", updated_at="2026-01-01T00:00:00Z", revision=1, title="T",
        source_url="https://example.org/a", source_kind="url", source_name=None, input_hash="x", options={},
        briefing={"key_points": points, "article": {"source_url": "https://example.org/a"}}, status="done",
        error=None, audio=None,
    )
    html = description_html(record, "https://news.example.org/briefings/abc")
    assert len(html.encode("utf-8")) <= DESCRIPTION_MAX_BYTES
    assert html.startswith("<ol><li>Point number 0") and html.endswith("Original article</a></p>")


def test_cover_art_is_a_square_png_answering_head(client):
    response = client.head("/static/cover.png")
    assert response.status_code == 200 and response.mimetype == "image/png"
    data = (ROOT / "web" / "static" / "cover.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == height and 1400 <= width <= 3000
    assert int(response.headers["Content-Length"]) == len(data)


# -- the Podcast Index's own parser ----------------------------------------------------


def test_podcast_partytime_finds_guid_transcripts_and_chapters(published, tmp_path):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "podcast-partytime").is_dir():
        pytest.skip("node or podcast-partytime is missing: run `npm ci` (the Makefile does)")
    app, ids, _ = published
    feed = tmp_path / "feed.xml"
    feed.write_bytes(get_feed(app).get_data())
    result = subprocess.run(
        [node, str(Path(__file__).with_name("feed_partytime.js")), str(feed)],
        capture_output=True, text=True, timeout=60, cwd=ROOT, check=True,
    )
    parsed = json.loads(result.stdout)
    assert parsed["guid"] == podcast_guid(BASE + "/feed.xml")
    assert parsed["explicit"] is False
    assert parsed["itunesImage"] == BASE + "/static/cover.png"
    assert sorted(parsed["pc20support"]["1"]) == ["chapters", "transcript"]
    assert len(parsed["items"]) == 2
    for item in parsed["items"]:
        assert [(t["type"], t.get("rel")) for t in item["transcripts"]] == [("text/vtt", "captions"), ("text/html", None)]
        assert item["chapters"]["type"] == "application/json+chapters"
        assert item["chapters"]["url"].startswith(BASE + "/media/")
        assert item["enclosure"]["type"] == "audio/mpeg" and item["duration"] > 0


# -- text every podcast app reads ---------------------------------------------------------


def test_apostrophes_and_ampersands_survive_every_parser(app, tmp_path):
    """gPodder's podcastparser dropped apostrophes escaped as ``&#x27;``; feedparser and the
    Podcast Index's parser must read the same words."""
    import io
    from html import unescape

    import podcastparser

    from web.feed import build_feed

    points = [
        {"text": "Work on the council's harbour bridge will start in May.", "attribution": {"source": "Tom & Jerry's"}},
        {"text": 'The mayor said the "delay" was <not> the builders\' fault.', "attribution": None},
    ]
    record = BriefingRecord(
        id="abc", created_at="2026-01-01T00:00:00Z", updated_at="2026-01-01T00:00:00Z", revision=1,
        title="The council's bridge: Tom & Jerry's view", source_url="https://example.org/a?b=1&c=2",
        source_kind="url", source_name=None, input_hash="x", options={},
        briefing={"key_points": points, "article": {"source_url": "https://example.org/a?b=1&c=2"}}, status="done",
        error=None, audio={"content_hash": "a" * 64, "mp3_bytes": 1000, "duration": 12.0},
    )
    with app.test_request_context():
        body = build_feed([record], feed_url=BASE + "/feed.xml", title="Briefing", description="News", link=BASE)
    wanted = ["the council's harbour bridge", "Tom & Jerry's", 'the "delay" was <not> the builders\' fault']

    episode = podcastparser.parse(BASE + "/feed.xml", io.BytesIO(body))["episodes"][0]
    assert episode["title"] == "The council's bridge: Tom & Jerry's view"
    for words in wanted:
        assert words in episode["description"], (words, episode["description"])
        assert words in unescape(episode["description_html"])
    assert 'href="https://example.org/a?b=1&amp;c=2"' in episode["description_html"]

    entry = feedparser.parse(body).entries[0]
    assert entry.title == "The council's bridge: Tom & Jerry's view"
    for words in wanted:
        assert words in unescape(entry.summary), (words, entry.summary)

    node = shutil.which("node")
    if node and (ROOT / "node_modules" / "podcast-partytime").is_dir():
        feed = tmp_path / "feed.xml"
        feed.write_bytes(body)
        script = (
            "const {parseFeed}=require('podcast-partytime');const f=parseFeed(require('fs').readFileSync("
            "process.argv[1],'utf8'));process.stdout.write(JSON.stringify({t:f.items[0].title,d:f.items[0].description}))"
        )
        out = json.loads(subprocess.run([node, "-e", script, str(feed)], capture_output=True, text=True, timeout=60,
                                        cwd=ROOT, check=True).stdout)
        assert out["t"] == "The council's bridge: Tom & Jerry's view"
        for words in wanted:
            assert words in unescape(out["d"]), (words, out["d"])
