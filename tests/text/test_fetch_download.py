"""URL fetching against a real HTTP(S) server on 127.0.0.1: pages, redirects, limits, failures,
and the connection going to the address that was checked.
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing.text import fetch
from briefing.config import BriefingConfig
from briefing.errors import FetchError, InputTooLargeError, RefusedURLError
from briefing.text.extract import Source, extract
from briefing.text.fetch import fetch_url


ARTICLE = (Path(__file__).parents[1] / "data" / "article.html").read_bytes()


LEGACY = "<html><body><article><p>The minister said: “We will not back down.” It would cost €400 million, officials said on Thursday.</p></article></body></html>"


class Handler(BaseHTTPRequestHandler):
    """Routes for the tests; every request is logged on the server."""

    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size cap): that is the point of the test

    def do_GET(self) -> None:  # noqa: N802
        self.server.requests.append((self.path, self.headers.get("Host")))
        port = self.server.server_address[1]
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE)
        elif path == "/plain":
            self._send(200, "Line one of the story.\nLine two of the story.".encode(), "text/plain")
        elif path == "/legacy":
            self._send(200, LEGACY.encode("cp1252"), "text/html; charset=windows-1252")
        elif path == "/no-type":
            self._send(200, ARTICLE, None)
        elif path == "/redirect-to-localhost":
            self._send(302, headers={"Location": f"http://localhost:{port}/article"})
        elif path == "/redirect-relative":
            self._send(301, headers={"Location": "/article"})
        elif path == "/redirect-ftp":
            self._send(302, headers={"Location": "ftp://127.0.0.1/file"})
        elif path == "/redirect-loop":
            self._send(302, headers={"Location": "/redirect-loop"})
        elif path == "/big":
            # No Content-Length: the size is only known by reading.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"word " * 2000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/big-declared":
            self._send(200, b"<p>short</p>", headers={"Content-Length": "50000000"})
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png")
        elif path == "/png-as-html":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/html")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, ARTICLE)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(30):
                    self.wfile.write(b"<p>drip</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/error":
            self._send(500, b"<p>oops</p>")
        else:
            self._send(404, b"<p>not here</p>")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def base(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


LOCAL = BriefingConfig(allow_private_urls=True, connect_timeout=2.0, read_timeout=2.0)


def test_fetches_an_article_page(base):
    fetched = fetch_url(f"{base}/article", LOCAL)
    assert (fetched.status, fetched.media_type, fetched.charset) == (200, "text/html", "utf-8")
    assert fetched.body == ARTICLE
    article = extract(Source("url", f"{base}/article"), LOCAL)
    assert article.title == "Musk to visit Israel after anti-Semitism row"
    assert article.byline == "Jane Smith"
    assert "He said: “Nothing could be further from the truth.”" in article.paragraphs
    # The page's canonical link wins over the address it was fetched from.
    assert article.source_url == "https://news.example.com/world/musk-israel-visit"


def test_plain_text_page(base):
    article = extract(Source("url", f"{base}/plain"), LOCAL)
    assert article.paragraphs == ("Line one of the story.", "Line two of the story.")
    assert article.source_url == f"{base}/plain"


def test_charset_from_header(base):
    article = extract(Source("url", f"{base}/legacy"), LOCAL)
    assert article.paragraphs[0].startswith("The minister said: “We will not back down.” It would cost €400 million")


def test_missing_content_type_is_sniffed(base):
    assert extract(Source("url", f"{base}/no-type"), LOCAL).title.startswith("Musk to visit Israel")


def test_redirect_to_an_allowed_host(server, base):
    config = LOCAL.replace(allowed_hosts=("127.0.0.1", "localhost"))
    fetched = fetch_url(f"{base}/redirect-to-localhost", config)
    assert fetched.body == ARTICLE
    assert fetched.url == f"http://localhost:{server.server_address[1]}/article"
    assert fetched.redirects == (fetched.url,)
    assert fetch_url(f"{base}/redirect-relative", LOCAL).url == f"{base}/article"


def test_redirect_to_a_refused_host(server, base):
    config = LOCAL.replace(allowed_hosts=("127.0.0.1",))
    before = len(server.requests)
    with pytest.raises(RefusedURLError, match=r"host localhost is not one of the allowed hosts \(127\.0\.0\.1\)"):
        fetch_url(f"{base}/redirect-to-localhost", config)
    assert [p for p, _ in server.requests[before:]] == ["/redirect-to-localhost"]  # the hop was never made


def test_redirect_to_another_scheme_and_loops(base):
    with pytest.raises(RefusedURLError, match="only http and https URLs are fetched, not ftp"):
        fetch_url(f"{base}/redirect-ftp", LOCAL)
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch_url(f"{base}/redirect-loop", LOCAL.replace(max_redirects=2))


def test_too_large_body_is_cut_off(base):
    config = LOCAL.replace(max_input_bytes=50_000)
    with pytest.raises(InputTooLargeError, match=r"more than 50,000 bytes .*over the limit of 50,000 bytes"):
        fetch_url(f"{base}/big", config)
    with pytest.raises(InputTooLargeError, match=r"50,000,000 bytes, over the limit of 50,000 bytes"):
        fetch_url(f"{base}/big-declared", config)


def test_wrong_content_type(base):
    with pytest.raises(FetchError, match="it is image/png, not a web page or text"):
        fetch_url(f"{base}/image", LOCAL)
    with pytest.raises(Exception, match="is a PNG image, not text or HTML"):
        extract(Source("url", f"{base}/png-as-html"), LOCAL)


def test_slow_server_times_out(base):
    start = time.monotonic()
    with pytest.raises(FetchError, match="too slow"):
        fetch_url(f"{base}/slow", LOCAL.replace(read_timeout=0.3))
    assert time.monotonic() - start < 1.2


def test_dripping_server_hits_the_overall_deadline(base):
    start = time.monotonic()
    with pytest.raises(FetchError, match="too slow"):
        fetch_url(f"{base}/drip", LOCAL.replace(connect_timeout=0.2, read_timeout=0.5))
    assert time.monotonic() - start < 1.5


@pytest.mark.parametrize(("path", "status"), [("/missing", "404 Not Found"), ("/error", "500 Internal Server Error")])
def test_http_errors(base, path, status):
    with pytest.raises(FetchError, match=f"the server answered {status}"):
        fetch_url(f"{base}{path}", LOCAL)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://127.0.0.1:{port}/article", "loopback"),
        ("http://localhost:{port}/article", "names this machine"),
        ("http://news.localhost/", "names this machine"),
        ("http://[::1]:{port}/article", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://100.64.0.1/", "non-public"),
        ("http://2130706433/", "loopback"),  # 127.0.0.1 written as one number
    ],
)
def test_default_config_refuses_local_addresses(server, url, why):
    before = len(server.requests)
    with pytest.raises(RefusedURLError, match=why):
        fetch_url(url.format(port=server.server_address[1]), BriefingConfig())
    assert len(server.requests) == before  # refused before any connection


def test_connects_to_the_address_it_checked(server, monkeypatch):
    """DNS rebinding: the name is resolved once, and the connection goes to that address."""
    real = socket.getaddrinfo
    lookups = []

    def fake(host, *args, **kwargs):
        if host == "rebind.test":
            lookups.append(host)
            if len(lookups) > 1:
                raise AssertionError("the name was resolved twice")
            return real("127.0.0.1", *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(fetch.socket, "getaddrinfo", fake)
    port = server.server_address[1]
    fetched = fetch_url(f"http://rebind.test:{port}/article", LOCAL)
    assert fetched.body == ARTICLE
    assert lookups == ["rebind.test"]
    assert server.requests[-1] == ("/article", f"rebind.test:{port}")


@pytest.fixture(scope="module")
def https_server(tmp_path_factory):
    """An HTTPS server on 127.0.0.1 whose self-signed certificate names ``pinned.test``."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=pinned.test", "-addext", "subjectAltName=DNS:pinned.test"],
        check=True, capture_output=True,
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    httpd.requests = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.sni = []
    context.sni_callback = lambda _sock, name, _ctx: httpd.sni.append(name)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield httpd, str(cert)
    httpd.shutdown()
    httpd.server_close()


def test_https_connects_to_the_checked_address_with_the_host_name(https_server, monkeypatch):
    """Pinned HTTPS: the socket goes to the checked IP, while SNI and the certificate
    check use the URL's host name (and a certificate for another name is refused)."""
    httpd, cert = https_server
    real_getaddrinfo, real_session = socket.getaddrinfo, fetch._session

    def fake_getaddrinfo(host, *args, **kwargs):
        return real_getaddrinfo("127.0.0.1" if host.endswith(".test") else host, *args, **kwargs)

    def session_trusting_test_ca(target):
        session = real_session(target)
        session.verify = cert
        return session

    monkeypatch.setattr(fetch.socket, "getaddrinfo", fake_getaddrinfo)
    monkeypatch.setattr(fetch, "_session", session_trusting_test_ca)
    port = httpd.server_address[1]
    fetched = fetch_url(f"https://pinned.test:{port}/article", LOCAL)
    assert fetched.body == ARTICLE
    assert httpd.sni[-1] == "pinned.test"
    assert httpd.requests[-1] == ("/article", f"pinned.test:{port}")
    with pytest.raises(FetchError, match="certificate is not valid for other.test"):
        fetch_url(f"https://other.test:{port}/article", LOCAL)
