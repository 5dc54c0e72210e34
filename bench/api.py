"""API speed: time from POST /api/v1/briefings to ``done`` for the seed article (text
pipeline and real Piper audio), and requests per second for GET /api/v1/briefings/{id}.

Run with ``.venv/bin/python -m bench.api [--seconds S] [--connections N]``. Prints a
Markdown table and writes ``bench/results/api.json``.

- The app runs in this process under waitress (8 threads) on 127.0.0.1 with one worker
  thread and the real voice. The seed article is posted three times: first (paying for
  loading the models), again (the same article and options give the same briefing: a
  cached answer), and with ``points`` changed (new key points and new audio, warm).
- The load generator is :func:`bench.web.load`: wrk when installed, else N keep-alive
  connections in two forked processes, after a warm-up. Baseline in the same run: the
  briefing page's JSON twin (``/briefings/{id}.json``, page-cached, no key check, no
  rate limit).
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import tempfile
import time
from pathlib import Path

from ._common import markdown_table, write_results
from .web import load

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "musk-israel-visit.txt"


def _request(conn: http.client.HTTPConnection, method: str, path: str, headers: dict, body: bytes | None = None):
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def post_to_done(port: int, auth: dict, body: dict, timeout: float = 300.0) -> tuple[float, float, str]:
    """Seconds until the POST answered, and until the briefing was done; its id."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    status, headers, data = _request(conn, "POST", "/api/v1/briefings", {**auth, "Content-Type": "application/json"},
                                     json.dumps(body).encode("utf-8"))
    accepted = time.perf_counter() - started
    if status != 202:
        raise SystemExit(f"POST answered {status}: {data[:300]!r}")
    location = headers["Location"]
    while time.perf_counter() - started < timeout:
        status, _, data = _request(conn, "GET", location, auth)
        state = json.loads(data)["status"]
        if state == "done":
            return accepted, time.perf_counter() - started, json.loads(data)["id"]
        if state == "failed":
            raise SystemExit(f"the audio failed: {json.loads(data)['error']}")
        time.sleep(0.05)
    raise SystemExit("the audio was not made in time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.api", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args(argv)

    import logging

    from web import create_app, get_queue
    from web.api import create_key
    from web.serve import LiveServer

    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "Task queue depth" under load is expected
    with tempfile.TemporaryDirectory() as instance:
        app = create_app({"INSTANCE_PATH": instance, "JOB_WORKERS": 1, "JOB_POLL_SECONDS": 0.05,
                          "API_RATE_LIMIT": 10_000_000})
        # Public: the baseline reads the same briefing's page twin, which a private key's lacks.
        key = create_key(app.extensions["briefing.store"], "bench", public=True)
        auth = {"Authorization": f"Bearer {key['key']}"}
        text = SEED.read_text(encoding="utf-8")
        try:
            with LiveServer(app, threads=8) as server:
                cold = post_to_done(server.port, auth, {"text": text})
                repeat = post_to_done(server.port, auth, {"text": text})
                warm = post_to_done(server.port, auth, {"text": text, "points": 3})
                url, client = f"http://127.0.0.1:{server.port}", "wrk" if shutil.which("wrk") else "python"
                api = load(url, f"/api/v1/briefings/{cold[2]}", connections=args.connections, seconds=args.seconds,
                           accept="application/json", client=client, headers=auth)
                twin = load(url, f"/briefings/{cold[2]}.json", connections=args.connections, seconds=args.seconds,
                            accept="application/json", client=client)
        finally:
            get_queue(app).stop()
            app.extensions["briefing.store"].close()

    rows = [
        ("POST seed -> done, first (models load)", f"{cold[0]:.2f} s to 202", f"{cold[1]:.2f} s to done"),
        ("POST seed again (same briefing)", f"{repeat[0]:.3f} s to 202", f"{repeat[1]:.3f} s to done"),
        ("POST seed, points=3 (new audio, warm)", f"{warm[0]:.2f} s to 202", f"{warm[1]:.2f} s to done"),
    ]
    print(markdown_table(("Create", "Accepted", "Done"), rows))
    print()
    print(markdown_table(
        ("GET", "req/s", "p50 ms", "p99 ms", "errors"),
        [
            ("/api/v1/briefings/{id}", round(api["rps"], 1), api["p50_ms"], api["p99_ms"], api["errors"]),
            ("baseline: /briefings/{id}.json (page cache)", round(twin["rps"], 1), twin["p50_ms"], twin["p99_ms"], twin["errors"]),
        ],
    ))
    path = write_results("api", {
        "post_to_done_seconds": {"cold": cold[1], "repeat": repeat[1], "warm_new_audio": warm[1]},
        "post_accepted_seconds": {"cold": cold[0], "repeat": repeat[0], "warm_new_audio": warm[0]},
        "get_briefing": api, "baseline_page_json": twin,
        "connections": args.connections, "seconds": args.seconds,
    })
    print(f"\nResults written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
