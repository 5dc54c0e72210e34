"""Security headers on every response, and CSRF tokens on every form.

The CSRF token is a random value kept in the signed session cookie and echoed in a
hidden field; it never expires while the browser keeps the session (no time limits).
Blueprints that authenticate otherwise (the API's bearer keys) are listed in
``app.extensions["briefing.csrf_exempt"]``.
"""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, Response, abort, current_app, request, session
from werkzeug.exceptions import RequestEntityTooLarge

CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "connect-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CSRF_FAILED = (
    "This form could not be accepted: its security token is missing or does not match. "
    "Go back, reload the page and send the form again. Briefing needs cookies for this site to check the token."
)


def csrf_token() -> str:
    """This session's CSRF token (made on first use)."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf() -> None:
    """Refuse an unsafe request to a non-exempt blueprint without the session's token."""
    if request.routing_exception is not None:
        return  # no view will run (404, 405): let routing answer, not a CSRF error
    if request.method not in UNSAFE_METHODS or request.blueprint in current_app.extensions["briefing.csrf_exempt"]:
        return
    try:
        sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token", "")
    except RequestEntityTooLarge:
        # The view reports the size to the reader; nothing is done with the request.
        return
    expected = session.get("csrf")
    if not expected or not hmac.compare_digest(str(sent), expected):
        abort(400, description=CSRF_FAILED)


def add_headers(response: Response) -> Response:
    """Add the security headers (a view may have set a stricter one already)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.extensions["briefing.csrf_exempt"] = set()
    app.before_request(check_csrf)
    app.after_request(add_headers)
    app.jinja_env.globals["csrf_token"] = csrf_token
