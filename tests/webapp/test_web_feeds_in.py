"""News feeds in: follow a real RSS feed served on 127.0.0.1, refresh it, and get episodes."""

from __future__ import annotations

import html
import shutil
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("flask")
pytest.importorskip("feedparser")

from web import feeds_in  # noqa: E402

STORIES = {
    "bridge": (
        "Harbour bridge to reopen on Monday",
        "The city council said the harbour bridge will reopen to traffic on Monday after three months of repairs. "
        "Engineers replaced the worn steel cables and resurfaced the road, according to a council statement. "
        "“We are proud of the crews who worked through the winter,” said Mayor Ana Lopez.",
    ),
    "library": (
        "Library extends opening hours",
        "The central library will stay open until nine in the evening from next week, the city said on Friday. "
        "Students had asked for longer hours during the exam season, according to the student union. "
        "“Quiet places to study are scarce,” said union president Sam Okafor.",
    ),
    "trams": (
        "New trams enter service on the east line",
        "Six new trams entered service on the east line on Tuesday, the transport authority said. "
        "The trams carry more passengers and have level floors for wheelchairs, according to the authority. "
        "“Riders will notice the difference at rush hour,” said operations chief Mei Tanaka.",
    ),
    "market": (
        "Farmers market moves to the old station",
        "The weekly farmers market will move to the old railway station in spring, organisers announced. "
        "The new site has room for forty stalls and a covered hall, according to the organisers. "
        "“Our traders wanted shelter from the rain,” said market manager Tom Reyes.",
    ),
    "broken": ("Story whose page is broken", "This page answers 500."),
    "extra": (
        "Swimming pool gets solar panels",
        "The municipal swimming pool will heat its water with solar panels from June, the council said. "
        "The panels should cut the pool's gas use by half, according to an energy report. "
        "“It saves money and carbon at once,” said councillor Priya Shah.",
    ),
}


def page(slug: str) -> bytes:
    title, text = STORIES[slug]
    body = "".join(f"<p>{html.escape(s.strip())}.</p>" for s in text.rstrip(".").split(". "))
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head>"
        f"<body><nav>Home · News</nav><article><h1>{html.escape(title)}</h1>{body}</article></body></html>"
    ).encode("utf-8")


class NewsSite:
    """An RSS feed and its article pages on 127.0.0.1, with ETag support and a request log."""

    def __init__(self, slugs: list[str]) -> None:
        self.slugs = list(slugs)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.slow: set[str] = set()
        self.feed_status = 200
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # noqa: ANN002 - quiet
                pass

            def do_GET(self):  # noqa: N802
                site.requests.append((self.path, dict(self.headers)))
                if self.path == "/feed.xml":
                    if site.feed_status != 200:
                        return self._send(site.feed_status, b"oops", "text/plain")
                    body = site.feed()
                    etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.end_headers()
                        return None
                    return self._send(200, body, "application/rss+xml; charset=utf-8", etag)
                slug = self.path.strip("/").removeprefix("news/")
                if slug == "broken":
                    return self._send(500, b"Internal Server Error", "text/plain")
                if slug in site.slow:
                    time.sleep(3)
                if slug in STORIES:
                    return self._send(200, page(slug), "text/html; charset=utf-8")
                return self._send(404, b"not found", "text/plain")

            def _send(self, status, body, ctype, etag=None):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", formatdate(0, usegmt=True))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def feed(self) -> bytes:
        items = []
        for n, slug in enumerate(reversed(self.slugs)):  # newest first, as feeds are
            title, text = STORIES[slug]
            link = f"{self.url}/news/{slug}"
            extra = ""
            if slug == "bridge":
                # Full content in the feed: long enough to be the article itself.
                full = "".join(f"<p>{html.escape(text)}</p>" for _ in range(2))
                extra = f"<content:encoded><![CDATA[{full}]]></content:encoded>"
            items.append(
                f"<item><title>{html.escape(title)}</title><link>{link}</link>"
                f"<guid isPermaLink='false'>story-{slug}</guid>"
                f"<pubDate>{formatdate(1_700_000_000 - n * 3600, usegmt=True)}</pubDate>"
                f"<description>{html.escape(text[:80])}</description>{extra}</item>"
            )
        return (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>City News</title>"
            f"<link>{self.url}/</link><description>Local news</description>{''.join(items)}</channel></rss>"
        ).encode("utf-8")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    news = NewsSite(["bridge", "library", "broken", "trams", "market"])
    yield news
    news.close()


