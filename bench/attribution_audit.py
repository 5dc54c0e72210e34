"""Attribution audit: every attributed point beside its source sentence, for reading by eye.

    python -m bench.attribution_audit [--out PATH] [--choose N] [--only pages|dailymail|seed]

Runs the real text pipeline (:func:`briefing.summarize`, then the script's words for each
point, :func:`briefing.audio.script.build_script`) on the pages dev set
(``../shared/eval/pages``, the English pages; the product refuses the others), the Daily Mail
dev set (``../shared/eval/news/dailymail_dev.jsonl``) and the seed
(``samples/musk-israel-visit.txt``). For every key point that carries an attribution, or
whose subject was replaced by a name, it writes to a Markdown sheet:

- **shown**: the point as the listener gets it (with "According to X, ..." where the script
  adds the source);
- the attribution: source, the article's words it was resolved from, cue, whether it was
  carried over from another sentence;
- **sentence**: the article's sentence(s) the point was made of, and, for a carried-over
  attribution, the sentence the source was found in.

A reader marks each line right or wrong; the counts it prints (articles, points,
attributed points, names put in for a pronoun or description) say how much there is to
read. ``--choose N`` keeps N articles picked by a hash of their keys (half pages, half
Daily Mail, never picked by looking at the output), for a blind review. Nothing is
scored here: PolNeAR (``bench.attribution``) gives the figures; this sheet shows the kinds
of errors those figures cannot.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.audio.script import build_script
from briefing.config import BriefingConfig
from briefing.errors import BriefingError
from briefing.models import Attribution, Briefing, KeyPoint
from briefing.pipeline import limit_blas_threads, summarize
from briefing.text.decode import decode_bytes
from briefing.text.extract import Source

from ._common import EVAL, RESULTS, ROOT, read_jsonl

SEED = ROOT / "samples" / "musk-israel-visit.txt"


@dataclass
class Entry:
    """One article's attributed points, as lines of the sheet."""

    kind: str  # "pages" | "dailymail" | "seed"
    key: str
    label: str
    lines: list[str] = field(default_factory=list)
    points: int = 0
    attributed: int = 0
    resolved: int = 0
    subjects: int = 0
    error: str | None = None


def _identity(text: str, quoted: bool = False) -> str:
    return text


def _found_in(briefing: Briefing, attribution: Attribution) -> str | None:
    """The sentence a carried-over attribution was found in (same source and cue)."""
    for index, attrs in enumerate(briefing.attributions):
        for a in attrs:
            if not a.carried_over and a.source == attribution.source and a.cue == attribution.cue:
                return briefing.sentences[index].text
    return None


def _point_lines(briefing: Briefing, number: int, point: KeyPoint, shown: str) -> list[str]:
    a = point.attribution
    lines = [f"**{number}.** shown: {shown}"]
    if a is not None:
        parts = [f"source: **{a.source}**"]
        if a.resolved_from:
            parts.append(f"put in for: “{a.resolved_from}”")
        parts.append(f"cue: “{a.cue}”")
        if a.carried_over:
            parts.append("carried over")
        lines.append("   - " + "; ".join(parts))
    if point.text != point.original:
        lines.append(f"   - point: {point.text}")
    lines.append(f"   - sentence: {point.original}")
    if a is not None and a.carried_over:
        where = _found_in(briefing, a)
        if where and where not in point.original:
            lines.append(f"   - source found in: {where}")
    return lines


def audit(kind: str, key: str, label: str, source: Source, config: BriefingConfig) -> Entry:
    """Run the pipeline on one article and collect its attributed points."""
    entry = Entry(kind, key, label)
    try:
        briefing = summarize(source, config)
    except BriefingError as exc:
        entry.error = str(exc).splitlines()[0]
        return entry
    script = build_script(briefing, speech=_identity)
    shown = [
        " ".join(line.text for line in section.lines)
        for section in script.sections
        if section.kind == "point"
    ]
    entry.points = len(briefing.key_points)
    for number, point in enumerate(briefing.key_points, 1):
        named = point.text != point.original
        if point.attribution is None and not named:
            continue
        entry.attributed += point.attribution is not None
        entry.resolved += bool(point.attribution is not None and point.attribution.resolved_from)
        entry.subjects += named and not (point.attribution and point.attribution.resolved_from)
        text = shown[number - 1] if number - 1 < len(shown) else point.text
        entry.lines += _point_lines(briefing, number, point, text)
    return entry


