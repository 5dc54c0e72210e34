"""The fetcher's rules without a server: refused addresses and URLs, allowed hosts, decoding fallbacks."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from briefing.text import fetch
from briefing.config import BriefingConfig
from briefing.errors import FetchError, RefusedURLError
from briefing.text.fetch import address_problem, check_url, decode_body, fetch_url


LOCAL = BriefingConfig(allow_private_urls=True, connect_timeout=2.0, read_timeout=2.0)


def test_connection_refused():
    # A port nothing listens on: bind one, note it, close it.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect"):
        fetch_url(f"http://127.0.0.1:{port}/", LOCAL)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/", "only http and https"),
        ("http://user:secret@example.com/", "user name or password"),
        ("http:///path", "names no host"),
        ("http://example.com:99999/", "not a valid URL"),
    ],
)
def test_malformed_or_refused_urls(url, message):
    with pytest.raises(RefusedURLError, match=message):
        check_url(url, BriefingConfig())


def test_allowed_hosts_checked_before_resolving():
    with pytest.raises(RefusedURLError, match="not one of the allowed hosts"):
        check_url("http://elsewhere.example/", BriefingConfig(allowed_hosts=("news.example.com",)))


def test_address_rules():
    assert address_problem(ipaddress.ip_address("8.8.8.8")) is None
    assert address_problem(ipaddress.ip_address("2001:4860:4860::8888")) is None
    assert address_problem(ipaddress.ip_address("2002:0a00:0001::1")) == "a private address"  # 6to4 of 10.0.0.1
    assert address_problem(ipaddress.ip_address("fc00::1")) == "a private address"


def test_decode_body_fallbacks():
    page = fetch.Fetched("http://x/", 200, "text/html", None, b"<meta charset='windows-1252'><p>\x93Hi\x94</p>")
    assert decode_body(page) == "<meta charset='windows-1252'><p>“Hi”</p>"
    wrong = fetch.Fetched("http://x/", 200, "text/html", "utf-8", b"<p>caf\xe9</p>")
    assert decode_body(wrong) == "<p>café</p>"  # not UTF-8 after all: the web's legacy default
