"""Names and rare words from the CMU Pronouncing Dictionary, given to Piper as phonemes."""

from __future__ import annotations

import pytest

from briefing.audio import speak
from briefing.audio.normalize import LEXICON_ENV, for_speech
from briefing.audio.phonemes import PLACEHOLDER, arpabet_to_ipa, dictionary_ipa, in_context, with_phonemes


@pytest.fixture(scope="module")
def voices():
    with_dictionary = speak.get_voice("piper")
    return with_dictionary, speak.PiperVoice(dictionary=False)


def phonemes(voice, text: str) -> str:
    """What Piper's model is given for ``text`` (the phonemes of its first sentence)."""
    return "".join(voice.model().phonemize(with_phonemes(text) if voice.dictionary else text)[0])


def test_arpabet_becomes_the_voices_own_symbols(voices):
    voice, _ = voices
    allowed = set(voice.model().config.phoneme_id_map)
    for word in ("Broussard", "Klopp", "Peshawar", "Mondale", "Joaquin", "Padgett", "Netanyahu"):
        ipa = dictionary_ipa(word)
        assert ipa and set(ipa) <= allowed, (word, ipa)
    # Common words come out as espeak-ng itself writes them.
    for word, arpabet in (("father", "F AA1 DH ER0"), ("hello", "HH AH0 L OW1"), ("bird", "B ER1 D")):
        assert arpabet_to_ipa(arpabet.split()) == phonemes(voices[1], word).rstrip("."), word


def test_rare_names_are_said_from_the_dictionary_common_words_are_not(voices):
    with_dictionary, without = voices
    text = "Broussard's kidney went to Padgett, a stranger."
    assert with_phonemes(text) == "[[bɹuːsˈɑːɹdz]] kidney went to [[pˈædʒɪt,]] a stranger."
    assert "bɹuːsˈɑːɹdz" in phonemes(with_dictionary, text)
    assert "bɹuːsˈɑːɹdz" not in phonemes(without, text)  # espeak's own guess: bɹˈaʊsɚdz
    # Initialisms, lexicon words and words in neither are left to the other rules and espeak.
    assert with_phonemes("The CCDH, Scholz, Sholts and Qwzxvy met.") == "The CCDH, Scholz, Sholts and Qwzxvy met."


def test_piper_speaks_phonemes_but_the_script_keeps_words(voices):
    with_dictionary, without = voices
    text = for_speech("Broussard met Padgett.")
    assert "[[" not in text  # the script's spoken text (and briefing.json) stay words
    assert with_dictionary.synthesize(text).raw_data != without.synthesize(text).raw_data
    assert "cmudict" in with_dictionary.identity() and "cmudict" not in without.identity()


def test_lexicons_win_over_the_dictionary(tmp_path, monkeypatch):
    assert with_phonemes("Elon's plan.") == "[[ˈiːlɑːnz]] plan."  # the shipped lexicon's ipa entry
    mine = tmp_path / "mine.tsv"
    mine.write_text("Broussard\tbɹuːsˈɑːd\tipa\nPeshawar\tPeshower\tsay\n", encoding="utf-8")
    monkeypatch.setenv(LEXICON_ENV, str(mine))
    assert with_phonemes("Broussard's day.") == "[[bɹuːsˈɑːdz]] day."
    assert for_speech("In Peshawar.") == "In Peshower."
    assert with_phonemes(for_speech("In Peshawar.")) == "In Peshower."


def test_the_full_stop_stays_with_the_last_word(voices):
    """espeak gives no phonemes for a lone ".", and Piper then cut the name's last consonant."""
    voice, _ = voices
    assert phonemes(voice, "Today's story is about Padgett.").endswith("pˈædʒɪt.")
    assert phonemes(voice, "Padgett, Broussard and Lippert met.").startswith("pˈædʒɪt, bɹuːsˈɑːɹd ænd")


def test_espeak_reads_the_sentence_whole_around_dictionary_words(voices):
    """Piper phonemises the text between [[ ]] blocks piece by piece, and espeak stresses the
    last word of a piece as if it ended the sentence ("about" ɐbˈaʊt before a name)."""
    voice, plain = voices
    model = voice.model()
    text = "Today's story is about Broussard's agent, and Padgett. Then Lippert left."
    pieces = in_context(text, model.phonemize)
    assert pieces is not None and len(pieces) == 2  # one block per sentence
    said = "|".join("".join(p) for piece in pieces for p in model.phonemize(piece))
    plain_said = "|".join("".join(p) for p in plain.model().phonemize(text))
    assert "ɐbˌaʊt bɹuːsˈɑːɹdz" in said  # the dictionary's name, and "about" as in running speech
    assert "ɐbˌaʊt" in plain_said and "ɐbˈaʊt" in "".join(model.phonemize(with_phonemes(text))[0])
    assert "pˈædʒɪt." in said and said.count("|") == 1
    # Everything but the dictionary's words is espeak's own reading of the sentence.
    assert said.replace("bɹuːsˈɑːɹdz", "").split(" ")[:4] == plain_said.split(" ")[:4]
    # Nothing to look up, or text that holds the placeholder itself: the caller uses with_phonemes.
    assert in_context("No rare words here.", model.phonemize) is None
    assert in_context(f"{PLACEHOLDER} met Padgett.", model.phonemize) is None


def test_the_voice_speaks_the_sentence_in_context(voices, monkeypatch):
    voice, _ = voices
    given = []
    real = voice.model().synthesize
    monkeypatch.setattr(voice.model(), "synthesize", lambda text, **kw: given.append(text) or real(text, **kw))
    voice.synthesize("Today's story is about Padgett.")
    assert given == ["[[tədˈeɪz stˈɔːɹiʲ ɪz ɐbˌaʊt pˈædʒɪt.]]"]
