"""oEmbed for public briefing pages: a pasted link unfurls into a player card."""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, jsonify, request

from .extensions import get_store
from .schema import briefing_resource
from .urls import base_url

bp = Blueprint("oembed", __name__)


@bp.route("/oembed", methods=("GET",))
def oembed():
    """oEmbed (JSON) for a briefing page, so a pasted link unfurls into a player card."""
    url = request.args.get("url", "")
    if request.args.get("format", "json") != "json":
        abort(501, description="Only format=json is offered.")
    match = re.fullmatch(r"/briefings/([A-Za-z0-9_-]{1,64})/?", urlsplit(url).path or "")
    record = get_store().public_briefing(match.group(1)) if match else None
    if record is None:
        abort(404, description="Give the address of a briefing page on this site as `url`.")
    resource = briefing_resource(record, public=True)
    width = _bounded(request.args.get("maxwidth"), 480)
    out: dict[str, Any] = {
        "version": "1.0",
        "type": "link",
        "title": record.title,
        "provider_name": "Briefing",
        "provider_url": base_url() + "/",
        "cache_age": 3600,
    }
    audio = resource.get("audio")
    if audio:
        out.update(
            type="rich",
            width=width,
            height=96,
            html=(
                f'<figure style="margin:0;max-width:{width}px"><figcaption><a href="{escape(resource["page_url"])}">'
                f"{escape(record.title)}</a></figcaption>"
                f'<audio controls preload="none" style="width:100%" src="{escape(audio["url"])}"'
                f' aria-label="{escape(record.title)} (audio)"></audio></figure>'
            ),
        )
    return jsonify(out)


def _bounded(value: str | None, default: int) -> int:
    return min(int(value), default) if value and value.isdigit() and int(value) > 0 else default


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
