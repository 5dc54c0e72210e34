"""The podcast feed: every briefing whose audio is ready, as an RSS 2.0 episode.

``/feed.xml`` lists all briefings; ``/sources/<id>/feed.xml`` those made from one followed
news feed. The XML is built with feedgen, its ``podcast`` (iTunes) extension and a small
extension of our own for the Podcasting 2.0 namespace (``podcast:guid``,
``podcast:transcript``, ``podcast:chapters``), which feedgen does not know. feedgen's
``itunes_explicit`` refuses Apple's ``true``/``false``, so that tag is ours too.

Every URL is absolute: ``PUBLIC_BASE_URL`` when set, else the address of the request.
Audio URLs contain the content hash, so a podcast app never keeps a stale file.
"""

from __future__ import annotations

import hashlib
import html
import re
import uuid
from datetime import datetime, timezone
from typing import Iterable

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from flask import Blueprint, Flask, Response, abort, current_app, request, url_for
from lxml import etree

from .extensions import get_store
from .schema import key_points
from .store import BriefingRecord
from .urls import absolute

bp = Blueprint("feed", __name__)

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# The namespace of podcast:guid, fixed by the Podcasting 2.0 specification.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
# Our own namespace for episode guids: a briefing's guid never changes, whatever the site's address.
EPISODE_GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://briefing.invalid/episodes")
DESCRIPTION_MAX_BYTES = 4000
COVER = "cover.png"


def podcast_guid(feed_url: str) -> str:
    """The feed's ``podcast:guid``: UUIDv5 of its URL without scheme and trailing slashes.

    >>> podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml")
    '917393e3-1b1e-5cef-ace4-edaa54e1f810'
    >>> podcast_guid("http://example.org/feed/") == podcast_guid("example.org/feed")
    True
    """
    bare = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", feed_url.strip()).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def episode_guid(briefing_id: str) -> str:
    """A briefing's episode guid, stable across renders and changes of address.

    >>> episode_guid("abc") == episode_guid("abc") != episode_guid("abd")
    True
    """
    return str(uuid.uuid5(EPISODE_GUID_NAMESPACE, briefing_id))


# -- the podcast namespace as a feedgen extension ---------------------------------------


class PodcastIndexExtension(BaseExtension):
    """Channel tags of the ``podcast`` namespace, and Apple's ``itunes:explicit``."""

    def __init__(self) -> None:
        self.guid: str | None = None
        self.explicit = False

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def extend_rss(self, rss_feed):  # noqa: ANN001 - feedgen's lxml tree
        channel = rss_feed[0]
        explicit = etree.SubElement(channel, f"{{{ITUNES_NS}}}explicit")
        explicit.text = "true" if self.explicit else "false"
        if self.guid:
            etree.SubElement(channel, f"{{{PODCAST_NS}}}guid").text = self.guid
        return rss_feed


class PodcastIndexEntryExtension(BaseEntryExtension):
    """Item tags of the ``podcast`` namespace, and the description as CDATA."""

    def __init__(self) -> None:
        self.transcripts: list[dict[str, str]] = []
        self.chapters: dict[str, str] | None = None
        self.description_html: str | None = None

    def extend_rss(self, item):  # noqa: ANN001
        if self.description_html is not None:
            description = item.find("description")
            if description is None:
                description = etree.SubElement(item, "description")
            description.text = etree.CDATA(self.description_html)
        for transcript in self.transcripts:
            etree.SubElement(item, f"{{{PODCAST_NS}}}transcript", transcript)
        if self.chapters:
            etree.SubElement(item, f"{{{PODCAST_NS}}}chapters", self.chapters)
        return item


# -- building the feed ------------------------------------------------------------------


def _escape(text: str) -> str:
    """``text`` escaped for HTML text and double-quoted attributes, apostrophes left as they
    are: gPodder's podcastparser drops the ``&#x27;`` that ``html.escape`` makes of them
    ("the council's" became "the councils"), and no client needs them escaped.

    >>> _escape("Tom & Jerry's <b>" + chr(34) + "best" + chr(34) + "</b>")
    "Tom &amp; Jerry's &lt;b&gt;&quot;best&quot;&lt;/b&gt;"
    """
    return html.escape(text, quote=False).replace('"', "&quot;")


def description_html(record: BriefingRecord, page_url: str, limit: int = DESCRIPTION_MAX_BYTES) -> str:
    """The episode's show notes: the plain key points with their sources, as HTML of at
    most ``limit`` bytes (points are dropped from the end until it fits)."""
    b = record.briefing
    items = []
    # A daily digest lists its stories, each linked to its own briefing.
    for story in (b.get("digest") or {}).get("stories") or ():
        story_url = absolute(url_for("pages.briefing", briefing_id=story["id"]))
        line = f'<a href="{_escape(story_url)}">{_escape(story.get("title") or "Untitled story")}</a>'
        if story.get("site_name"):
            line += f" <em>({_escape(story['site_name'])})</em>"
        items.append(f"<li>{line}</li>")
    for point in () if items else key_points(b):
        source = (point["attribution"] or {}).get("source")
        line = _escape(point["plain"])
        if source:
            line += f" <em>(Source: {_escape(source)})</em>"
        items.append(f"<li>{line}</li>")
    article_url = (b.get("article") or {}).get("source_url") or record.source_url
    footer = f'<p><a href="{_escape(page_url)}">Read the briefing</a>'
    if article_url and re.match(r"https?://", article_url):
        footer += f' · <a href="{_escape(article_url)}">Original article</a>'
    footer += "</p>"
    while True:
        body = (f"<ol>{''.join(items)}</ol>" if items else "") + footer
        if len(body.encode("utf-8")) <= limit or not items:
            break
        items.pop()
    if len(body.encode("utf-8")) > limit:
        body = body.encode("utf-8")[:limit].decode("utf-8", "ignore")
    return body


