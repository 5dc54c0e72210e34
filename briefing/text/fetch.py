"""Fetch an article's web page safely.

The rules, checked again at every redirect:

- only ``http`` and ``https``, no user names or passwords in the URL;
- when ``config.allowed_hosts`` is set, only those host names (exact match);
- the host name is resolved here and every address it resolves to must be public:
  private, loopback, link-local, multicast, reserved, unspecified and shared
  addresses are refused (IPv4-mapped, 6to4 and Teredo IPv6 addresses are judged by
  the IPv4 address inside them), and so are ``localhost`` names, unless
  ``config.allow_private_urls``;
- the connection goes to the address that was checked (the URL is rewritten to that
  address, with the original ``Host`` header and, for HTTPS, the original name for SNI
  and certificate checks), so a DNS answer that changes between check and connect
  (DNS rebinding) cannot send us elsewhere;
- redirects are followed by hand, at most ``config.max_redirects``;
- the answer must be 2xx, of type text/html, application/xhtml+xml or text/plain (or
  say no type at all, in which case the bytes are sniffed by the caller);
- the body is streamed and dropped as soon as it passes ``config.max_input_bytes``
  (decompressed size), and the whole exchange must finish within
  ``connect_timeout + read_timeout`` seconds: a server that drips one byte at a time
  never trips a read timeout by itself.

Environment proxies and ``.netrc`` are ignored (``trust_env = False``): a proxy would
connect on our behalf to an address we never checked.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter

from ..config import BriefingConfig
from ..errors import FetchError, InputTooLargeError, RefusedURLError
from .decode import charset_of, codec_for, declared_charset

ALLOWED_SCHEMES = ("http", "https")
ALLOWED_MEDIA_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Fetched:
    """A downloaded page: ``url`` is the final address after redirects; ``charset`` the
    one the ``Content-Type`` header declared, if any."""

    url: str
    status: int
    media_type: str
    charset: str | None
    body: bytes
    redirects: tuple[str, ...] = ()
    # Validators for a conditional request next time (news feeds use them).
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Target:
    """A URL that passed the rules, with the addresses it may be fetched from."""

    url: str
    scheme: str
    host: str
    port: int
    addresses: tuple[str, ...]


# ---------------------------------------------------------------------------------------
# The rules


def address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` may not be fetched from by default, or None when it is public.

    >>> address_problem(ipaddress.ip_address("127.0.0.1"))
    'a loopback address'
    >>> address_problem(ipaddress.ip_address("::ffff:10.0.0.1"))
    'a private address'
    >>> address_problem(ipaddress.ip_address("93.184.216.34")) is None
    True
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or (ip.sixtofour) or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return address_problem(embedded)
    for flag, words in (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, flag):
            return words
    if not ip.is_global:
        return "a non-public address"
    return None


def check_url(url: str, config: BriefingConfig) -> Target:
    """``url`` resolved and checked against the rules, or RefusedURLError/FetchError."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise RefusedURLError(f"Cannot fetch {url}: it is not a valid URL ({exc}).") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise RefusedURLError(
            f"Cannot fetch {url}: only http and https URLs are fetched, not {scheme or 'a URL without a scheme'}."
        )
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise RefusedURLError(f"Cannot fetch {url}: it names no host.")
    if parts.username is not None or parts.password is not None:
        raise RefusedURLError(f"Cannot fetch {url}: URLs with a user name or password are not fetched.")
    if config.allowed_hosts:
        allowed = {h.rstrip(".").lower() for h in config.allowed_hosts}
        if host not in allowed:
            raise RefusedURLError(
                f"Cannot fetch {url}: the host {host} is not one of the allowed hosts "
                f"({', '.join(sorted(allowed))}). Add it to allowed_hosts if it is trusted."
            )
    if not config.allow_private_urls and (host == "localhost" or host.endswith((".localhost", ".local"))):
        raise RefusedURLError(
            f"Cannot fetch {url}: {host} names this machine or the local network, which is refused "
            "(set allow_private_urls only for tests or a trusted intranet)."
        )
    port = port or (443 if scheme == "https" else 80)
    addresses = resolve(host, port)
    if not config.allow_private_urls:
        for address in addresses:
            problem = address_problem(ipaddress.ip_address(address))
            if problem:
                raise RefusedURLError(
                    f"Cannot fetch {url}: {host} resolves to {address}, {problem}, which is refused "
                    "(set allow_private_urls only for tests or a trusted intranet)."
                )
    return Target(url=url, scheme=scheme, host=host, port=port, addresses=addresses)


def resolve(host: str, port: int) -> tuple[str, ...]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return (str(ipaddress.ip_address(host)),)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"Cannot fetch from {host}: the name does not resolve ({exc}). Check the address.") from None
    addresses: list[str] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]  # drop an IPv6 zone index
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(f"Cannot fetch from {host}: the name resolves to no address. Check the address.")
    return tuple(addresses)


# ---------------------------------------------------------------------------------------
# The download


