"""Save every output the product makes, to prove a refactor changed none of them.

    python -m bench.snapshot save DIR        # write the outputs into DIR
    python -m bench.snapshot compare OLD NEW # list every file that differs (exit 1 if any)

What it saves (all through the public ways in: the ``briefing`` command line and
``web.create_app``, so it runs the same before and after modules move):

- ``summarize/``: ``briefing summarize --format json`` (and ``--format text``) for every
  sample in ``samples/`` and ``../shared/samples/``;
- ``pages/``: the same for every page of ``../shared/eval/pages/`` (exit code, stdout, stderr:
  the non-English pages' refusals are outputs too);
- ``batch/``: ``briefing summarize --batch`` on the first 300 articles of ``cnndm_dev`` and on
  every ``dailymail_dev`` article;
- ``simplify/``: ``briefing simplify --trace`` on ASSET valid;
- ``make/``: ``briefing make`` on the seed: briefing.json, MP3 bytes, captions, chapters,
  transcripts (the real Piper voice, which is deterministic);
- ``web/``: a seeded instance (the seed through the form, a short article through the API,
  the real voice), its pages' HTML and JSON twins, the API's JSON, the feed, oEmbed, a daily
  digest, and ``/api/v1/openapi.json``. Random ids, keys, tokens and clock times are replaced
  by stable placeholders, so two runs compare. The digest speaks the day's date, so take
  both snapshots of a comparison on the same (UTC) day.

Evaluation data is read in place from ``../shared``; what is absent is skipped with a message.
It is a tool, not a benchmark: ``python -m bench`` does not run it.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import gzip
import hashlib
import io
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from ._common import EVAL, ROOT, read_jsonl

SHARED_SAMPLES = ROOT.parent / "shared" / "samples"
SEED = ROOT / "samples" / "musk-israel-visit.txt"
SHORT = (ROOT / "tests" / "data" / "articles" / "bridge.txt").read_text(encoding="utf-8")  # the tests' short article


def _cli(argv: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    """Run ``briefing ARGV`` in this process; (exit code, stdout, stderr)."""
    from briefing.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def _write_run(path: Path, code: int, out: str, err: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"exit: {code}\n--- stderr\n{err}--- stdout\n{out}", encoding="utf-8")


def _progress(label: str) -> None:
    print(f"snapshot: {label}", file=sys.stderr, flush=True)


def save_summaries(out: Path) -> None:
    samples = sorted(p for d in (ROOT / "samples", SHARED_SAMPLES) if d.is_dir() for p in d.iterdir()
                     if p.suffix in (".txt", ".html", ".htm"))
    _progress(f"summarize {len(samples)} samples")
    for path in samples:
        where = "shared" if SHARED_SAMPLES in path.parents else "repo"
        for fmt in ("json", "text", "markdown"):
            _write_run(out / "summarize" / f"{where}-{path.name}.{fmt}", *_cli(["summarize", str(path), "--format", fmt]))


def save_pages(out: Path, tmp: Path) -> None:
    html = EVAL / "pages" / "html"
    if not html.is_dir():
        _progress(f"skip pages: {html} not found")
        return
    pages = sorted(html.glob("*.html.gz"))
    _progress(f"summarize {len(pages)} pages")
    for page in pages:
        key = page.name.split(".")[0]
        local = tmp / f"{key[:16]}.html"
        local.write_bytes(gzip.decompress(page.read_bytes()))
        _write_run(out / "pages" / f"{key[:16]}.json", *_cli(["summarize", str(local), "--format", "json"]))


def save_batches(out: Path, tmp: Path) -> None:
    for name, count in (("cnndm_dev", 300), ("dailymail_dev", None)):
        path = EVAL / "news" / f"{name}.jsonl"
        if not path.exists():
            _progress(f"skip {name}: {path} not found")
            continue
        rows = read_jsonl(path)[:count]
        _progress(f"batch {name} ({len(rows)} articles)")
        batch = tmp / f"{name}.jsonl"
        batch.write_text("".join(json.dumps({"id": r["id"], "article": r["article"]}) + "\n" for r in rows),
                         encoding="utf-8")
        _write_run(out / "batch" / f"{name}.jsonl", *_cli(["summarize", "--batch", str(batch)]))


def save_simplify(out: Path) -> None:
    path = EVAL / "simplification" / "asset" / "asset.valid.orig"
    if not path.exists():
        _progress(f"skip ASSET: {path} not found")
        return
    _progress("simplify --trace ASSET valid")
    _write_run(out / "simplify" / "asset_valid.jsonl", *_cli(["simplify", "--trace", str(path)]))


def save_make(out: Path) -> None:
    _progress("make the seed (Piper)")
    target = out / "make"
    code, stdout, stderr = _cli(["make", str(SEED), "-o", str(target)])
    _write_run(out / "make.log", code, stdout.replace(str(target), "<DIR>"), stderr)
    made = target / "briefing.json"
    if made.exists():  # the one figure that is a clock reading
        made.write_text(_Placeholders()(made.read_text(encoding="utf-8")), encoding="utf-8")


# -- the web app ---------------------------------------------------------------------------


class _Placeholders:
    """Stable names for random ids, keys, tokens and clock times, in order of first sight."""

    PATTERNS = [
        ("time", re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)")),
        ("rfc822", re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d (?:[+-]\d{4}|GMT|UTC)")),
        ("day", re.compile(r"\b20\d\d-\d\d-\d\d\b")),
        ("key", re.compile(r"\bbk_[A-Za-z0-9_-]{20,}")),
        ("secret", re.compile(r"\bwhsec_[A-Za-z0-9_-]{20,}")),
        ("keyid", re.compile(r"\bkey_[0-9a-f]{8}\b")),
        ("seconds", re.compile(r'(?<="render_seconds": )[0-9.]+')),
        ("cursor", re.compile(r'(?<=cursor=)[A-Za-z0-9_=-]+|(?<="next_cursor":")[A-Za-z0-9_=-]+')),
        ("guid", re.compile(r'(?<=<guid isPermaLink="false">)[0-9a-f-]{36}(?=</guid>)')),
        ("etag", re.compile(r'(?<=ETag: ")[0-9a-f]{32}(?=")')),
        ("mtime", re.compile(r'(?<=ETag: ")[0-9.]+(?=-\d+-\d+")')),  # a file's ETag: mtime-size-checksum
        ("checksum", re.compile(r'(?<=ETag: "<mtime>-)(\d+)-\d+(?=")')),
        ("csrf_json", re.compile(r'(?<="csrf_token":")[A-Za-z0-9_-]+')),
        ("csrf", re.compile(r'(name="csrf_token"[^>]*value=")[^"]+|(value=")[A-Za-z0-9_-]{40,}(")')),
    ]

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.ids: list[str] = []

    def add_id(self, value: str) -> None:
        if value not in self.names:
            self.names[value] = f"<id{len(self.ids) + 1}>"
            self.ids.append(value)

    def __call__(self, text: str) -> str:
        for value in sorted(self.names, key=len, reverse=True):
            text = text.replace(value, self.names[value])
        for label, pattern in self.PATTERNS:
            if label == "checksum":
                text = pattern.sub(lambda m: m.group(1) + "-<checksum>", text)
            elif label == "csrf":
                text = pattern.sub(lambda m: (m.group(1) or m.group(2) or "") + "<csrf>" + (m.group(3) or ""), text)
            else:
                text = pattern.sub(f"<{label}>", text)
        return text


def save_web(out: Path, tmp: Path) -> None:
    from datetime import datetime, timezone

    from web import create_app

    _progress("web: seeded instance (Piper)")
    app = create_app({
        "INSTANCE_PATH": str(tmp / "instance"),
        "TESTING": True,
        "SECRET_KEY": "snapshot",
        "START_WORKERS": False,
        "JOB_RETRY_SECONDS": 0,
        "PUBLIC_BASE_URL": "https://news.example.org",
        "WARM_UP": False,
    })
    names = _Placeholders()
    target = out / "web"
    target.mkdir(parents=True, exist_ok=True)
    client = app.test_client()
    jobs, store = app.extensions["briefing.jobs"], app.extensions["briefing.store"]

    def keep(name: str, response: Any) -> Any:
        # briefing.json's render_seconds is a clock reading: masked in the body, and its
        # digits change the file's length
        body = response.get_data(as_text=True)
        made = response.get_json(silent=True) if response.is_json else None
        if isinstance(made, dict) and re.fullmatch(r"[0-9a-f]{12}", str(made.get("id"))):
            names.add_id(made["id"])
        headers = "".join(f"{k}: {v}\n" for k, v in sorted(response.headers.items())
                          if k.lower() not in ("date", "set-cookie", "last-modified", "expires",
                                               "ratelimit-remaining", "ratelimit-reset")  # clock readings
                          and not (k.lower() in ("content-length", "etag") and name == "media_briefing.json"))
        (target / name).write_text(names(f"status: {response.status_code}\n{headers}\n{body}"), encoding="utf-8")
        return response

    try:
        keep("home.html", client.get("/"))
        made = client.post("/briefings", data={"text": SEED.read_text(encoding="utf-8"), "csrf_token": _csrf(client)},
                           headers={"Accept": "application/json"})
        page_id = made.get_json()["id"]
        names.add_id(page_id)
        keep("form_post.json", made)
        time.sleep(1.1)  # lists sort by creation time (in seconds), then by the random id
        from web.api import create_key  # the command line's way to make a key

        key = create_key(store, "snapshot")
        auth = {"Authorization": f"Bearer {key['key']}"}
        posted = keep("api_post.json", client.post("/api/v1/briefings", json={"text": SHORT, "points": 3}, headers=auth))
        api_id = posted.get_json()["id"]
        names.add_id(api_id)
        keep("api_get_queued.json", client.get(f"/api/v1/briefings/{api_id}", headers=auth))
        keep("page_queued.json", client.get(f"/briefings/{page_id}.json"))
        jobs.run_until_idle(limit=100)
        from web import digest

        outcome = digest.make_digest(app, datetime.now(timezone.utc).date())
        names.add_id(outcome.record.id)
        jobs.run_until_idle(limit=100)
        for record_id, label in ((page_id, "page"), (api_id, "api"), (outcome.record.id, "digest")):
            keep(f"{label}_briefing.html", client.get(f"/briefings/{record_id}"))
            keep(f"{label}_briefing.json", client.get(f"/briefings/{record_id}.json"))
            keep(f"{label}_api_get.json", client.get(f"/api/v1/briefings/{record_id}", headers=auth))
        keep("api_list.json", client.get("/api/v1/briefings", headers=auth))
        keep("api_list_page.json", client.get("/api/v1/briefings?limit=1", headers=auth))
        keep("api_no_key.json", client.get("/api/v1/briefings"))
        keep("api_bad_post.json", client.post("/api/v1/briefings", json={"text": "", "points": 99}, headers=auth))
        keep("api_french.json", client.post("/api/v1/briefings", json={"text": "Le conseil municipal a voté mardi soir la fermeture de la vieille bibliothèque du centre-ville. Les habitants ont manifesté devant la mairie pendant trois heures. Selon le maire, le bâtiment sera vendu l'année prochaine pour financer la rénovation des écoles de la commune."}, headers=auth))
        keep("openapi.json", client.get("/api/v1/openapi.json"))
        keep("api_docs.html", client.get("/api/v1/docs"))
        keep("index.json", client.get("/index.json"))
        keep("home_after.html", client.get("/"))
        keep("accessibility.html", client.get("/accessibility"))
        keep("accessibility.json", client.get("/accessibility.json"))
        keep("feed.xml", client.get("/feed.xml"))
        keep("not_found.html", client.get("/briefings/nosuchbriefing"))
        keep("not_found.json", client.get("/briefings/nosuchbriefing.json"))
        keep("oembed.json", client.get(f"/oembed?url=https://news.example.org/briefings/{page_id}&format=json"))
        keep("form_empty.html", client.post("/briefings", data={"csrf_token": _csrf(client)}))
        record = store.get_briefing(page_id)
        audio = record.audio or {}
        for name in sorted((audio.get("files") or {}).values()):
            response = client.get(f"/media/{audio['content_hash']}/{name}")
            if name.endswith(".mp3"):
                digest_of = hashlib.sha256(response.get_data()).hexdigest()
                (target / f"media_{name}.sha256").write_text(f"{response.status_code} {digest_of}\n", encoding="utf-8")
            else:
                keep(f"media_{name}", response)
        keep("api_delete.json", client.delete(f"/api/v1/briefings/{api_id}", headers=auth))
        keep("api_get_deleted.json", client.get(f"/api/v1/briefings/{api_id}", headers=auth))
    finally:
        jobs.stop()
        store.close()


def _csrf(client: Any) -> str:
    """The session's CSRF token, from the home page's form."""
    html = client.get("/").get_data(as_text=True)
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(r'value="([^"]+)"[^>]*name="csrf_token"', html)
    return found.group(1) if found else ""


PARTS: dict[str, Callable[..., None]] = {
    "summarize": lambda out, tmp: save_summaries(out),
    "pages": save_pages,
    "batch": save_batches,
    "simplify": lambda out, tmp: save_simplify(out),
    "make": lambda out, tmp: save_make(out),
    "web": save_web,
}


def save(out: Path, parts: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="snapshot-") as tmp:
        for name in parts:
            work = Path(tmp) / name
            work.mkdir()
            PARTS[name](out, work)
    _progress(f"saved to {out}")


def compare(old: Path, new: Path, context: int = 3, limit: int = 40) -> int:
    """Print every file that differs between two snapshots; 0 if none does."""
    old_files = {p.relative_to(old) for p in old.rglob("*") if p.is_file()}
    new_files = {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    differ = 0
    for rel in sorted(old_files | new_files):
        if rel not in new_files or rel not in old_files:
            print(f"only in {'old' if rel in old_files else 'new'}: {rel}")
            differ += 1
            continue
        a, b = (old / rel).read_bytes(), (new / rel).read_bytes()
        if a == b:
            continue
        differ += 1
        print(f"differs: {rel}")
        try:
            lines = list(difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=context))
        except UnicodeDecodeError:
            print(f"  binary: {len(a)} bytes -> {len(b)} bytes")
            continue
        for line in lines[:limit]:
            print("  " + line[:300])
    print(f"{len(old_files | new_files)} files, {differ} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.snapshot", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save", help="Save the outputs into DIR.")
    s.add_argument("dir", type=Path)
    s.add_argument("--only", nargs="+", choices=list(PARTS), default=list(PARTS), help="Only these parts.")
    c = sub.add_parser("compare", help="Compare two saved snapshots.")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "save":
        if args.dir.exists():
            shutil.rmtree(args.dir)
        save(args.dir, args.only)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
