"""The site's public address, for every URL that leaves the site (feeds, the API,
webhooks, link previews)."""

from __future__ import annotations

from flask import current_app, request


def base_url() -> str:
    """The site's public address without a trailing slash: ``PUBLIC_BASE_URL`` when set,
    else the host of this request (paths from ``url_for`` already carry any script root)."""
    configured = current_app.config.get("PUBLIC_BASE_URL")
    return (configured or request.host_url).rstrip("/")


def absolute(path: str | None) -> str | None:
    """``path`` (site-relative, as ``url_for`` gives it) as an absolute URL under
    :func:`base_url`; None stays None."""
    return base_url() + "/" + path.lstrip("/") if path else None
