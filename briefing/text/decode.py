"""Reading bytes as text: size and emptiness checks, binary formats, byte-order marks and
declared charsets.

Shared by :mod:`briefing.text.extract` (files, stdin, forms) and :mod:`briefing.text.fetch`
(downloads), so that neither needs the other for its decoding.
"""

from __future__ import annotations

import codecs
import re

from ..config import BriefingConfig
from ..errors import BinaryInputError, DecodeError, EmptyInputError, InputTooLargeError

# File signatures of the binary formats people most often pass by mistake.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or EPUB file, which are ZIP archives)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)

# (BOM, codec): UTF-32 first, since its little-endian BOM starts like UTF-16's.
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def describe_binary(data: bytes) -> str | None:
    """What kind of binary file ``data`` is, or None when it may be text.

    A byte-order mark means text (UTF-16 text is full of NUL bytes); otherwise a known
    file signature, a NUL byte or many control bytes mean binary.

    >>> describe_binary(b"%PDF-1.7 ...")
    'a PDF document'
    >>> describe_binary(b"Plain words.") is None
    True
    >>> describe_binary("Ünïcode".encode("utf-16"))  # has a BOM: text
    """
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            # "MZ" and "ID3" are also the start of ordinary words: only trust them with a NUL.
            if magic in (b"MZ", b"ID3") and b"\x00" not in data[:1024]:
                continue
            return kind
    if data[4:8] == b"ftyp":
        return "an MP4 or QuickTime video"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}[data[8:12]]
    head = data[:8192]
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"a binary file (it holds NUL bytes, the first at byte {nul})"
    if head and sum(b in _CONTROL_BYTES for b in head) > len(head) * 0.05:
        return "a binary file (it holds many control characters)"
    return None


def decode_bytes(data: bytes, name: str = "the input", config: BriefingConfig | None = None) -> str:
    """The text in ``data``, after checking size, emptiness and binary formats.

    Accepts UTF-8 (with or without a BOM) and UTF-16/UTF-32 with a BOM. An HTML file
    that declares its charset in a ``<meta>`` tag is decoded with that charset. Nothing
    else is guessed: a wrong guess would show the reader garbled quotes.

    >>> decode_bytes("“Hi”".encode("utf-8-sig"))
    '“Hi”'
    >>> decode_bytes(b"caf\\xe9 au lait")
    Traceback (most recent call last):
    ...
    briefing.errors.DecodeError: The input is not UTF-8 text: byte 0xE9 at offset 3 cannot be decoded. Probable cause: it was saved in a legacy encoding such as Windows-1252 or Latin-1. Save it as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW`) and try again.
    """
    config = config or BriefingConfig()
    check_size(len(data), name, config)
    if not data.strip():
        raise EmptyInputError(f"{cap(name)} is empty: give an article's text, HTML or web address.")
    kind = describe_binary(data)
    if kind:
        raise BinaryInputError(
            f"{cap(name)} is {kind}, not text or HTML. Give the article as a text or HTML file "
            "(copy its text into a .txt file), or give its web address."
        )
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{cap(name)} starts with a {codec.upper().replace('-SIG', '')} byte-order mark but is not valid "
                    f"{codec.upper().replace('-SIG', '')} (at byte {exc.start}). Re-save it as UTF-8 and try again."
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = declared_charset(data)
        if declared:
            try:
                return data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
        raise DecodeError(
            f"{cap(name)} is not UTF-8 text: byte 0x{data[exc.start]:02X} at offset {exc.start} cannot be decoded. "
            "Probable cause: it was saved in a legacy encoding such as Windows-1252 or Latin-1. "
            "Save it as UTF-8 (for example `iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW`) and try again."
        ) from None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML document declares in a ``<meta>`` tag near its start.

    >>> declared_charset(b'<html><head><meta charset="windows-1252">')
    'windows-1252'
    """
    head = data[:4096]
    if b"<" not in head:
        return None
    m = _META_CHARSET.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def check_size(size: int, name: str, config: BriefingConfig, exact: bool = True) -> None:
    """InputTooLargeError when ``size`` bytes is over ``config.max_input_bytes``."""
    if size > config.max_input_bytes:
        said = f"{size:,} bytes" if exact else f"more than {config.max_input_bytes:,} bytes"
        raise InputTooLargeError(
            f"{cap(name)} is {said}, over the limit of {config.max_input_bytes:,} bytes. "
            "Give a single article (a news article is rarely over 100 KB), or raise max_input_bytes."
        )


def check_text(text: str, name: str, config: BriefingConfig) -> None:
    """The checks that apply to text already decoded (batch lines, web forms)."""
    # A cheap upper bound first: UTF-8 takes at most 4 bytes a character.
    if len(text) * 4 > config.max_input_bytes:
        check_size(len(text.encode("utf-8", "surrogatepass")), name, config)
    if not text.strip():
        raise EmptyInputError(f"{cap(name)} is empty: give an article's text, HTML or web address.")
    if "\x00" in text:
        raise BinaryInputError(
            f"{cap(name)} holds NUL characters, so it is binary data, not text. Give the article's text or HTML."
        )


def cap(name: str) -> str:
    """``name`` with its first letter capitalised, to start a message."""
    return name[:1].upper() + name[1:]


# ---------------------------------------------------------------------------------------
# Charsets of downloads

# WHATWG: these labels mean windows-1252 on the web (it is a superset of both).
_WEB_ALIASES = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252",
                "us-ascii": "windows-1252", "ascii": "windows-1252", "iso8859-1": "windows-1252"}


def charset_of(content_type: str) -> str | None:
    """The charset a ``Content-Type`` header names, lower case, or None."""
    m = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.I)
    return m.group(1).lower() if m else None


def codec_for(label: str | None) -> str | None:
    """Python's codec for a charset label, reading Latin-1 and ASCII as windows-1252; None if unknown."""
    if not label:
        return None
    label = _WEB_ALIASES.get(label.lower(), label.lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
