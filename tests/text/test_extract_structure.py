"""Extraction decides on the page's structure first: furniture the markup marks (captions,
asides, related links, newsletter, share and trust boxes, standfirsts, lists of links) goes,
and all of the article stays, also when a wrapper's class looks like furniture.
"""

from __future__ import annotations

from briefing.config import BriefingConfig
from briefing.text.clean import clean
from briefing.text.extract import drop_repeated_headlines, extract, source_from_text
from briefing.text.prune import names_debris

CONFIG = BriefingConfig()

BODY = [
    "The city council approved plans on Tuesday for a new bridge across the river, ending a debate that has run for "
    "more than a decade in the town.",
    "Supporters said the bridge would cut journeys to the hospital by twenty minutes, and the mayor called the vote "
    "a turning point for the whole region.",
    "Residents who opposed the plan said they would take the council to court over the noise and the loss of the old "
    "ferry, which has run since 1920.",
    "Work is due to start next spring and to take three years, the council said in a statement after the meeting.",
]


def page(inside: str, wrapper: str = "article-body", head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY[:2]) + inside + "".join(f"<p>{p}</p>" for p in BODY[2:])
    return (
        "<!DOCTYPE html><html><head><title>Council backs new bridge - The Daily Example</title>"
        '<meta name="author" content="Jane Smith"></head><body>'
        f"<article><h1>Council backs new bridge</h1>{head}<div class=\"{wrapper}\">{paragraphs}</div></article>"
        "</body></html>"
    )


def text_of(html: str) -> str:
    return clean(extract(source_from_text(html), CONFIG)).text


def assert_whole_article(text: str) -> None:
    for paragraph in BODY:
        assert paragraph in text


def test_figure_caption_and_credit_go():
    text = text_of(page('<figure><img src="a.jpg"><figcaption>The old ferry in 1950. Photo: Getty Images'
                        "</figcaption></figure>"))
    assert_whole_article(text)
    assert "ferry in 1950" not in text and "Getty" not in text


def test_caption_by_class_name_goes():
    text = text_of(page('<div class="image-caption">Mayor Ann Lee (left) at the vote on Tuesday evening</div>'
                        '<span class="photo-credit">Reuters</span>'))
    assert_whole_article(text)
    assert "Ann Lee (left)" not in text


def test_aside_related_links_and_more_on_this_go():
    text = text_of(page(
        '<aside><h3>More on this story</h3><p>Bridge costs soar in the north as steel prices rise again this year</p></aside>'
        '<div class="related-stories"><p>Ferry service to end after a hundred years of crossings on the river</p></div>'
    ))
    assert_whole_article(text)
    assert "steel prices" not in text and "hundred years" not in text


def test_newsletter_share_and_trust_boxes_go():
    text = text_of(page(
        '<div class="newsletter-signup"><p>Get the best of the news in your inbox every morning, free of charge.</p></div>'
        '<div class="social-share"><p>Share this story with your friends on Facebook and Twitter today.</p></div>'
        '<div class="trust-principles"><p>Our Standards: The Thomson Reuters Trust Principles.</p></div>'
    ))
    assert_whole_article(text)
    for furniture in ("inbox", "Share this story", "Trust Principles"):
        assert furniture not in text


def test_list_of_links_goes_but_a_list_of_prose_stays():
    links = ("<ul>" + "".join(f'<li><a href="/s{i}">Other story number {i} about bridges</a></li>' for i in range(4))
             + "</ul>")
    prose = "<ul><li>The bridge will have two lanes and a cycle path.</li><li>Tolls are ruled out until 2030.</li></ul>"
    text = text_of(page(links + prose))
    assert_whole_article(text)
    assert "Other story number" not in text
    assert "cycle path" in text and "Tolls are ruled out" in text


def test_hover_card_goes_and_the_name_stays():
    card = ('<p>Mayor <span class="rollover-people"><a class="rollover-people-link" href="/p/ann-lee">Ann Lee</a>'
            '<span class="rollover-block"><span><a href="/p/ann-lee">Ann Margaret Lee</a> <a href="/s/1">Lee wins the '
            'mayoral race by a landslide</a></span></span></span> (D) said the vote was a turning point.</p>')
    text = text_of(page(card))
    assert_whole_article(text)
    assert "Mayor Ann Lee (D) said the vote was a turning point." in text
    assert "landslide" not in text and "Margaret" not in text


def test_teaser_cards_go():
    cards = "".join(f'<div><a href="/s{i}"><img src="t{i}.jpg"><h3>Design week story number {i} opens</h3></a></div>'
                    for i in range(3))
    text = text_of(page(cards))
    assert_whole_article(text)
    assert "Design week story" not in text


def test_a_wrapper_named_like_furniture_keeps_the_article():
    # A class such as "entry-content-read-more" on the article's own wrapper says nothing.
    text = text_of(page("", wrapper="entry-content entry-content-read-more"))
    assert_whole_article(text)


def test_headline_repeated_and_standfirst_go():
    text = text_of(page("", head='<p class="dek">Councillors vote for the crossing after ten years of debate</p>'))
    assert_whole_article(text)
    assert "Council backs new bridge" not in text
    assert "Councillors vote for the crossing" not in text


def test_byline_is_metadata_not_text():
    html = page("").replace("<article>", '<article><div class="byline">By Jane Smith, City Reporter</div>')
    article = clean(extract(source_from_text(html), CONFIG))
    assert article.byline == "Jane Smith"
    assert "City Reporter" not in article.text


def test_names_debris_reads_whole_words():
    assert names_debris("c-related-stories") and names_debris("nrplus-cta") and names_debris("articleShareBar")
    assert not names_debris("article-body") and not names_debris("shared-content")


def test_drop_repeated_headlines_keeps_a_lead_sentence():
    lead = "Council backs new bridge after a ten-year debate, the mayor said on Tuesday."
    assert drop_repeated_headlines((lead,), ["Council backs new bridge"]) == (lead,)
    assert drop_repeated_headlines(("Council backs a new bridge", lead), ["Council backs new bridge"]) == (lead,)


def test_plain_text_headline_given_twice_is_said_once():
    text = "Council backs new bridge\nCouncil backs new bridge\n" + "\n".join(BODY)
    article = extract(source_from_text(text), CONFIG)
    assert article.title == "Council backs new bridge"
    assert article.paragraphs == tuple(BODY)
