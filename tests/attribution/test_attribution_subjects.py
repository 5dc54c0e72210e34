"""Attribution: each sentence's opening subject resolved to a name when it is a pronoun or
a description, and left alone when unsure."""

from __future__ import annotations

import pytest
from attribution_articles import seed_article_from

from briefing.attribution.attribute import attribute, resolve_subjects
from briefing.models import Article
from briefing.text.split import split


@pytest.fixture(scope="module")
def seed_article(seed_text: str) -> Article:
    """The seed article without what the cleaner removes (caption lines, a placeholder)."""
    return seed_article_from(seed_text)


def _subjects(*paragraphs: str):
    article = Article(paragraphs=paragraphs)
    sentences = split(article)
    return article, sentences, resolve_subjects(article, sentences)


def test_subjects_one_per_sentence_with_spans_into_the_text(seed_article):
    sentences = split(seed_article)
    subjects = resolve_subjects(seed_article, sentences)
    assert len(subjects) == len(sentences)
    for s in subjects:
        if s is not None:
            assert seed_article.text[s.span[0] : s.span[1]] == s.words


def test_seed_subjects_name_musk(seed_article):
    sentences = split(seed_article)
    subjects = resolve_subjects(seed_article, sentences)
    by_text = {s.text: r for s, r in zip(sentences, subjects)}
    boss = next(r for t, r in by_text.items() if t.startswith("The tech boss has come under fire"))
    assert (boss.name, boss.words, boss.kind) == ("Elon Musk", "The tech boss", "description")
    he = by_text["And he has been accused of sharing anti-Semitic content himself."]
    assert (he.name, he.words, he.kind) == ("Elon Musk", "he", "pronoun")


def test_subject_pronoun_after_a_conjunction_resolves():
    _, _, subjects = _subjects("Chancellor Angela Merkel visited Paris on Monday.", "But she left early.")
    assert subjects[1] is not None and (subjects[1].name, subjects[1].words) == ("Angela Merkel", "she")


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Elon Musk met Benjamin Netanyahu in Jerusalem.", "He praised the security forces."),
        ("The storm hit the coast on Monday.", "It destroyed hundreds of homes."),
        # An organisation's "it" is only resolved as a source (by attribute), not as a subject.
        ("Tesla Inc reported record sales.", "It was the best quarter in years."),
        ("Elon Musk visited Israel.", "“He is wrong,” a critic said."),
        ("Elon Musk visited Israel.", "I think the visit went well."),
    ],
    ids=["two-people", "it-without-organisation", "it-after-organisation", "inside-quotation", "first-person"],
)
def test_unsure_or_excluded_subjects_are_not_resolved(paragraphs):
    _, _, subjects = _subjects(*paragraphs)
    assert subjects[1] is None


def test_resolving_subjects_leaves_attributions_unchanged(seed_article):
    sentences = split(seed_article)
    before = attribute(seed_article, sentences)
    resolve_subjects(seed_article, sentences)
    assert attribute(seed_article, sentences) == before
