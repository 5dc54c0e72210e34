"""Voices: the registry, real Piper synthesis, espeak-ng when installed, gTTS through `responses`."""

from __future__ import annotations

import base64
import threading

import numpy as np
import pytest
import requests
import responses

from briefing.audio import speak
from briefing.cli import main
from briefing.errors import VoiceError
from briefing.audio.export import encode_mp3

GTTS_URL = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"


def gtts_body(mp3: bytes) -> str:
    """A batchexecute answer carrying ``mp3``, as Google Translate sends it (see KNOWN-TRAPS)."""
    b64 = base64.b64encode(mp3).decode("ascii")
    return ")]}'\n\n" + '[["wrb.fr","jQ1olc","[\\"' + b64 + '\\"]",null,null,null,"generic"]]'


def fake_mp3(seconds: float = 1.0, rate: int = 24000) -> bytes:
    """A real MP3 of a tone at gTTS's own rate."""
    t = np.arange(int(seconds * rate)) / rate
    return encode_mp3(0.3 * np.sin(2 * np.pi * 220 * t), rate, 32)


@pytest.fixture(scope="session")
def piper():
    """The shared Piper voice, loaded once for the whole test session."""
    voice = speak.get_voice("piper")
    ok, why = voice.available()
    if not ok:
        pytest.fail(f"the default voice must work offline: {why}")
    voice.model()
    return voice


# --- registry -------------------------------------------------------------------------------


def test_registry_has_one_class_per_voice():
    assert list(speak.VOICES) == ["piper", "espeak", "gtts"]
    for name, cls in speak.VOICES.items():
        assert issubclass(cls, speak.Voice) and cls.name == name and cls.description
    assert speak.DEFAULT_VOICE == "piper"
    assert speak.get_voice("piper") is speak.get_voice("piper")


def test_unknown_voice_says_which_exist():
    with pytest.raises(VoiceError, match="piper, espeak, gtts"):
        speak.get_voice("alexa")


# --- piper ----------------------------------------------------------------------------------


def test_piper_speaks_a_sentence(piper):
    audio = piper.synthesize("Musk will meet President Isaac Herzog.")
    assert (audio.frame_rate, audio.channels, audio.sample_width) == (22050, 1, 2)
    assert 1.0 < audio.duration_seconds < 5.0
    samples = np.frombuffer(audio.raw_data, dtype=np.int16)
    assert np.abs(samples).max() > 3000  # real speech, not silence


def test_piper_is_loaded_once_and_repeatable(piper):
    assert piper.model() is speak.get_voice("piper").model()
    text = "They found two hundred posts."
    assert piper.synthesize(text).raw_data == piper.synthesize(text).raw_data  # noise scales are 0


def test_piper_speaks_a_long_sentence_in_pieces_cut_where_a_reader_breathes(piper, monkeypatch):
    # A long sentence is given to Piper in pieces (its working memory grows with what it says
    # at once); the pieces are cut at the commas and together say all of it, at about the pace
    # of the sentence spoken whole.
    text = (
        "The merger of the big newspaper chains Gannett and GateHouse Media, which became final on "
        "Tuesday after a long review, will create a stronger and more viable print and digital news "
        "enterprise, the two companies said in a joint statement to their shareholders."
    )
    pieces = speak.text_pieces(text)
    assert len(pieces) >= 2 and all(len(p) <= speak.MAX_PIECE for p in pieces)
    assert all(p.endswith((",", ".")) for p in pieces)
    assert " ".join(pieces) == text
    in_pieces = piper.synthesize(text)
    monkeypatch.setattr(speak, "text_pieces", lambda t, limit=0: [t])
    whole = piper.synthesize(text)
    assert 0.85 < in_pieces.duration_seconds / whole.duration_seconds < 1.15


def test_piper_is_thread_safe(piper):
    texts = ["The tech boss came under fire.", "He denied it."]
    expected = [piper.synthesize(t).raw_data for t in texts]
    results: dict[int, bytes] = {}

    def speak_one(i: int) -> None:
        results[i] = piper.synthesize(texts[i]).raw_data

    threads = [threading.Thread(target=speak_one, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[0], results[1]] == expected


def test_piper_keeping_its_memory_says_the_same(piper, monkeypatch):
    """keep_voice_memory (briefing make) only stops the arena giving memory back after each
    run: what the voice says is the same to the byte, before and after, from two threads too."""
    texts = ["The tech boss came under fire over the posts.", "He denied it."]
    shrinking = [piper.synthesize(t).raw_data for t in texts]
    monkeypatch.setattr(speak, "_ARENA_SHRINKS", True)
    speak.keep_voice_memory()
    assert speak._ARENA_SHRINKS is False
    results: dict[int, bytes] = {}
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, piper.synthesize(texts[i]).raw_data)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[0], results[1]] == shrinking


