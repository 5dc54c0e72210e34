"""Export: ID3 tags and chapter frames, read back with mutagen."""

from __future__ import annotations

from briefing.audio import export
from briefing.audio.export import Chapter, TrackInfo
from audio_signals import SR, tone


def test_id3_tags_and_chapters_read_back(tmp_path):
    from mutagen.id3 import ID3

    path = tmp_path / "a.mp3"
    path.write_bytes(export.encode_mp3(tone(300, 4.0), SR))
    chapters = [Chapter("Introduction", 0.0, 1.2), Chapter("Point 1", 1.2, 3.0), Chapter("Source", 3.0, 4.1)]
    info = TrackInfo(
        title="Musk to visit Israel", site="The Sun", date="2023-11-24T09:00:00Z",
        source_url="https://www.thesun.co.uk/news/1", content_hash="abc",
    )
    export.write_id3(path, info, chapters)
    tags = ID3(path)
    assert tags.version[:2] == (2, 4)
    assert str(tags["TIT2"]) == "Musk to visit Israel"
    assert str(tags["TPE1"]) == "The Sun"
    assert str(tags["TALB"]) == "Briefing"
    assert str(tags["TDRC"]) == "2023-11-24"
    assert str(tags["TLAN"]) == "eng"
    assert "https://www.thesun.co.uk/news/1" in tags.getall("COMM")[0].text[0]
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == ["chp0", "chp1", "chp2"]
    chaps = sorted(tags.getall("CHAP"), key=lambda c: c.start_time)
    assert [(c.element_id, c.start_time, c.end_time, str(c.sub_frames["TIT2"])) for c in chaps] == [
        ("chp0", 0, 1200, "Introduction"),
        ("chp1", 1200, 3000, "Point 1"),
        ("chp2", 3000, 4100, "Source"),
    ]
    # The audio is still where it was: the tag sits in front of the frames.
    assert export.mp3_frames(path.read_bytes())[0].offset == export.skip_id3(path.read_bytes())


def test_chapter_frames_are_stored_in_time_order(tmp_path):
    """ffprobe (and apps that read frames in file order) lists the chapters as they are stored."""
    import json
    import shutil
    import subprocess

    from mutagen.id3 import ID3

    ffprobe = shutil.which("ffprobe")
    assert ffprobe, "ffprobe is missing: install ffmpeg (`make test` does)"
    path = tmp_path / "a.mp3"
    path.write_bytes(export.encode_mp3(tone(300, 9.0), SR))
    # Titles of very different lengths: mutagen alone stores frames by size.
    titles = ["Introduction", "Musk's visit, according to the Jerusalem Post", "X", "The CCDH on hateful posts",
              "Israel", "Netanyahu's office on the tour of Kfar Aza", "Karhi", "About this briefing"]
    chapters = [Chapter(t, float(i), float(i + 1)) for i, t in enumerate(titles)]
    export.write_id3(path, TrackInfo(title="Musk to visit Israel"), chapters)
    stored = [frame.element_id for frame in ID3(path).getall("CHAP")]
    assert stored == [f"chp{i}" for i in range(len(titles))]
    out = subprocess.run(
        [ffprobe, "-v", "error", "-show_chapters", "-of", "json", str(path)], capture_output=True, check=True, text=True
    ).stdout
    listed = json.loads(out)["chapters"]
    assert [c["tags"]["title"] for c in listed] == titles
    assert [float(c["start_time"]) for c in listed] == [float(i) for i in range(len(titles))]
