"""What several web test modules share: the form's helpers, the structure every page
must have, and an app with published episodes. (Not a conftest: ``from conftest import``
must keep meaning tests/conftest.py.)"""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from conftest import SHORT

BASE = "https://news.example.org"
ARTICLES = (
    SHORT,
    "Library extends opening hours\n\n"
    "The central library will stay open until nine in the evening from next week, the city said on Friday. "
    "Students had asked for longer hours during the exam season, according to the student union. "
    "“Quiet places to study are scarce,” said union president Sam Okafor.",
)


# A stored key point and its plain version, as the pipeline's JSON has them.
KEY_POINT = {
    "sentence_ids": [0],
    "text": "The council approved the purchase of the building.",
    "original": "The council approved the acquisition of the edifice, officials said.",
    "attribution": {"source": "officials", "cue": "said", "quote": None, "resolved_from": None},
}
PLAIN_POINT = {
    "text": "The council agreed to buy the building.",
    "original": KEY_POINT["text"],
    "changed": True,
    "rules_applied": ["lexicon"],
    "fallback_reason": None,
}


def csrf(client) -> str:
    page = client.get("/").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def submit(client, **fields):
    data = {"url": "", "text": "", **fields}
    data.setdefault("csrf_token", csrf(client))
    return client.post("/briefings", data=data, content_type="multipart/form-data")


def brief(client, text=SHORT):
    response = submit(client, text=text)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return response.headers["Location"]


def tree(response):
    return lxml_html.fromstring(response.get_data())


def check_page_structure(doc) -> None:
    """What every page must have: lang, skip link, landmarks, one h1, headings in order,
    no inline script or event handler."""
    assert doc.get("lang") == "en"
    first_link = doc.xpath("//body//a")[0]
    assert first_link.get("href") == "#main" and "Skip" in first_link.text_content()
    assert doc.xpath("//main[@id='main']")
    for landmark in ("header", "nav", "main", "footer"):
        assert len(doc.xpath(f"//{landmark}")) >= 1, landmark
    assert len(doc.xpath("//main")) == 1
    assert len(doc.xpath("//h1")) == 1
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, levels
    for script in doc.iter("script"):
        assert script.get("src", "").startswith("/static/") and not (script.text or "").strip()
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        assert not [a for a in element.attrib if a.lower().startswith("on")], element.tag
        for attr in ("href", "src", "action", "formaction"):
            assert not element.get(attr, "").strip().lower().startswith("javascript:")
    assert not doc.xpath("//meta[@http-equiv='refresh']")
    assert not doc.xpath("//audio[@autoplay]")


def brief_article(app, text):
    from briefing.text.extract import source_from_text

    from web.briefings import brief as make

    with app.app_context():
        return make(app, source_from_text(text)).record.id


@pytest.fixture
def published(app_factory):
    """An app with two briefings whose audio is done and one still queued."""
    app = app_factory(PUBLIC_BASE_URL=BASE + "/")
    ids = [brief_article(app, text) for text in ARTICLES]
    app.extensions["briefing.jobs"].run_until_idle()
    queued = brief_article(app, ARTICLES[0].replace("Monday", "Tuesday"))
    return app, ids, queued
