"""Speech normalisation: each rule through for_speech, a second pass changing nothing, the registry."""

from __future__ import annotations

import pytest

from briefing.audio.normalize import ADDS_WORDS, NORMALIZERS, PRONUNCIATION_ONLY, for_speech, words_meant


# (written, spoken): one case per rule, as for_speech says the whole sentence.
CASES = [
    ("It cost 1,200 pounds.", "It cost one thousand two hundred pounds."),
    ("Prices rose 2.5 times.", "Prices rose two point five times."),
    ("A shooting in Pittsburgh in 2018.", "A shooting in Pittsburgh in twenty eighteen."),
    ("Children aged 10-12 went.", "Children aged ten to twelve went."),
    ("The deal is worth $5m.", "The deal is worth five million dollars."),
    ("It lost £1.2bn last year.", "It lost one point two billion pounds last year."),
    ("Tickets cost €300.", "Tickets cost three hundred euros."),
    ("Support fell 10%.", "Support fell ten percent."),
    ("On November 15 he replied.", "On November fifteenth he replied."),
    ("The massacre on October 7 shocked.", "The massacre on October seventh shocked."),
    ("Since Oct. 7 the war went on.", "Since October seventh the war went on."),
    ("Published 15/11/2023 in print.", "Published the fifteenth of November twenty twenty three in print."),
    ("It opens at 10:30am today.", "It opens at ten thirty a.m. today."),
    ("It closes at 9pm.", "It closes at nine p.m."),
    ("She came 7th of 21.", "She came seventh of twenty one."),
    ("The CCDH found posts.", "The CCDH found posts."),
    ("Channel N12 said so.", "Channel N twelve said so."),
    ("He posted on X/Twitter today.", "He posted on X, formerly Twitter, today."),
    ("Mr Smith met Dr. Jones.", "Mister Smith met Doctor Jones."),
    ("The US and UK agreed on AI.", "The U.S. and U.K. agreed on A.I."),
    ("NASA and NATO met.", "Nasa and Nato met."),
    ("The IDB and RNLI met.", "The I.D.B. and R.N.L.I. met."),
    ("Police posted as @metpoliceuk on the site.", "Police posted as at metpoliceuk on the site."),
    ("See bbc.co.uk for more.", "See bbc dot co dot uk for more."),
    ("Mail press@example.com now.", "Mail press at example dot com now."),
    ("Salt & pepper + tax = 5 #Win.", "Salt and pepper plus tax equals five hashtag Win."),
    ("It was 30°C outside.", "It was thirty degrees Celsius outside."),
    ("ELON Musk is due in Israel.", "Elon Musk is due in Israel."),
    ("NHS staff went on strike.", "NHS staff went on strike."),
    ("The UN and EU met.", "The U.N. and E.U. met."),
    ("The 52-year-old flew in.", "The fifty two-year-old flew in."),
    ("In the 1990s it grew.", "In the nineteen nineties it grew."),
    ("King Charles III spoke.", "King Charles the Third spoke."),
    ("Scholz went to the Knesset.", "Sholts went to the Kenesset."),
]


@pytest.mark.parametrize(("written", "spoken"), CASES, ids=[c[0] for c in CASES])
def test_for_speech(written, spoken):
    assert for_speech(written) == spoken


@pytest.mark.parametrize("written", [c[0] for c in CASES])
def test_for_speech_is_stable(written):
    # The script may be normalised again downstream: a second pass changes nothing.
    once = for_speech(written)
    assert for_speech(once) == once


def test_every_normalizer_has_a_doctest():
    for step in NORMALIZERS:
        assert step.__doc__ and ">>>" in step.__doc__, step.__name__


def test_normalizer_sets_are_members():
    assert PRONUNCIATION_ONLY <= set(NORMALIZERS)
    assert ADDS_WORDS <= set(NORMALIZERS)


def test_words_meant_keeps_the_written_names():
    assert words_meant("Scholz told the CCDH on Oct. 7.") == "Scholz told the CCDH on October seventh."
