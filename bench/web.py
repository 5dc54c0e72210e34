"""Web app speed and memory: requests per second and p50/p99 latency under load, and the
server's resident memory with the voice loaded.

Run with ``.venv/bin/python -m bench.web [--seconds S] [--connections N]``. Prints a Markdown
table and writes ``bench/results/web.json``.

- The server is the real thing: ``briefing serve`` (waitress, 8 threads) in its own process,
  on 127.0.0.1, after it has briefed ``samples/`` and made the seed briefing's audio with
  Piper, so the voice is loaded in it.
- The load generator is Python on loopback: N keep-alive connections, split over two
  processes (so the client's GIL is not the bottleneck), each sending GET after GET for
  S seconds after a one-second warm-up.
- Pages measured: the home page, a briefing page and its JSON twin. Baselines in the same
  run: a static file through the same stack (the ceiling of Flask on waitress here), and the
  briefing page and twin with the page cache off (``BRIEFING_WEB_PAGE_CACHE_SIZE=0``, a
  second server on the same instance).
- Memory: VmRSS (and its peak, VmHWM) of the server process, from /proc, after the load.

Targets (issue 5): a briefing page >= 300 requests/s with p99 < 50 ms; the server < 400 MB
resident with the voice loaded.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from ._common import markdown_table, write_results

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TARGET_RPS = 300.0
TARGET_P99_MS = 50.0
TARGET_RSS_MB = 400.0


# -- the server ----------------------------------------------------------------------------


class Server:
    """``briefing serve`` in a subprocess; ``url`` once it listens."""

    def __init__(self, instance: Path, *, brief: bool, threads: int = 8, env: dict[str, str] | None = None) -> None:
        args = [sys.executable, "-m", "briefing.cli", "serve", "--port", "0", "--instance", str(instance), "--threads", str(threads)]
        if brief:
            args += ["--brief-samples", str(SAMPLES)]
        self.process = subprocess.Popen(
            args,
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []
        self.url = self._wait_for_url()
        threading.Thread(target=self._drain, daemon=True).start()

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.output.append(line)
            match = re.search(r"serving at (http://[^ ]+/)", line)
            if match:
                return match.group(1).rstrip("/")
        self.stop()
        raise RuntimeError("the server did not start:\n" + "".join(self.output))

    def _drain(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def memory_mb(self) -> dict[str, float]:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        values = {k: int(v) / 1024 for k, v in re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", status, re.M)}
        return {"rss_mb": round(values["VmRSS"], 1), "peak_rss_mb": round(values["VmHWM"], 1)}

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def get_json(url: str) -> dict:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def wait_for_audio(server: Server, timeout: float = 300) -> tuple[str, float]:
    """The seed briefing's path once its audio is made, and how long it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        home = get_json(server.url + "/index.json")
        seed = [b for b in home["briefings"] if "Musk" in b["title"]] or home["briefings"]
        if seed and seed[0]["status"] == "done":
            return seed[0]["url"], time.monotonic() - started
        if seed and seed[0]["status"] == "failed":
            raise RuntimeError(f"the seed briefing's audio failed: {get_json(server.url + seed[0]['url'] + '.json')['error']}")
        time.sleep(0.5)
    raise RuntimeError("the seed briefing's audio was not made in time")


# -- the load generator ----------------------------------------------------------------------


