"""The ``briefing`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from .config import BriefingConfig
from .errors import BriefingError
from .models import Briefing


def _format_text(b: Briefing) -> str:
    lines = [b.article.title or "(untitled)"]
    meta = [m for m in (b.article.site_name, b.article.byline, b.article.published, b.article.source_url) if m]
    if meta:
        lines.append(" · ".join(meta))
    lines.append("")
    for i, p in enumerate(b.key_points, 1):
        lines.append(f"{i}. {p.text}")
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
    for p in b.key_points:
        line = f"- {p.text}"
        if p.attribution:
            line += f" — *{p.attribution.source}*"
        lines.append(line)
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
    return BriefingConfig(**changes)


def cmd_summarize(args: argparse.Namespace) -> int:
    from .extract import Source, read_source
    from .pipeline import summarize

    config = _config_from(args)
    if args.batch:
        return _batch(args.batch, config)
    if not args.source:
        raise BriefingError("Give a SOURCE (a file, - for stdin, or a URL), or --batch FILE.jsonl.")
    briefing = summarize(read_source(args.source, config), config)
    sys.stdout.write(format_briefing(briefing, args.format) + "\n")
    return 0


def _batch(path: str, config: BriefingConfig) -> int:
    from .extract import source_from_text
    from .pipeline import summarize

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


def build_parser() -> argparse.ArgumentParser:
    from .rank import RANKERS

    parser = argparse.ArgumentParser(prog="briefing", description="Turn news into attributed key points and audio.")
    sub = parser.add_subparsers(dest="command", required=True)

    s = sub.add_parser("summarize", help="Print the key points of an article.")
    s.add_argument("source", nargs="?", help="A file path, - for stdin, or an http(s) URL.")
    s.add_argument("--points", type=int, help="Number of key points (default: 3 to 7 by length).")
    s.add_argument("--ranker", choices=sorted(RANKERS), help="Ranking algorithm (default: briefing).")
    s.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    s.add_argument("--batch", metavar="FILE.jsonl", help='Read {"id", "article"} lines; write one JSON result per line.')
    s.set_defaults(func=cmd_summarize)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``briefing`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BriefingError as exc:
        sys.stderr.write(f"briefing: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
