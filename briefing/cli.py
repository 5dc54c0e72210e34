"""The ``briefing`` command line."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Sequence

from .audio.export import clock
from .audio.render import render_briefing
from .audio.speak import DEFAULT_VOICE, VOICES, get_voice, keep_voice_memory, voice_status
from .config import BriefingConfig
from .errors import BriefingError
from .memory import map_large_blocks
from .models import Briefing
from .pipeline import limit_blas_threads, summarize
from .plain.faithful import check
from .plain.simplify import simplify_checked
from .rank.registry import RANKERS
from .text.extract import read_source, source_from_text


def _plain(b: Briefing, index: int):
    """The plain version of key point ``index``, if the briefing was simplified."""
    return b.plain_points[index] if index < len(b.plain_points) else None


def _format_text(b: Briefing) -> str:
    lines = [b.article.title or "(untitled)"]
    meta = [m for m in (b.article.site_name, b.article.byline, b.article.published, b.article.source_url) if m]
    if meta:
        lines.append(" · ".join(meta))
    lines.append("")
    for i, p in enumerate(b.key_points, 1):
        plain = _plain(b, i - 1)
        shown = plain.text if plain else p.text
        lines.append(f"{i}. {shown}")
        if shown != p.original:  # the article's own words, before naming and plain language
            lines.append(f"   Original: {p.original}")
        if p.attribution:
            a = p.attribution
            src = f"   Source: {a.source}"
            if a.cue:
                src += f" ({a.cue})"
            if a.resolved_from:
                src += f", written as “{a.resolved_from}”"
            lines.append(src)
    for note in b.notes:
        lines.append(f"Note: {note}")
    return "\n".join(lines)


def _format_markdown(b: Briefing) -> str:
    lines = [f"# {b.article.title or 'Untitled'}", ""]
    if b.article.source_url:
        lines += [f"Source: <{b.article.source_url}>", ""]
    for i, p in enumerate(b.key_points):
        plain = _plain(b, i)
        shown = plain.text if plain else p.text
        line = f"- {shown}"
        if p.attribution:
            line += f" — *{p.attribution.source}*"
        lines.append(line)
        if shown != p.original:
            lines.append(f"  - Original: {p.original}")
    for note in b.notes:
        lines += ["", f"> Note: {note}"]
    return "\n".join(lines)


def format_briefing(b: Briefing, fmt: str) -> str:
    """Render a briefing as ``text``, ``json`` or ``markdown``."""
    if fmt == "json":
        return json.dumps(b.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return _format_markdown(b)
    return _format_text(b)


def _config_from(args: argparse.Namespace) -> BriefingConfig:
    changes = {}
    if getattr(args, "points", None) is not None:
        changes["points"] = args.points
    if getattr(args, "ranker", None):
        changes["ranker"] = args.ranker
    if getattr(args, "rewriter", None):
        changes["rewriter"] = args.rewriter
    return BriefingConfig(**changes)


_REWRITER_HELP = ("Plain-language rewriter: rules (default, offline) or llm (an OpenAI-compatible endpoint from "
                  "the BRIEFING_LLM_* environment variables; every answer is checked, the rules stand in).")
_INSTANCE_HELP = "Instance folder of the web app (default: $BRIEFING_INSTANCE or ./instance)."


def cmd_summarize(args: argparse.Namespace) -> int:
    config = _config_from(args)
    if args.batch:
        return _batch(args.batch, config)
    if not args.source:
        raise BriefingError("Give a SOURCE (a file, - for stdin, or a URL), or --batch FILE.jsonl.")
    briefing = summarize(read_source(args.source, config), config)
    sys.stdout.write(format_briefing(briefing, args.format) + "\n")
    return 0


def _batch(path: str, config: BriefingConfig) -> int:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    failures = 0
    with stream:
        for line_no, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                item_id, article = item["id"], item["article"]
            except (ValueError, KeyError, TypeError) as exc:
                out = {"id": None, "line": line_no, "error": f"line {line_no} is not {{\"id\", \"article\"}} JSON: {exc}"}
                failures += 1
            else:
                try:
                    out = {"id": item_id, **summarize(source_from_text(article, config), config).to_dict()}
                except BriefingError as exc:
                    out = {"id": item_id, "error": str(exc)}
                    failures += 1
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if failures else 0


# --- audio: `briefing make` and `briefing voices` -------------------------------------------


def _add_audio_commands(sub) -> None:
    m = sub.add_parser(
        "make",
        help="Make the spoken briefing: MP3 with chapters, captions, transcripts and JSON.",
        description="Summarise SOURCE and write briefing.mp3, captions.vtt, chapters.json, "
        "transcript.txt, transcript.html and briefing.json into DIR.",
    )
    m.add_argument("source", help="A file path, - for stdin, or an http(s) URL.")
    m.add_argument("-o", "--output", metavar="DIR", required=True, help="Directory to write the files into.")
    m.add_argument("--voice", choices=list(VOICES), default=DEFAULT_VOICE, help=f"Voice (default: {DEFAULT_VOICE}).")
    m.add_argument("--points", type=int, help="Number of key points (default: 3 to 7 by length).")
    m.add_argument("--rewriter", choices=("rules", "llm"), help=_REWRITER_HELP)
    m.set_defaults(func=cmd_make)

    v = sub.add_parser("voices", help="List the voices and whether each works here.")
    v.set_defaults(func=cmd_voices)


class _ProgressBar:
    """A one-line progress bar of sentences spoken, drawn on a terminal."""

    def __init__(self, stream, width: int = 30) -> None:
        self.stream = stream
        self.width = width

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\rSpeaking [{bar}] {done}/{total} sentences{end}")
        self.stream.flush()


def cmd_make(args: argparse.Namespace) -> int:
    keep_voice_memory()  # one briefing, then the process ends: speed over a lower peak
    # The voice loads on a second thread while the text pipeline runs on this one (measured:
    # Piper's model takes 0.5 to 0.9 s, and onnxruntime releases the GIL while it loads).
    threading.Thread(target=_load_voice, args=(args.voice,), daemon=True, name="load-voice").start()
    config = _config_from(args)
    briefing = summarize(read_source(args.source, config), config)
    progress = _ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    out_dir = Path(args.output)
    rendition = render_briefing(briefing, out_dir, voice=args.voice, progress=progress)
    for kind, name in rendition.files.items():
        sys.stdout.write(f"{kind:16} {out_dir / name}\n")
    sys.stdout.write(
        f"duration         {clock(rendition.duration)} ({rendition.duration:.1f} s), "
        f"{len(rendition.chapters)} chapters, {rendition.mp3_bytes / 1e6:.2f} MB\n"
    )
    return 0


def _load_voice(name: str) -> None:
    try:
        get_voice(name).load()
    except BriefingError:
        pass  # only a head start: rendering loads the voice again and reports the error then


def cmd_voices(args: argparse.Namespace) -> int:
    for name, ok, detail, description in voice_status():
        mark = "yes" if ok else "no "
        default = " (default)" if name == DEFAULT_VOICE else ""
        sys.stdout.write(f"{name:8} works here: {mark}  {description}{default}\n{'':8} {detail}\n")
    return 0


# --- web: `briefing serve` (Flask is imported only when this command runs) -----------------


def _add_serve_command(sub) -> None:
    w = sub.add_parser(
        "serve",
        help="Serve the web app (accessible briefing pages) with waitress.",
        description="Serve the web app with the waitress WSGI server; audio is made by background workers.",
    )
    w.add_argument("--host", default="127.0.0.1", help="Address to listen on (default: 127.0.0.1).")
    w.add_argument("--port", type=int, default=8000, help="Port to listen on (default: 8000; 0 picks a free one).")
    w.add_argument("--instance", metavar="DIR", help="Instance folder for the database, secret key and media (default: ./instance).")
    w.add_argument("--workers", type=int, help="Background workers that make audio (default: 1).")
    w.add_argument("--threads", type=int, default=8, help="Request threads (default: 8).")
    w.add_argument(
        "--brief-samples", metavar="DIR", help="First brief every .txt/.html file in DIR not briefed before."
    )
    w.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        # deferred: Flask and the web app load only for the commands that use them
        from web.serve import serve
    except ImportError as exc:
        raise BriefingError(f"The web app cannot start: {exc}. Install it with `pip install -e .` (Flask and waitress).") from exc
    return serve(
        args.host,
        args.port,
        instance=args.instance,
        workers=args.workers,
        threads=args.threads,
        brief_samples=args.brief_samples,
    )


def _add_simplify_command(sub) -> None:
    p = sub.add_parser(
        "simplify",
        help="Rewrite sentences in plain language, one a line (checked for faithfulness).",
        description="Read one sentence a line; write one plain version a line, same order (sentences a "
        "rewrite splits stay on one line). Every rewrite passes the faithfulness check or the original is kept.",
    )
    p.add_argument("file", help="A text file with one sentence a line, or - for stdin.")
    p.add_argument("--trace", action="store_true",
                   help="Write JSON lines: the text, the rules that fired and the check's verdict.")
    p.add_argument("--rewriter", choices=("rules", "llm"), default="rules",
                   help="rules (default, offline) or llm (an OpenAI-compatible endpoint from the "
                        "BRIEFING_LLM_* environment variables).")
    p.set_defaults(func=cmd_simplify)


def cmd_simplify(args: argparse.Namespace) -> int:
    config = BriefingConfig(rewriter=args.rewriter)
    if args.file == "-":
        stream = sys.stdin
    else:
        try:
            stream = open(args.file, encoding="utf-8")
        except OSError as exc:
            raise BriefingError(f"Cannot read {args.file}: {exc.strerror}. Give a text file, or - for stdin.") from exc
    with stream:
        for line in stream:
            text = line.rstrip("\n").rstrip("\r")
            if not text.strip():
                out = {"input": text, "text": text, "rules": [], "ok": True, "reasons": [], "fallback_reason": None}
            else:
                plain = simplify_checked(text.strip(), config=config)
                verdict = check(text.strip(), plain.text)
                out = {"input": text, "text": plain.text, "rules": list(plain.rules_applied), "ok": verdict.ok,
                       "reasons": list(verdict.reasons), "fallback_reason": plain.fallback_reason}
            if args.trace:
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(out["text"].replace("\n", " ") + "\n")
    return 0


# --- API keys: `briefing keys create|list|revoke|public` (web imported only when run) ---------


def _add_keys_command(sub) -> None:
    k = sub.add_parser("keys", help="Manage API keys for the JSON API (/api/v1).",
                       description="Create, list, revoke and publish API keys. Only a hash of each key is stored. "
                                   "A key sees only the briefings it made; the site (pages, feeds) shows them "
                                   "only when the key is public.")
    k.add_argument("--instance", metavar="DIR", help=_INSTANCE_HELP)
    ks = k.add_subparsers(dest="keys_command", required=True)
    c = ks.add_parser("create", help="Make a key and print it once.")
    c.add_argument("--name", required=True, help="Who or what uses the key, e.g. newsletter.")
    c.add_argument("--public", action="store_true",
                   help="Show the key's briefings on the site: pages, the podcast feed, oEmbed, daily digests "
                        "(default: seen only through the API, with the key).")
    ks.add_parser("list", help="List the keys (never the keys themselves).")
    r = ks.add_parser("revoke", help="Revoke a key at once (its briefings stay, as they were shown).")
    r.add_argument("key_id", help="The key's id, as `briefing keys list` shows it (key_...).")
    p = ks.add_parser("public", help="Show a key's briefings on the site (on), or stop at once (off).")
    p.add_argument("key_id", help="The key's id, as `briefing keys list` shows it (key_...).")
    p.add_argument("state", choices=("on", "off"), help="on: the site shows them; off: only the key sees them.")
    k.set_defaults(func=cmd_keys)


def cmd_keys(args: argparse.Namespace) -> int:
    app = _web_app(args)
    # deferred: Flask and the web app load only for the commands that use them
    from web import get_store
    from web.api import create_key, list_keys, revoke_key, set_key_public

    store = get_store(app)
    try:
        if args.keys_command == "create":
            made = create_key(store, args.name, public=args.public)
            shown = "public: the site shows its briefings" if made["public"] else "private: only the key sees its briefings"
            sys.stdout.write(
                f"id:             {made['id']}\nname:           {made['name']}\nkey:            {made['key']}\n"
                f"webhook secret: {made['webhook_secret']}\nbriefings:      {shown}\n"
                "Keep the key now: it is not shown again (only its hash is stored).\n"
            )
        elif args.keys_command == "list":
            for key in list_keys(store):
                state = f"revoked {key['revoked_at']}" if key["revoked_at"] else "active"
                used = key["last_used_at"] or "never"
                shown = "public" if key["public"] else "private"
                sys.stdout.write(
                    f"{key['id']}  {key['name']}  created {key['created_at']}  last used {used}  {state}  {shown}\n"
                )
        elif args.keys_command == "public":
            if not set_key_public(store, args.key_id, args.state == "on"):
                raise BriefingError(f"No key {args.key_id!r}. See the ids with `briefing keys list`.")
            sys.stdout.write(
                f"The site now shows the briefings of {args.key_id}.\n" if args.state == "on"
                else f"The site no longer shows the briefings of {args.key_id}; only the key sees them.\n"
            )
        elif not revoke_key(store, args.key_id):
            raise BriefingError(f"No active key {args.key_id!r}. See the ids with `briefing keys list`.")
        else:
            sys.stdout.write(f"Revoked {args.key_id}.\n")
    finally:
        store.close()
    return 0


# --- news feeds in: `briefing follow/unfollow/sources/refresh` (web is imported lazily) ----


def _add_feeds_commands(sub) -> None:
    f = sub.add_parser("follow", help="Follow a news feed (RSS or Atom): its new stories become briefings.")
    f.add_argument("url", help="The feed's http(s) address.")
    f.add_argument("--instance", metavar="DIR", help=_INSTANCE_HELP)
    f.set_defaults(func=cmd_follow)
    u = sub.add_parser("unfollow", help="Stop following a news feed (its briefings stay).")
    u.add_argument("source", help="The feed's number (see `briefing sources`) or address.")
    u.add_argument("--instance", metavar="DIR", help=_INSTANCE_HELP)
    u.set_defaults(func=cmd_unfollow)
    s = sub.add_parser("sources", help="List the followed news feeds with their last result.")
    s.add_argument("--instance", metavar="DIR", help=_INSTANCE_HELP)
    s.set_defaults(func=cmd_sources)
    r = sub.add_parser("refresh", help="Fetch the followed news feeds and brief their new stories.")
    r.add_argument("source", nargs="*", help="Only these feeds (numbers or addresses); default all.")
    r.set_defaults(func=cmd_refresh)
    d = sub.add_parser("digest", help="Make the daily digest: one episode of a day's briefings, a chapter per story.")
    d.add_argument("--day", metavar="YYYY-MM-DD", help="The day (UTC) whose briefings to join (default: yesterday).")
    d.set_defaults(func=cmd_digest)
    for p in (r, d):
        p.add_argument("--instance", metavar="DIR", help=_INSTANCE_HELP)
        p.add_argument("--no-audio", action="store_true",
                       help="Only queue the audio (a running `briefing serve` makes it); default: make it now.")


def _web_app(args: argparse.Namespace, **settings):
    """The web app on ``--instance`` (else $BRIEFING_INSTANCE, else ./instance), workers off:
    for the commands that work on its database (keys, feeds, digest, migrate, worker). Its
    database and broker come from the settings (``BRIEFING_WEB_DATABASE_URL``, ...)."""

    try:
        # deferred: Flask and the web app load only for the commands that use them
        from web import create_app
    except ImportError as exc:
        raise BriefingError(f"This command needs the web app: {exc}. Install it with `pip install -e .`.") from exc
    instance = getattr(args, "instance", None) or os.environ.get("BRIEFING_INSTANCE") or "instance"
    return create_app({"INSTANCE_PATH": instance, "START_WORKERS": False, **settings})


def cmd_follow(args: argparse.Namespace) -> int:
    # deferred: Flask and the web app load only for the commands that use them
    from web import feeds_in

    source = feeds_in.follow(_web_app(args), args.url)
    print(f"Following {source['url']} as source {source['id']}. Run `briefing refresh` to brief its stories.")
    return 0


def cmd_unfollow(args: argparse.Namespace) -> int:
    # deferred: Flask and the web app load only for the commands that use them
    from web import feeds_in

    source = feeds_in.unfollow(_web_app(args), args.source)
    print(f"No longer following {source['url']} (source {source['id']}); its briefings stay.")
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    # deferred: Flask and the web app load only for the commands that use them
    from web import feeds_in

    found = feeds_in.sources(_web_app(args))
    if not found:
        print("No news feeds are followed. Add one with `briefing follow FEED_URL`.")
    for source in found:
        last = source["last_result"]
        if last is None:
            state = "never refreshed"
        elif last["status"] == "failed":
            state = f"{last['at']} failed: {last['error']}"
        elif last["status"] == "not modified":
            state = f"{last['at']} not modified"
        else:
            state = f"{last['at']} {last['new']} new, {last['failed']} failed"
        print(f"{source['id']}\t{source['url']}\t{source['title'] or ''}\t{state}")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    # deferred: Flask and the web app load only for the commands that use them
    from web import feeds_in

    app = _web_app(args)
    results = feeds_in.refresh(app, args.source or None)
    failed = False
    for result in results:
        print(f"{result.source_id} {result.url}: {result.summary()}")
        for failure in result.failures:
            print(f"  not briefed: {failure.title} ({failure.link}): {failure.error}")
        failed = failed or result.status == "failed" or bool(result.failures)
    if not args.no_audio and any(r.new for r in results):
        ran = app.extensions["briefing.jobs"].run_until_idle(limit=10_000)
        print(f"Made the audio of {ran} briefing(s).")
    app.extensions["briefing.store"].close()
    return 1 if failed else 0


def cmd_digest(args: argparse.Namespace) -> int:
    # deferred: Flask and the web app load only for the commands that use them
    from web import digest

    app = _web_app(args)
    day = digest.parse_day(args.day) if args.day else digest.yesterday()
    outcome = digest.make_digest(app, day)
    record = outcome.record
    stories = len((record.briefing.get("digest") or {}).get("stories") or ())
    state = "made" if outcome.created else f"already made (audio {record.status})"
    print(f"Daily digest of {day.isoformat()}: {stories} stories, {state} -> /briefings/{record.id}")
    if not args.no_audio:
        app.extensions["briefing.jobs"].run_until_idle(limit=10_000)
        record = app.extensions["briefing.store"].get_briefing(record.id)
        print(f"Audio: {record.status}" + (f" ({record.error})" if record.error else ""))
    app.extensions["briefing.store"].close()
    return 0 if record.status != "failed" else 1


# --- running at scale: `briefing migrate` and `briefing worker` (web imported only when run) ----


def _add_scale_commands(sub) -> None:
    m = sub.add_parser("migrate", help="Bring the database schema up to date (SQLite or DATABASE_URL).",
                       description="Run the database migrations (Alembic) the database lacks. `briefing serve` "
                                   "also runs them at start; run this first when several processes share a database.")
    m.add_argument("--instance", metavar="DIR", help=_INSTANCE_HELP)
    m.add_argument("--revision", default="head", help="Migrate up to this revision (default: the newest).")
    m.set_defaults(func=cmd_migrate)
    w = sub.add_parser("worker", help="Run a Celery worker that makes audio and sends webhooks (needs BROKER_URL).",
                       description="Take jobs from the broker (BRIEFING_WEB_BROKER_URL, e.g. redis://127.0.0.1:6379/0) "
                                   "and run them, one at a time; run one worker per core. SIGTERM stops it after the "
                                   "running job.")
    w.add_argument("--instance", metavar="DIR", help=_INSTANCE_HELP)
    w.add_argument("--loglevel", default="INFO", help="Celery's log level (default: INFO).")
    w.add_argument("--no-warm-up", action="store_true", help="Do not load the text pipeline before taking jobs.")
    w.set_defaults(func=cmd_worker)


def cmd_migrate(args: argparse.Namespace) -> int:
    app = _web_app(args, MIGRATE_ON_START=False)
    # deferred: Flask and the web app load only for the commands that use them
    from web import get_store
    from web.store.database import shown_url

    store = get_store(app)
    try:
        revision = store.migrate(args.revision)
    finally:
        store.close()
    sys.stdout.write(f"The database {shown_url(store.url)} is at schema revision {revision}.\n")
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    app = _web_app(args)
    # deferred: Flask and the web app load only for the commands that use them
    from web import get_queue
    from web.serve import warm_up

    # One worker per core: it speaks one sentence at a time, unless told otherwise.
    os.environ.setdefault("BRIEFING_VOICE_THREADS", "1")
    queue = get_queue(app)
    if not hasattr(queue, "run_worker"):
        raise BriefingError("`briefing worker` needs a broker: set BRIEFING_WEB_BROKER_URL, e.g. "
                            "redis://127.0.0.1:6379/0 (`make services` starts Redis). Without one, "
                            "`briefing serve` makes the audio itself.")
    if not args.no_warm_up:
        warm_up()
        _load_voice(DEFAULT_VOICE)  # before the first job, which would otherwise wait for it
    return queue.run_worker(loglevel=args.loglevel)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description="Turn news into attributed key points and audio.")
    sub = parser.add_subparsers(dest="command", required=True)

    s = sub.add_parser("summarize", help="Print the key points of an article.")
    s.add_argument("source", nargs="?", help="A file path, - for stdin, or an http(s) URL.")
    s.add_argument("--points", type=int, help="Number of key points (default: 3 to 7 by length).")
    s.add_argument("--ranker", choices=sorted(RANKERS), help="Ranking algorithm (default: briefing).")
    s.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    s.add_argument("--rewriter", choices=("rules", "llm"), help=_REWRITER_HELP)
    s.add_argument("--batch", metavar="FILE.jsonl", help='Read {"id", "article"} lines; write one JSON result per line.')
    s.set_defaults(func=cmd_summarize)
    _add_audio_commands(sub)
    _add_serve_command(sub)
    _add_simplify_command(sub)
    _add_feeds_commands(sub)
    _add_keys_command(sub)
    _add_scale_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``briefing`` command (``argv`` without the program name) and return its exit code."""
    return _run(build_parser().parse_args(argv))


def run() -> None:
    """Entry point of the ``briefing`` console script: :func:`main`, then a quick exit after
    ``make`` and ``summarize``.

    Tearing the interpreter down, object by object (the parser's model, the dictionaries,
    the voice), took 0.4 to 0.8 s at the end of every cold ``briefing make`` (measured on the
    seed): the system frees a process's memory at once. Our files are closed by then, and
    standard output is flushed here. Long-running commands (``serve``, ``worker``) exit as
    usual, so that their child processes and connections are cleaned up.
    """
    args = build_parser().parse_args()
    code = _run(args)
    if args.func not in (cmd_make, cmd_summarize):
        raise SystemExit(code)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe ("| head"): nothing more can be written
            pass
    os._exit(code)


def _run(args: argparse.Namespace) -> int:
    limit_blas_threads()
    map_large_blocks()  # before the voice's first sentence: see briefing.memory
    try:
        return args.func(args)
    except BriefingError as exc:
        sys.stderr.write(f"briefing: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    run()