def _published(record: BriefingRecord) -> datetime:
    return datetime.strptime(record.created_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def build_feed(records: Iterable[BriefingRecord], *, feed_url: str, title: str, description: str, link: str) -> bytes:
    """The RSS 2.0 document for ``records`` (newest first, audio done)."""
    fg = _channel(feed_url=feed_url, title=title, description=description, link=link)
    newest = None
    for record in records:
        published = _add_episode(fg, record)
        newest = max(newest or published, published)
    if newest is not None:
        fg.lastBuildDate(newest)
    else:
        fg.lastBuildDate(datetime(2000, 1, 1, tzinfo=timezone.utc))
    return fg.rss_str(pretty=True)


def _channel(*, feed_url: str, title: str, description: str, link: str) -> FeedGenerator:
    """A feed with the channel's tags (title, links, cover, Apple's tags) and no episode yet."""
    config = current_app.config
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension, atom=False, rss=True)
    fg.podcastindex.guid = podcast_guid(feed_url)
    fg.podcastindex.explicit = bool(config["FEED_EXPLICIT"])
    fg.title(title)
    fg.description(description)
    fg.language(config["FEED_LANGUAGE"])
    fg.author({"name": config["FEED_AUTHOR"]})
    # feedgen's channel <link> is the last link added: self first, the site last.
    fg.link(href=feed_url, rel="self", type="application/rss+xml")
    fg.link(href=link, rel="alternate")
    cover = absolute(url_for("static", filename=COVER))
    fg.image(url=cover, title=title, link=link)
    fg.podcast.itunes_image(cover)
    fg.podcast.itunes_author(config["FEED_AUTHOR"])
    if config.get("FEED_OWNER_EMAIL"):
        fg.podcast.itunes_owner(name=config["FEED_AUTHOR"], email=config["FEED_OWNER_EMAIL"])
    fg.podcast.itunes_summary(description)
    category, _, sub = config["FEED_CATEGORY"].partition("/")
    fg.podcast.itunes_category(category, sub or None)
    fg.podcast.itunes_type("episodic")
    return fg


def _add_episode(fg: FeedGenerator, record: BriefingRecord) -> datetime:
    """Add ``record`` as the feed's next episode; returns when it was published."""
    audio = record.audio or {}
    files = audio.get("files") or {}
    h = audio["content_hash"]

    def media(kind: str, default: str) -> str:
        return absolute(url_for("media.media_file", content_hash=h, name=files.get(kind, default)))

    page = absolute(url_for("pages.briefing", briefing_id=record.id))
    published = _published(record)
    fe = fg.add_entry(order="append")
    fe.title(record.title)
    fe.guid(episode_guid(record.id), permalink=False)
    fe.link(href=page)
    fe.pubDate(published)
    fe.description("-")  # replaced by CDATA in the extension
    fe.enclosure(media("mp3", "briefing.mp3"), str(int(audio["mp3_bytes"])), "audio/mpeg")
    fe.podcast.itunes_duration(str(max(1, round(float(audio.get("duration") or 0)))))
    fe.podcast.itunes_explicit(None)
    fe.podcastindex.description_html = description_html(record, page)
    fe.podcastindex.transcripts = [
        {"url": media("vtt", "captions.vtt"), "type": "text/vtt", "rel": "captions"},
        {"url": media("transcript_html", "transcript.html"), "type": "text/html"},
    ]
    fe.podcastindex.chapters = {"url": media("chapters", "chapters.json"), "type": "application/json+chapters"}
    return published


def feed_response(body: bytes) -> Response:
    """The feed with a strong ETag of its bytes (podcast apps poll often)."""
    response = Response(body, mimetype="application/rss+xml")
    response.charset = "utf-8"
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response.make_conditional(request)


@bp.route("/feed.xml", methods=("GET", "HEAD"))
def feed():
    """The podcast feed of every briefing whose audio is ready."""
    config = current_app.config
    body = build_feed(
        get_store().done_briefings(int(config["FEED_ITEMS"])),
        feed_url=absolute(url_for("feed.feed")),
        title=config["FEED_TITLE"],
        description=config["FEED_DESCRIPTION"],
        link=absolute(url_for("pages.home")),
    )
    return feed_response(body)


@bp.route("/sources/<int:source_id>/feed.xml", methods=("GET", "HEAD"))
def source_feed(source_id: int):
    """The podcast feed of the briefings made from one followed news feed."""
    row = get_store().source(source_id)
    if row is None:
        abort(404, description="No followed source has this number. `briefing sources` lists them.")
    config = current_app.config
    name = row["title"] or row["url"]
    body = build_feed(
        get_store().done_briefings(int(config["FEED_ITEMS"]), source_id=source_id),
        feed_url=absolute(url_for("feed.source_feed", source_id=source_id)),
        title=f"{config['FEED_TITLE']}: {name}",
        description=f"Briefings of the stories in {name}. {config['FEED_DESCRIPTION']}",
        link=row["url"] if re.match(r"https?://", row["url"]) else absolute(url_for("pages.home")),
    )
    return feed_response(body)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