def _client_process(host: str, port: int, path: str, headers: dict[str, str], threads: int, warmup: float, seconds: float):
    """Run ``threads`` keep-alive connections; return (latencies in ms, errors)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start_at = time.monotonic() + warmup
    stop_at = start_at + seconds

    def run() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=10)
        mine: list[float] = []
        bad = 0
        while True:
            began = time.monotonic()
            if began >= stop_at:
                break
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=10)
                ok = False
            ended = time.monotonic()
            if began >= start_at:
                if ok:
                    mine.append((ended - began) * 1000)
                else:
                    bad += 1
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return latencies, errors[0]


def fixed_rate(url: str, path: str, *, rate: float, seconds: float, accept: str = "text/html", threads: int = 8) -> dict[str, float]:
    """Latency at a steady ``rate`` of requests per second (open loop: each request has a
    scheduled time, and its latency counts from then, so a stall is not hidden by the
    requests it delayed)."""
    host, port = url.removeprefix("http://").split(":")
    headers = {"Accept": accept, "Connection": "keep-alive"}
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    total = int(rate * seconds)
    start = time.monotonic() + 0.5

    def run(offset: int) -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        mine: list[float] = []
        for k in range(offset, total, threads):
            due = start + k / rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=10)
                ok = False
            if ok:
                mine.append((time.monotonic() - due) * 1000)
            else:
                with lock:
                    errors[0] += 1
        conn.close()
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.monotonic() - start
    latencies.sort()
    return {
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 2),
        "requests": len(latencies),
        "errors": errors[0],
    }


WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk_ms(text: str) -> float:
    """
    >>> _wrk_ms("512.00us"), _wrk_ms("1.50ms"), _wrk_ms("2.00s")
    (0.512, 1.5, 2000.0)
    """
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip()).groups()
    return round(float(value) * WRK_UNITS[unit], 3)


def load_wrk(url: str, path: str, *, connections: int, seconds: float, accept: str,
             headers: dict[str, str] | None = None) -> dict[str, float]:
    """The same measure with wrk (C, two threads): the client takes less of the CPU."""
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    subprocess.run(["wrk", "-t1", "-c1", "-d1s", *extra, url + path], capture_output=True, check=False)  # warm-up
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--latency", "-H", f"Accept: {accept}", *extra, url + path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {
        "rps": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), 1),
        "p50_ms": _wrk_ms(latency["50"]),
        "p99_ms": _wrk_ms(latency["99"]),
        "requests": requests,
        "errors": errors,
    }


def load(url: str, path: str, *, connections: int, seconds: float, accept: str = "text/html", client: str = "python",
         headers: dict[str, str] | None = None) -> dict[str, float]:
    """Requests per second and latency percentiles for GET ``path`` (``headers`` are added
    to every request, e.g. an API key)."""
    if client == "wrk":
        return load_wrk(url, path, connections=connections, seconds=seconds, accept=accept, headers=headers)
    host, port = url.removeprefix("http://").split(":")
    processes = 2
    per_process = max(1, connections // processes)
    headers = {"Accept": accept, "Connection": "keep-alive", **(headers or {})}
    with ProcessPoolExecutor(processes, mp_context=get_context("fork")) as pool:
        futures = [
            pool.submit(_client_process, host, int(port), path, headers, per_process, 1.0, seconds)
            for _ in range(processes)
        ]
        results = [f.result() for f in futures]
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = sum(e for _, e in results)
    if not latencies:
        return {"rps": 0.0, "p50_ms": float("nan"), "p99_ms": float("nan"), "requests": 0, "errors": errors}
    return {
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 2),
        "requests": len(latencies),
        "errors": errors,
    }


# -- the run -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="Measured seconds per page (default 5).")
    parser.add_argument("--connections", type=int, default=8, help="Concurrent keep-alive connections (default 8).")
    parser.add_argument("--threads", type=int, default=8, help="The server's request threads (default 8, as `briefing serve`).")
    parser.add_argument(
        "--client", choices=("auto", "wrk", "python"), default="auto",
        help="Load generator: wrk when installed (apt-get install wrk), else Python threads (default auto).",
    )
    args = parser.parse_args(argv)
    client = args.client if args.client != "auto" else ("wrk" if shutil.which("wrk") else "python")

    instance = Path(tempfile.mkdtemp(prefix="bench-web-"))
    rows: list[dict] = []
    results: dict = {"client": client, "server_threads": args.threads, "connections": args.connections, "seconds": args.seconds, "pages": rows}
    try:
        server = Server(instance, brief=True, threads=args.threads)
        try:
            seed, audio_seconds = wait_for_audio(server)
            results["seed_audio_seconds"] = round(audio_seconds, 1)
            css = re.search(r'href="(/static/briefing\.css\?v=\w+)"', _get_text(server.url + "/")).group(1)
            plan = [
                ("home page", "/", "text/html", "cache on"),
                ("briefing page", seed, "text/html", "cache on"),
                ("briefing JSON twin", seed + ".json", "application/json", "cache on"),
                ("static CSS (baseline: the stack's ceiling)", css, "text/css", "-"),
            ]
            for name, path, accept, cache in plan:
                rows.append({"page": name, "path": path, "cache": cache, "load": f"{args.connections} connections, flat out", **load(server.url, path, connections=args.connections, seconds=args.seconds, accept=accept, client=client)})
            steady = fixed_rate(server.url, seed, rate=TARGET_RPS, seconds=args.seconds)
            rows.append({"page": "briefing page", "path": seed, "cache": "cache on", "load": f"{TARGET_RPS:.0f} requests/s, steady", **steady})
            results["memory"] = server.memory_mb()
        finally:
            server.stop()

        # Baseline: the same pages without the rendered-page cache.
        server = Server(instance, brief=False, threads=args.threads, env={"BRIEFING_WEB_PAGE_CACHE_SIZE": "0", "BRIEFING_WEB_JOB_WORKERS": "0", "BRIEFING_WEB_WARM_UP": "0"})
        try:
            for name, path, accept in (("briefing page", seed, "text/html"), ("briefing JSON twin", seed + ".json", "application/json")):
                rows.append({"page": name + " (baseline: no page cache)", "path": path, "cache": "off", "load": f"{args.connections} connections, flat out", **load(server.url, path, connections=args.connections, seconds=args.seconds, accept=accept, client=client)})
        finally:
            server.stop()
    finally:
        shutil.rmtree(instance, ignore_errors=True)

    page, steady = rows[1], rows[4]
    memory = results["memory"]
    results["targets"] = {
        "briefing page, requests/s flat out": {"target": f">= {TARGET_RPS:.0f}", "value": page["rps"], "met": page["rps"] >= TARGET_RPS},
        f"briefing page, p99 ms at {TARGET_RPS:.0f} requests/s": {"target": f"< {TARGET_P99_MS:.0f}", "value": steady["p99_ms"], "met": steady["p99_ms"] < TARGET_P99_MS},
        "server resident MB with the voice loaded, between jobs": {"target": f"< {TARGET_RSS_MB:.0f}", "value": memory["rss_mb"], "met": memory["rss_mb"] < TARGET_RSS_MB},
        "server peak resident MB, while making audio": {"target": f"< {TARGET_RSS_MB:.0f}", "value": memory["peak_rss_mb"], "met": memory["peak_rss_mb"] < TARGET_RSS_MB},
    }
    print(f"## Web app: {args.connections} connections from {client}, {args.seconds:.0f} s per page, waitress on 127.0.0.1\n")
    print(
        markdown_table(
            ("page", "page cache", "load", "requests/s", "p50 ms", "p99 ms", "requests", "errors"),
            [(r["page"], r["cache"], r["load"], r["rps"], r["p50_ms"], r["p99_ms"], r["requests"], r["errors"]) for r in rows],
        )
    )
    print(f"\nServer memory with the Piper voice loaded: {memory['rss_mb']} MB resident, peak {memory['peak_rss_mb']} MB.")
    print(f"Seed briefing's audio made in {results['seed_audio_seconds']} s after start-up.\n")
    print(markdown_table(("target", "wanted", "measured", "met"), [(k, v["target"], v["value"], "yes" if v["met"] else "NO") for k, v in results["targets"].items()]))
    path = write_results("web", results)
    print(f"\nWrote {path.relative_to(ROOT)}")
    return 0


def _get_text(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