class _PinnedHTTPSAdapter(HTTPAdapter):
    """Connects to an IP address while doing SNI and certificate checks for ``hostname``."""

    def __init__(self, hostname: str) -> None:
        self._hostname = hostname
        super().__init__(max_retries=0)

    def init_poolmanager(self, connections, maxsize, block=False, **pool_kwargs):  # noqa: ANN001
        pool_kwargs["server_hostname"] = self._hostname
        pool_kwargs["assert_hostname"] = self._hostname
        super().init_poolmanager(connections, maxsize, block=block, **pool_kwargs)


def _pinned_url(target: Target, address: str) -> str:
    parts = urlsplit(target.url)
    literal = f"[{address}]" if ":" in address else address
    netloc = f"{literal}:{target.port}"
    return urlunsplit((target.scheme, netloc, parts.path or "/", parts.query, ""))


def _host_header(target: Target) -> str:
    default = 443 if target.scheme == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == default else f"{host}:{target.port}"


def fetch_url(
    url: str,
    config: BriefingConfig,
    *,
    headers: dict[str, str] | None = None,
    media_types: tuple[str, ...] = ALLOWED_MEDIA_TYPES,
) -> Fetched:
    """Download ``url`` under the rules in this module's docstring.

    ``headers`` are added to the request (e.g. ``If-None-Match`` and ``Accept`` for a
    news feed) and ``media_types`` replaces the accepted types; a ``304 Not Modified``
    answer is returned as a Fetched with status 304 and no body.

    Raises RefusedURLError (scheme, host or address refused), InputTooLargeError (body
    over ``config.max_input_bytes``) or FetchError (network failure, timeout, HTTP
    error status, wrong content type, too many redirects).
    """
    redirects: list[str] = []
    current = url
    while True:
        target = check_url(current, config)
        response = _request(target, config, headers)
        if response.status_code in REDIRECT_STATUSES and response.headers.get("Location"):
            response.close()
            if len(redirects) >= config.max_redirects:
                raise FetchError(
                    f"Cannot fetch {url}: more than {config.max_redirects} redirects. "
                    "Give the article's final address."
                )
            current = urljoin(current, response.headers["Location"].strip())
            redirects.append(current)
            continue
        return _read(response, target, config, tuple(redirects), media_types)


def _session(target: Target) -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    session.mount("https://", _PinnedHTTPSAdapter(target.host))
    session.mount("http://", HTTPAdapter(max_retries=0))
    return session


def _request(target: Target, config: BriefingConfig, extra: dict[str, str] | None = None) -> requests.Response:
    deadline = time.monotonic() + config.connect_timeout + config.read_timeout
    headers = {
        "Host": _host_header(target),
        "User-Agent": config.user_agent,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
        "Accept-Encoding": "gzip, deflate",
    }
    headers.update(extra or {})
    last_error: Exception | None = None
    # Try each checked address in turn: "localhost" may resolve to ::1 first while the
    # server only listens on 127.0.0.1.
    for address in target.addresses:
        session = _session(target)
        try:
            response = session.get(
                _pinned_url(target, address),
                headers=headers,
                timeout=(config.connect_timeout, config.read_timeout),
                allow_redirects=False,
                stream=True,
            )
        except requests.exceptions.ConnectTimeout:
            last_error = FetchError(
                f"Cannot fetch {target.url}: no connection within {config.connect_timeout:g} s. "
                "Check the address, or try again later."
            )
            continue
        except requests.exceptions.SSLError as exc:
            last_error = FetchError(
                f"Cannot fetch {target.url}: the secure connection failed ({_reason(exc)}). Probable cause: "
                f"the site's certificate is not valid for {target.host}."
            )
            continue
        except requests.exceptions.ConnectionError as exc:
            if isinstance(exc, requests.exceptions.ReadTimeout) or "Read timed out" in str(exc):
                raise _timeout(target, config) from None
            last_error = FetchError(f"Cannot fetch {target.url}: could not connect ({_reason(exc)}). Check the address.")
            continue
        except requests.exceptions.Timeout:
            raise _timeout(target, config) from None
        except requests.exceptions.RequestException as exc:
            raise FetchError(f"Cannot fetch {target.url}: {_reason(exc)}.") from None
        response.deadline = deadline  # type: ignore[attr-defined]
        return response
    raise last_error or FetchError(f"Cannot fetch {target.url}: no address to connect to.")


def post_url(url: str, config: BriefingConfig, data: bytes, headers: dict[str, str], timeout: float) -> requests.Response:
    """POST ``data`` to ``url`` (a webhook) under the same address rules as :func:`fetch_url`.

    The connection goes to an address that was checked, not to whatever the name resolves
    to a moment later: a name that answers with a public address for the check and a
    private one for the request (DNS rebinding) cannot reach the private network. No
    redirects are followed. Raises RefusedURLError or FetchError for a refused address,
    and requests' own exceptions for network failures.
    """
    target = check_url(url, config)
    last_error: Exception | None = None
    for address in target.addresses:
        session = _session(target)
        try:
            return session.post(
                _pinned_url(target, address),
                data=data,
                headers={"Host": _host_header(target), **headers},
                timeout=(config.connect_timeout, timeout),
                allow_redirects=False,
            )
        except requests.exceptions.ConnectionError as exc:  # includes ConnectTimeout, not ReadTimeout
            last_error = exc  # try the next checked address
        finally:
            session.close()
    raise last_error or FetchError(f"Cannot post to {target.url}: no address to connect to.")


