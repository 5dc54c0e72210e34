"""Error pages: useful 404, 405 and 500 pages, as HTML or as JSON."""

from __future__ import annotations

import pytest

pytest.importorskip("flask")
pytest.importorskip("lxml.html")

from webtools import brief, check_page_structure, tree  # noqa: E402


def test_404_page_is_useful(client):
    brief(client)
    response = client.get("/briefings/does-not-exist")
    assert response.status_code == 404
    doc = tree(response)
    check_page_structure(doc)
    assert doc.findtext(".//h1") == "Page not found"
    assert doc.xpath("//main//a[@href='/']")
    assert doc.xpath("//main//a[starts-with(@href, '/briefings/')]")  # recent briefings
    assert client.get("/briefings/does-not-exist.json").get_json()["error"]["status"] == 404
    assert client.get("/nowhere", headers={"Accept": "application/json"}).get_json()["error"]["title"] == "Page not found"


def test_405_and_500_pages(app_factory):
    app = app_factory()

    @app.route("/boom")
    def boom():
        raise RuntimeError("secret detail")

    client = app.test_client()
    response = client.get("/briefings")
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
    check_page_structure(tree(response))
    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get("/boom")
    assert response.status_code == 500
    assert "secret detail" not in response.get_data(as_text=True)
    check_page_structure(tree(response))
    assert client.get("/boom", headers={"Accept": "application/json"}).get_json()["error"]["status"] == 500
