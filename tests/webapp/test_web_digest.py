"""The daily digest in the web app (issue 6, optional part): one episode that joins a day's
briefings, a chapter per story, in the feed and on a page of its own. (The digest's script:
tests/audio/test_digest.py.)"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import feedparser
import pytest

from briefing.text.extract import source_from_text
from conftest import LIBRARY
from conftest import SHORT as BRIDGE

DAY = date(2026, 11, 27)


@pytest.fixture
def digest_app(app_factory):
    from doubles import fake_render_script

    return app_factory(RENDER_SCRIPT=fake_render_script, PUBLIC_BASE_URL="https://news.example.org")


def _brief_on(app, text: str, day: date) -> str:
    from web.briefings import brief

    outcome = brief(app, source_from_text(text))
    app.extensions["briefing.jobs"].run_until_idle()
    stamp = datetime.combine(day, datetime.min.time(), timezone.utc).replace(hour=9).strftime("%Y-%m-%dT%H:%M:%SZ")
    store = app.extensions["briefing.store"]
    with store.transaction() as db:
        db.execute("UPDATE briefings SET created_at = ? WHERE id = ?", (stamp, outcome.record.id))
    return outcome.record.id


def test_a_digest_is_a_page_a_feed_episode_and_made_once(digest_app):
    from web.digest import DigestError, make_digest

    app = digest_app
    first = _brief_on(app, BRIDGE, DAY)
    second = _brief_on(app, LIBRARY, DAY)
    _brief_on(app, BRIDGE.replace("Monday", "Tuesday"), DAY + timedelta(days=1))  # another day

    made = make_digest(app, DAY)
    assert made.created and made.record.title == "Daily digest: Friday, 27 November 2026"
    app.extensions["briefing.jobs"].run_until_idle()
    again = make_digest(app, DAY)
    assert not again.created and again.record.id == made.record.id
    record = app.extensions["briefing.store"].get_briefing(made.record.id)
    assert record.status == "done"
    titles = [c["title"] for c in record.audio["chapters"]]
    assert titles == [
        "Introduction",
        "Story 1: Harbour bridge to reopen on Monday",
        "Story 2: Library opens late on Fridays",
        "About this digest",
    ]

    client = app.test_client()
    page = client.get(f"/briefings/{record.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Daily digest" in html and f'href="/briefings/{first}"' in html and f'href="/briefings/{second}"' in html
    assert html.count('<h1') == 1 and html.count('<h3 id="story-') == 2
    twin = client.get(f"/briefings/{record.id}.json").json
    assert [s["id"] for s in twin["stories"]] == [first, second]
    assert all(p["attribution"] for s in twin["stories"] for p in s["key_points"] if "said" in p["text"])

    feed = feedparser.parse(client.get("/feed.xml").data)
    episode = next(e for e in feed.entries if e.title.startswith("Daily digest"))
    assert f"https://news.example.org/briefings/{first}" in episode.description
    assert episode.enclosures[0]["href"].startswith("https://news.example.org/media/")

    with pytest.raises(DigestError, match=r"No briefing made on 2026-11-20 .*--day"):
        make_digest(app, date(2026, 11, 20))


def test_the_server_makes_yesterdays_digest_after_midnight(app_factory):
    from web.digest import JOB_KIND, schedule, yesterday
    from doubles import fake_render_script

    app = app_factory(DIGEST=True, RENDER_SCRIPT=fake_render_script)
    _brief_on(app, BRIDGE, yesterday())
    store = app.extensions["briefing.store"]
    # At 23:00 the next check is 65 minutes away: five minutes after midnight.
    job_id = schedule(app, clock=datetime(2026, 11, 28, 23, 0, tzinfo=timezone.utc))
    job = store.get_job(job_id)
    assert job.kind == JOB_KIND and 65 * 60 - 5 <= job.run_after - datetime.now(timezone.utc).timestamp() <= 65 * 60 + 5
    with store.transaction() as db:
        db.execute("UPDATE jobs SET run_after = 0 WHERE id = ?", (job_id,))
    app.extensions["briefing.jobs"].run_until_idle(limit=4)
    digests = store.db.execute("SELECT id, status FROM briefings WHERE source_kind = 'digest'").fetchall()
    assert len(digests) == 1 and digests[0]["status"] == "done"
    # The next check is queued for the next night, and a quiet day makes no digest.
    assert store.db.execute("SELECT COUNT(*) FROM jobs WHERE kind = ? AND status = 'queued'", (JOB_KIND,)).fetchone()[0] == 1


def test_no_digest_check_unless_turned_on(app):
    from web.digest import schedule

    assert schedule(app, now=True) is None


def test_cli_makes_a_digest(app_factory, tmp_path, capsys):
    from briefing.cli import main

    app = app_factory()
    _brief_on(app, BRIDGE, DAY)
    _brief_on(app, LIBRARY, DAY)
    status = main(["digest", "--day", DAY.isoformat(), "--instance", str(tmp_path / "instance"), "--no-audio"])
    out = capsys.readouterr().out
    assert status == 0 and "Daily digest of 2026-11-27: 2 stories, made -> /briefings/" in out
    assert main(["digest", "--day", "27/11/2026", "--instance", str(tmp_path / "instance")]) == 2
    assert "give it as YYYY-MM-DD" in capsys.readouterr().err


def test_a_digest_with_the_real_voice(app_factory):
    """Piper speaks a digest of two short stories: one MP3, a chapter per story."""
    import mutagen.id3

    from briefing.audio.export import decode_mp3
    from web.digest import make_digest
    from web.media import media_root

    app = app_factory()  # stories with the quick stand-in voice; the digest with Piper
    _brief_on(app, BRIDGE, DAY)
    _brief_on(app, LIBRARY, DAY)
    made = make_digest(app, DAY)
    app.extensions["briefing.jobs"].run_until_idle()
    record = app.extensions["briefing.store"].get_briefing(made.record.id)
    assert record.status == "done", record.error
    folder = media_root(app) / record.audio["content_hash"]
    mp3 = folder / record.audio["files"]["mp3"]
    samples, rate = decode_mp3(mp3.read_bytes())
    assert samples.size / rate == pytest.approx(record.audio["duration"], abs=0.2) and samples.size / rate > 15
    chapters = [f for f in mutagen.id3.ID3(mp3).getall("CHAP")]
    assert len(chapters) == 4  # intro, two stories, outro
    document = json.loads((folder / "briefing.json").read_text(encoding="utf-8"))
    spoken = " ".join(line["text"] for s in document["script"]["sections"] for line in s["lines"])
    assert "“People want somewhere warm and quiet to study,” said director Sam Patel." in spoken