def episodes(app) -> list[str]:
    import feedparser

    body = app.test_client().get("/feed.xml").get_data()
    return [e.title for e in feedparser.parse(body).entries]


def test_five_items_one_broken_make_four_episodes_with_real_audio(app_factory, site):
    # A real voice: espeak-ng (about 2 s an episode here) when installed, else Piper (about 10 s).
    voice = "espeak" if shutil.which("espeak-ng") else "piper"
    app = app_factory(RENDER=None, VOICE=voice, PUBLIC_BASE_URL="https://news.example.org")
    source = feeds_in.follow(app, f"{site.url}/feed.xml")
    (result,) = feeds_in.refresh(app)
    assert result.status == "ok" and len(result.new) == 4 and result.seen == 0
    (failure,) = result.failures
    assert failure.title == "Story whose page is broken" and "500" in failure.error
    # The item with full content was not fetched; the others were.
    fetched = [path for path, _ in site.requests]
    assert "/news/bridge" not in fetched and "/news/trams" in fetched
    assert app.extensions["briefing.jobs"].run_until_idle() == 4
    store = app.extensions["briefing.store"]
    media = Path(app.config["MEDIA_DIR"])
    for briefing_id in result.new:
        record = store.get_briefing(briefing_id)
        assert record.status == "done", record.error
        folder = media / record.audio["content_hash"]
        assert (folder / "briefing.mp3").read_bytes()[:3] in (b"ID3", b"\xff\xfb", b"\xff\xf3")
        assert (folder / "captions.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
        assert (folder / "chapters.json").is_file() and len(record.audio["chapters"]) >= 3
        assert record.audio["duration"] > 3
    # Newest story first, in both feeds.
    expected = ["Farmers market moves to the old station", "New trams enter service on the east line",
                "Library extends opening hours", "Harbour bridge to reopen on Monday"]
    assert episodes(app) == expected
    import feedparser

    per_source = feedparser.parse(app.test_client().get(f"/sources/{source['id']}/feed.xml").get_data())
    assert [e.title for e in per_source.entries] == expected
    assert per_source.feed.title == "Briefing: City News"
    last = feeds_in.find_source(app, source["id"])["last_result"]
    assert last["new"] == 4 and last["failed"] == 1 and "500" in last["failures"][0]["error"]


def test_refresh_again_adds_nothing_and_a_new_item_adds_one(app_factory, site):
    app = app_factory()
    feeds_in.follow(app, f"{site.url}/feed.xml")
    (first,) = feeds_in.refresh(app)
    assert len(first.new) == 4
    site.requests.clear()
    (second,) = feeds_in.refresh(app)
    # The feed did not change: the conditional request got 304.
    assert second.status == "not modified" and second.new == ()
    assert site.requests[0][1].get("If-None-Match") and site.requests[0][1].get("If-Modified-Since")
    site.slugs.append("extra")
    (third,) = feeds_in.refresh(app)
    assert third.status == "ok" and len(third.new) == 1 and third.seen == 4
    # The broken item is tried again (and reported again); nothing else is fetched again.
    assert [f.title for f in third.failures] == ["Story whose page is broken"]
    assert sorted(p for p, _ in site.requests if p.startswith("/news/")) == ["/news/broken", "/news/extra"]
    app.extensions["briefing.jobs"].run_until_idle()
    assert episodes(app)[0] == "Swimming pool gets solar panels" and len(episodes(app)) == 5


def test_items_are_deduplicated_by_link_when_the_guid_changes(app_factory, site):
    app = app_factory()
    feeds_in.follow(app, f"{site.url}/feed.xml")
    feeds_in.refresh(app)
    original = site.feed
    site.feed = lambda: original().replace(b"story-", b"changed-")
    (again,) = feeds_in.refresh(app)
    assert again.new == () and again.seen == 4


def test_a_timeout_or_a_dead_feed_is_reported_and_stops_nothing(app_factory, site):
    app = app_factory(BRIEFING={"allow_private_urls": True, "read_timeout": 1.0, "connect_timeout": 1.0})
    site.slow.add("library")
    feeds_in.follow(app, f"{site.url}/feed.xml")
    dead = feeds_in.follow(app, f"{site.url}/missing.xml")
    results = feeds_in.refresh(app)
    assert [r.status for r in results] == ["ok", "failed"]
    assert len(results[0].new) == 3
    assert sorted(f.title for f in results[0].failures) == ["Library extends opening hours", "Story whose page is broken"]
    assert "404" in results[1].error
    site.feed_status = 200
    page = feeds_in.follow(app, f"{site.url}/news/trams")
    (not_a_feed,) = feeds_in.refresh(app, [str(page["id"])])
    assert not_a_feed.status == "failed" and "is not a news feed" in not_a_feed.error
    assert feeds_in.find_source(app, dead["id"])["last_result"]["status"] == "failed"


def test_private_addresses_are_refused_unless_allowed(app_factory, site):
    app = app_factory(BRIEFING={})
    from briefing.errors import BriefingError

    with pytest.raises(BriefingError, match="loopback"):
        feeds_in.follow(app, f"{site.url}/feed.xml")


def test_follow_twice_unfollow_and_list(app_factory, site):
    app = app_factory()
    url = f"{site.url}/feed.xml"
    source = feeds_in.follow(app, url)
    with pytest.raises(feeds_in.FeedsError, match="followed already"):
        feeds_in.follow(app, url)
    assert [s["url"] for s in feeds_in.sources(app)] == [url]
    assert feeds_in.unfollow(app, str(source["id"]))["url"] == url
    assert feeds_in.sources(app) == []
    with pytest.raises(feeds_in.FeedsError, match="briefing sources"):
        feeds_in.unfollow(app, url)


def test_the_server_refreshes_every_n_minutes(app_factory, site):
    app = app_factory(FEEDS_REFRESH_MINUTES=5)
    store = app.extensions["briefing.store"]
    assert feeds_in.schedule(app) is not None
    assert feeds_in.schedule(app) == feeds_in.schedule(app)  # one pending refresh at most
    (job,) = [j for j in store.jobs() if j.kind == feeds_in.JOB_KIND]
    assert 290 < job.run_after - time.time() <= 300
    feeds_in.follow(app, f"{site.url}/feed.xml")
    store.db.execute("UPDATE jobs SET run_after = 0 WHERE id = ?", (job.id,))
    app.extensions["briefing.jobs"].run_until_idle()
    assert len(episodes(app)) == 4
    pending = [j for j in store.jobs() if j.kind == feeds_in.JOB_KIND and j.status == "queued"]
    assert len(pending) == 1 and pending[0].run_after > time.time() + 200
    assert feeds_in.schedule(app_factory(FEEDS_REFRESH_MINUTES=0)) is None


def test_cli_follow_sources_refresh_unfollow(tmp_path, site, capsys):
    from briefing.cli import main

    instance = tmp_path / "cli-instance"
    instance.mkdir()
    (instance / "config.py").write_text(
        "BRIEFING = {'allow_private_urls': True}\nRENDER = 'doubles:fake_render'\nSECRET_KEY = 'test'\n",
        encoding="utf-8",
    )
    where = ["--instance", str(instance)]
    assert main(["follow", f"{site.url}/feed.xml", *where]) == 0
    assert "as source 1" in capsys.readouterr().out
    assert main(["sources", *where]) == 0
    assert "never refreshed" in capsys.readouterr().out
    assert main(["refresh", *where]) == 1  # one item failed: reported, and the status says so
    out = capsys.readouterr().out
    assert "ok: 4 new, 0 seen before, 1 failed" in out and "not briefed: Story whose page is broken" in out
    assert "Made the audio of 4 briefing(s)." in out
    assert main(["sources", *where]) == 0
    assert "City News" in capsys.readouterr().out
    assert main(["refresh", *where]) == 0
    assert "not modified" in capsys.readouterr().out
    assert main(["unfollow", "1", *where]) == 0
    assert main(["unfollow", "1", *where]) != 0
    assert "No followed feed is 1" in capsys.readouterr().err