def test_piper_says_which_sentence_it_cannot_speak(piper):
    with pytest.raises(VoiceError, match=r"could not speak the sentence '\.\.\.'"):
        piper.synthesize("... ")
    with pytest.raises(VoiceError, match="empty sentence"):
        piper.synthesize("   ")


def test_piper_identity_names_model_and_settings(piper):
    identity = piper.identity()
    assert "en_US-joe-medium.onnx" in identity and "noise 0.0/0.0" in identity and "piper-tts 1.8.0" in identity


# --- espeak ---------------------------------------------------------------------------------


@pytest.mark.skipif(speak.EspeakVoice.program() is None, reason="espeak-ng is not installed (apt-get install espeak-ng)")
def test_espeak_speaks_a_sentence():
    voice = speak.get_voice("espeak")
    assert voice.available()[0]
    audio = voice.synthesize("-v Elon Musk will visit Israel next week.")  # a leading dash is text, not an option
    assert audio.channels == 1 and audio.sample_width == 2
    assert 1.5 < audio.duration_seconds < 6.0
    assert "espeak-ng" in voice.identity()


def test_espeak_missing_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no espeak-ng on it
    voice = speak.EspeakVoice()
    ok, why = voice.available()
    assert not ok and "apt-get install espeak-ng" in why
    with pytest.raises(VoiceError, match="needs the espeak-ng program.*--voice piper"):
        voice.synthesize("Hello.")


# --- gtts (no network: `responses` answers for Google) ------------------------------------------


def test_gtts_speaks_through_google():
    voice = speak.GttsVoice()
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, GTTS_URL, body=gtts_body(fake_mp3(1.0)))
        audio = voice.synthesize("Elon Musk will visit Israel next week.")
        assert len(mock.calls) == 1
        assert "Elon" in str(mock.calls[0].request.body)
    assert audio.frame_rate == 24000 and audio.channels == 1
    assert audio.duration_seconds == pytest.approx(1.0, abs=0.15)


def test_gtts_offline_says_network_is_needed_and_suggests_piper():
    voice = speak.GttsVoice()
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, GTTS_URL, body=requests.ConnectionError("no route to host"))
        with pytest.raises(VoiceError) as info:
            voice.synthesize("Elon Musk will visit Israel next week.")
    message = str(info.value)
    assert "needs the internet" in message and "--voice piper" in message and "Failed to connect" in message


def test_gtts_availability_probes_the_network():
    voice = speak.GttsVoice()
    with responses.RequestsMock() as mock:
        mock.add(responses.HEAD, speak.GTTS_PROBE_URL, body=requests.ConnectionError("offline"))
        ok, why = voice.available()
    assert not ok and "internet" in why and "piper" in why
    with responses.RequestsMock() as mock:
        mock.add(responses.HEAD, speak.GTTS_PROBE_URL, status=200)
        assert voice.available()[0]


# --- `briefing voices` --------------------------------------------------------------------------


def test_voices_command_lists_each_voice_and_why(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # hide espeak-ng, whether or not it is installed
    with responses.RequestsMock() as mock:
        mock.add(responses.HEAD, speak.GTTS_PROBE_URL, body=requests.ConnectionError("offline"))
        assert main(["voices"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("piper") and "works here: yes" in lines[0] and "(default)" in lines[0]
    assert lines[2].startswith("espeak") and "works here: no" in lines[2]
    assert "apt-get install espeak-ng" in lines[3]
    assert lines[4].startswith("gtts") and "works here: no" in lines[4]
    assert "needs the internet" in lines[5]


def test_each_voice_is_given_its_own_spoken_form():
    from briefing.audio.speak import get_voice

    text = "All 11 members aged 59 to 84 died on Oct. 7."
    assert get_voice("piper").speech(text) == "All eleven members aged fifty nine to eighty four died on October seventh."
    # espeak-ng reads digits itself, better than our number words (bench intelligibility).
    assert get_voice("espeak").speech(text) == "All 11 members aged 59 to 84 died on October seventh."
    assert get_voice("gtts").speech(text) == get_voice("piper").speech(text)