def _pages(config: BriefingConfig) -> list[tuple[str, str, str, Source]]:
    root = EVAL / "pages"
    truth_path = root / "ground-truth.dev.json"
    if not truth_path.exists():
        print(f"skip pages: {truth_path} not found.", file=sys.stderr)
        return []
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    out = []
    for path in sorted((root / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        if key not in truth:
            continue
        html = decode_bytes(gzip.decompress(path.read_bytes()), key, config)
        out.append(("pages", key, truth[key].get("url") or key, Source("html", html, key)))
    return out


def _dailymail() -> list[tuple[str, str, str, Source]]:
    path = EVAL / "news" / "dailymail_dev.jsonl"
    if not path.exists():
        print(f"skip dailymail: {path} not found.", file=sys.stderr)
        return []
    return [("dailymail", row["id"], row["id"], Source("text", row["article"], row["id"])) for row in read_jsonl(path)]


def _seed() -> list[tuple[str, str, str, Source]]:
    return [("seed", "seed", str(SEED.relative_to(ROOT)), Source("text", SEED.read_text(encoding="utf-8"), "seed"))]


def choose(entries: list[Entry], count: int, salt: str = "") -> list[Entry]:
    """``count`` articles with at least one attributed point, half pages and half Daily
    Mail, in the order of a hash of their keys (fixed before anyone reads the output).
    A new ``salt`` draws another sample, one that whoever tuned the rules has not read."""
    order = sorted(
        (e for e in entries if e.attributed and e.kind != "seed"),
        key=lambda e: hashlib.sha1((salt + e.key).encode()).hexdigest(),
    )
    pages = [e for e in order if e.kind == "pages"]
    mail = [e for e in order if e.kind == "dailymail"]
    half = count // 2
    picked = pages[:half] + mail[: count - half]
    if len(picked) < count:  # one set ran short: fill from the other
        rest = [e for e in order if e not in picked]
        picked += rest[: count - len(picked)]
    return sorted(picked, key=lambda e: (e.kind, e.key))


def sheet(entries: list[Entry], title: str) -> str:
    """The Markdown sheet of ``entries``."""
    out = [f"# {title}", ""]
    out.append(
        "Each point: what is shown (with the source the script adds), the attribution "
        "(source, the words it was put in for, cue), and the article's sentence. Mark each "
        "source right or wrong, and each name put in for a pronoun or description.",
    )
    out.append("")
    out.append(f"Articles ({len(entries)}): " + "; ".join(f"{e.kind} {e.label}" for e in entries) + ".")
    out.append("")
    for e in entries:
        if not e.lines and not e.error:
            continue
        out.append(f"## {e.kind}: {e.label}")
        out.append("")
        if e.error:
            out.append(f"(refused: {e.error})")
        out += e.lines
        out.append("")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.attribution_audit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=RESULTS / "attribution_audit.md", help="where to write the sheet")
    parser.add_argument("--choose", type=int, default=0, help="keep N articles picked by hash (blind review)")
    parser.add_argument("--salt", default="", help="another sample for --choose (a word of the reviewer's)")
    parser.add_argument("--only", choices=("pages", "dailymail", "seed"), help="one set only")
    args = parser.parse_args(argv)
    limit_blas_threads()
    config = BriefingConfig()
    inputs = [*_pages(config), *_dailymail(), *_seed()]
    if args.only:
        inputs = [i for i in inputs if i[0] == args.only]
    entries = [audit(kind, key, label, source, config) for kind, key, label, source in inputs]
    if args.choose:
        entries = choose(entries, args.choose, args.salt)
        title = (
            f"Attribution audit: {len(entries)} articles picked by a hash of their keys "
            "(half pages dev, half dailymail_dev, among those with an attributed point)"
        )
    else:
        title = "Attribution audit: every attributed point"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(sheet(entries, title), encoding="utf-8")
    for kind in ("pages", "dailymail", "seed"):
        group = [e for e in entries if e.kind == kind]
        if not group:
            continue
        print(
            f"{kind}: {len(group)} articles ({sum(bool(e.error) for e in group)} refused), "
            f"{sum(e.points for e in group)} points, {sum(e.attributed for e in group)} attributed, "
            f"{sum(e.resolved for e in group)} sources put in for a pronoun or description, "
            f"{sum(e.subjects for e in group)} other subjects named"
        )
    print(f"\nSheet for reading by eye: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
