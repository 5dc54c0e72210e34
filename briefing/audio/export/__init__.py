"""Export: loudness mastering, MP3 with ID3 tags and chapters, captions, chapters JSON, transcripts.

Everything here is a plain function of its inputs and writes nothing but what it is asked
to; ``briefing.audio.render`` decides where the files go.

One module per concern: :mod:`.track` (Chapter, TrackInfo), :mod:`.loudness` (BS.1770
loudness, true peak, compressor, limiter, :func:`master`), :mod:`.mp3` (LAME encoding, decoding,
mastering checked on the MP3, frames), :mod:`.id3` (tags and chapter frames), :mod:`.captions`
(WebVTT) and :mod:`.transcripts` (chapters JSON, transcripts as text and HTML).
"""

from .captions import Cue, caption_cues, vtt_timestamp, webvtt, wrap_caption
from .id3 import id3_date, write_id3
from .loudness import (
    SILENCE_LUFS,
    Mastering,
    compress,
    gated_loudness,
    k_weighted,
    limiter_gain,
    loudness_lufs,
    master,
    true_peak_dbtp,
    true_peak_envelope,
)
from .mp3 import (
    LAME_DELAY_SAMPLES,
    LAME_INPUT_SCALE,
    Mp3Frame,
    decode_mp3,
    encode_mp3,
    master_mp3,
    mp3_frames,
    mp3_sample_rate,
    skip_id3,
    to_int16,
)
from .track import Chapter, TrackInfo
from .transcripts import chapters_json, clock, transcript_html, transcript_text

__all__ = [
    "Chapter", "TrackInfo",
    "SILENCE_LUFS", "Mastering", "compress", "gated_loudness", "k_weighted", "limiter_gain", "loudness_lufs",
    "master", "true_peak_dbtp", "true_peak_envelope",
    "LAME_DELAY_SAMPLES", "LAME_INPUT_SCALE", "Mp3Frame", "decode_mp3", "encode_mp3", "master_mp3",
    "mp3_frames", "mp3_sample_rate", "skip_id3", "to_int16",
    "id3_date", "write_id3",
    "Cue", "caption_cues", "vtt_timestamp", "webvtt", "wrap_caption",
    "chapters_json", "clock", "transcript_html", "transcript_text",
]
