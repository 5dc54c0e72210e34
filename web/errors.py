"""One error handler for the whole app: it answers in HTML or JSON, as the client asked.

A client asks for JSON with a URL ending in ``.json`` or with ``Accept: application/json``.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from .extensions import get_store

log = logging.getLogger(__name__)

# status -> (title, what the reader can do)
ERROR_TEXTS: dict[int, tuple[str, str]] = {
    400: ("The request could not be used", "Go back, check what you sent and try again."),
    403: ("You cannot see this page", "If you followed a link here, the page may be private."),
    404: ("Page not found", "The address may be mistyped, or the briefing may have been deleted."),
    405: ("That action is not possible here", "Go back to the page you came from and try again."),
    413: ("What you sent is too large", "Send a smaller file or a shorter text."),
    429: ("Too many requests", "Wait a little, then try again."),
    500: ("Something went wrong on our side", "Try again in a moment. If it happens again, the problem is ours."),
    503: ("Briefing is busy", "Try again in a moment."),
}


def wants_json() -> bool:
    """True when this request asked for the JSON twin of a page."""
    if request.path.endswith(".json"):
        return True
    accept = request.accept_mimetypes
    return accept.best_match(("text/html", "application/json")) == "application/json" and accept["application/json"] > accept["text/html"]


def error_response(status: int, detail: str | None = None) -> Response:
    """The error page (or JSON) for ``status``, with an optional specific ``detail``."""
    title, advice = ERROR_TEXTS.get(status, (f"Error {status}", "Go back and try again."))
    if wants_json():
        response = jsonify({"error": {"status": status, "title": title, "detail": detail or advice}})
    else:
        template = "404.html" if status == 404 else "error.html"
        context = {"status": status, "title": title, "detail": detail, "advice": advice}
        if status == 404:
            try:
                context["recent"] = get_store().recent(5)
            except Exception:  # noqa: BLE001 - a 404 page must not fail because the database did
                context["recent"] = []
        response = Response(render_template(template, **context), mimetype="text/html")
    response.status_code = status
    response.vary.add("Accept")
    return response


def handle_http(exc: HTTPException) -> Response:
    if exc.code is None or exc.code < 400:
        return exc  # type: ignore[return-value]  # redirects raised as exceptions pass through
    detail = exc.description if exc.description and exc.description != type(exc).description else None
    response = error_response(exc.code, detail)
    for name in ("Allow", "Retry-After"):
        value = exc.get_response().headers.get(name)
        if value:
            response.headers[name] = value
    return response


def handle_exception(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return handle_http(exc)
    log.error("Unhandled error on %s %s", request.method, request.path, exc_info=exc)
    return error_response(InternalServerError.code)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_exception)
