"""ID3v2.4 tags and CHAP/CTOC chapter frames in the MP3."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from .track import Chapter, TrackInfo

_ISO639_2 = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "nl": "nld", "pt": "por"}


def id3_date(value: str | None) -> str | None:
    """The ISO date part of ``value`` that ID3v2.4's TDRC accepts.

    >>> id3_date("2023-11-24T10:00:00+00:00")
    '2023-11-24'
    >>> id3_date("Friday") is None
    True
    """
    if not value:
        return None
    match = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", value.strip())
    return match.group(0) if match else None


def _in_order_tags():
    """An empty mutagen ``ID3`` that writes its frames in the order they were added.

    mutagen sorts frames on save by a priority and then by their size, so CHAP frames land
    out of time order (chp0, chp7, chp6, chp1 ...). The CTOC lists them rightly, but ffprobe
    and the podcast apps that read CHAP frames in file order show the chapters scrambled.
    """
    # Deferred: only tagging needs mutagen.
    from mutagen.id3 import ID3
    from mutagen.id3._tags import save_frame  # mutagen's own frame writer (no public name)

    class InOrderID3(ID3):
        def _write(self, config):  # noqa: ANN001, ANN202 - mutagen's hook
            return bytearray().join(save_frame(frame, config=config) for frame in self.values())

    return InOrderID3()


def write_id3(path: Path, info: TrackInfo, chapters: Sequence[Chapter]) -> None:
    """Write ID3v2.4 tags and CHAP/CTOC chapter frames into the MP3 file at ``path``:
    the title first, and the CHAP frames after the CTOC in time order."""
    # Deferred: only tagging needs mutagen.
    from mutagen.id3 import CHAP, COMM, CTOC, TALB, TDRC, TIT2, TLAN, TPE1, TSSE, TXXX, WOAS, CTOCFlags

    lang3 = _ISO639_2.get(info.language, info.language if len(info.language) == 3 else "eng")
    tags = _in_order_tags()
    tags.add(TIT2(encoding=3, text=[info.title]))
    tags.add(TPE1(encoding=3, text=[info.site or "Briefing"]))
    tags.add(TALB(encoding=3, text=["Briefing"]))
    date = id3_date(info.date)
    if date:
        tags.add(TDRC(encoding=3, text=[date]))
    tags.add(TLAN(encoding=3, text=[lang3]))
    if info.source_url:
        tags.add(COMM(encoding=3, lang=lang3, desc="", text=[f"Summarised automatically from {info.source_url}"]))
        tags.add(WOAS(url=info.source_url))
    if info.encoder:
        tags.add(TSSE(encoding=3, text=[info.encoder]))
    if info.content_hash:
        tags.add(TXXX(encoding=3, desc="briefing content hash", text=[info.content_hash]))
    ids = [f"chp{i}" for i in range(len(chapters))]
    tags.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text=["Chapters"])],
        )
    )
    for element_id, chapter in sorted(zip(ids, chapters), key=lambda pair: pair[1].start):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=int(round(chapter.start * 1000)),
                end_time=int(round(chapter.end * 1000)),
                # 0xFFFFFFFF: "use the times, not byte offsets" (ID3v2 chapter addendum).
                start_offset=0xFFFFFFFF,
                end_offset=0xFFFFFFFF,
                sub_frames=[TIT2(encoding=3, text=[chapter.title])],
            )
        )
    tags.save(str(path), v2_version=4)
