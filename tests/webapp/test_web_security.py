"""Security: CSRF tokens on forms and security headers on every response."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("flask")

from conftest import SHORT  # noqa: E402
from webtools import brief, submit  # noqa: E402


def test_csrf_token_is_required(client):
    response = client.post("/briefings", data={"text": SHORT}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    response = submit(client, text=SHORT, csrf_token="forged")
    assert response.status_code == 400


def test_security_headers_everywhere(client, app):
    location = brief(client)
    app.extensions["briefing.jobs"].run_until_idle()
    mp3 = client.get(location + ".json").get_json()["audio"]["url"]
    for path in ("/", location, location + ".json", "/accessibility", "/nope", mp3, "/static/briefing.css"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]*)", csp)
        assert "unsafe-inline" not in (script_src.group(1) if script_src else csp)
        assert "default-src 'none'" in csp or "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp or "sandbox" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"]
        assert "camera=()" in headers["Permissions-Policy"]