def _read(
    response: requests.Response,
    target: Target,
    config: BriefingConfig,
    redirects: tuple[str, ...],
    media_types: tuple[str, ...] = ALLOWED_MEDIA_TYPES,
) -> Fetched:
    try:
        if response.status_code == 304:
            return Fetched(target.url, 304, "", None, b"", redirects,
                           response.headers.get("ETag"), response.headers.get("Last-Modified"))
        if response.status_code >= 400 or response.status_code < 200:
            raise FetchError(
                f"Cannot fetch {target.url}: the server answered {response.status_code} {response.reason or ''}".rstrip()
                + ". Check the address, or try again later."
            )
        if response.status_code in REDIRECT_STATUSES:
            raise FetchError(f"Cannot fetch {target.url}: a redirect with no Location header.")
        content_type = response.headers.get("Content-Type", "")
        media_type = content_type.split(";", 1)[0].strip().lower()
        if media_type and media_type not in media_types:
            raise FetchError(
                f"Cannot brief {target.url}: it is {media_type}, not a web page or text "
                f"({', '.join(media_types)}). Give the address of the article's page."
            )
        body = _body(response, target, config)
        return Fetched(
            url=target.url,
            status=response.status_code,
            media_type=media_type,
            charset=charset_of(content_type),
            body=body,
            redirects=redirects,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )
    finally:
        response.close()


def _body(response: requests.Response, target: Target, config: BriefingConfig) -> bytes:
    """The body, refused as soon as it is known to pass ``config.max_input_bytes`` or the
    exchange passes its deadline."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > config.max_input_bytes:
        raise _too_large(target, int(declared), config, exact=True)
    body = bytearray()
    deadline = getattr(response, "deadline", None)
    try:
        for chunk in _chunks(response):
            body += chunk
            if len(body) > config.max_input_bytes:
                raise _too_large(target, len(body), config, exact=False)
            if deadline is not None and time.monotonic() > deadline:
                raise _timeout(target, config)
    except requests.exceptions.ConnectionError as exc:
        if "timed out" in str(exc):
            raise _timeout(target, config) from None
        raise FetchError(f"Cannot fetch {target.url}: the connection broke ({_reason(exc)}).") from None
    except urllib3.exceptions.ReadTimeoutError:
        raise _timeout(target, config) from None
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        raise FetchError(f"Cannot fetch {target.url}: the download failed ({_reason(exc)}).") from None
    return bytes(body)


def _chunks(response: requests.Response) -> Iterator[bytes]:
    """The body in pieces as they arrive (decompressed), so the deadline and size cap are
    checked while a slow server drips; ``iter_content`` would wait for each full chunk."""
    raw = response.raw
    if hasattr(raw, "read1"):
        while chunk := raw.read1(_CHUNK, decode_content=True):
            yield chunk
    else:  # urllib3 before 2.2
        yield from response.iter_content(_CHUNK)


def _timeout(target: Target, config: BriefingConfig) -> FetchError:
    return FetchError(
        f"Cannot fetch {target.url}: the server was too slow (read timeout {config.read_timeout:g} s, "
        f"{config.connect_timeout + config.read_timeout:g} s in all). Try again later."
    )


def _too_large(target: Target, size: int, config: BriefingConfig, exact: bool) -> InputTooLargeError:
    said = f"{size:,} bytes" if exact else f"more than {config.max_input_bytes:,} bytes (stopped at {size:,})"
    return InputTooLargeError(
        f"The page at {target.url} is {said}, over the limit of {config.max_input_bytes:,} bytes. "
        "Give the address of a single article, or raise max_input_bytes."
    )


def _reason(exc: Exception) -> str:
    text = str(exc)
    # urllib3 wraps the cause in long reprs; the last parenthesised reason is the useful bit.
    m = re.search(r"\] ([^'\"]+?)['\"]?\)+$", text)
    return (m.group(1) if m else text)[:200]


# ---------------------------------------------------------------------------------------
# Decoding

def decode_body(fetched: Fetched) -> str:
    """The text of a download: byte-order mark, then the header's charset, then a
    ``<meta>`` charset, then UTF-8; legacy pages that are none of these are read as
    windows-1252 (the web's default), with undecodable bytes replaced.

    >>> decode_body(Fetched("http://x/", 200, "text/html", "windows-1252", b"\\x93Hi\\x94"))
    '“Hi”'
    >>> decode_body(Fetched("http://x/", 200, "text/html", None, '<meta charset="utf-8">é'.encode()))
    '<meta charset="utf-8">é'
    """
    body = fetched.body
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    candidates = [codec_for(fetched.charset)]
    if fetched.media_type != "text/plain":
        candidates.append(codec_for(declared_charset(body)))
    candidates.append("utf-8")
    for codec in candidates:
        if codec:
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                continue
    return body.decode("windows-1252", errors="replace")
