"""Extraction refuses bad input with one line that names the problem and the next step:
empty, binary, undecodable, too large, missing, and not English.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from briefing import cli
from briefing.config import BriefingConfig
from briefing.errors import (
    BinaryInputError,
    BriefingError,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
    LanguageError,
    RefusedURLError,
)
from briefing.text.extract import detect_language, extract, read_source, source_from_text


DATA = Path(__file__).parents[1] / "data"


CONFIG = BriefingConfig()


ENGLISH = (
    "The city council approved plans for a new public library on Tuesday, ending a debate that lasted "
    "three years. The mayor said the library would open in 2026 and cost about four million pounds. "
    "Residents who opposed the plan said they would keep campaigning for a cheaper design."
)


FOREIGN = {
    "French": "Le conseil municipal a approuvé mardi les plans d'une nouvelle bibliothèque publique, mettant fin "
    "à un débat qui durait depuis trois ans. Le maire a déclaré que la bibliothèque ouvrirait en 2026 et "
    "coûterait environ quatre millions d'euros. Les habitants qui s'opposaient au projet ont affirmé qu'ils "
    "continueraient à se battre pour un projet moins cher.",
    "German": "Der Stadtrat hat am Dienstag die Pläne für eine neue öffentliche Bibliothek genehmigt und damit "
    "eine Debatte beendet, die drei Jahre gedauert hatte. Der Bürgermeister sagte, die Bibliothek werde im "
    "Jahr 2026 eröffnet und etwa vier Millionen Euro kosten. Anwohner, die gegen den Plan waren, kündigten "
    "an, weiter für einen günstigeren Entwurf zu kämpfen.",
    "Spanish": "El ayuntamiento aprobó el martes los planes para una nueva biblioteca pública, poniendo fin a un "
    "debate que había durado tres años. El alcalde dijo que la biblioteca abriría en 2026 y costaría unos "
    "cuatro millones de euros. Los vecinos que se oponían al plan dijeron que seguirían luchando por un "
    "diseño más barato.",
}


# English news heavy with foreign names: a character model alone calls these German and Spanish.
NAME_HEAVY = [
    "Jürgen Klopp's Borussia Dortmund beat Bayern München 2-1 at the Westfalenstadion, with Robert Lewandowski, "
    "Mats Hummels, Marco Reus and Ilkay Gündogan all starring. Klopp said Lewandowski, Błaszczykowski and "
    "Piszczek were superb. Bayern's Jupp Heynckes blamed Manuel Neuer, Jérôme Boateng and Bastian "
    "Schweinsteiger. Hans-Joachim Watzke and Karl-Heinz Rummenigge met in Düsseldorf.",
    "Andrés Manuel López Obrador met Luiz Inácio Lula da Silva, Gustavo Petro, Gabriel Boric and Alberto "
    "Fernández in Ciudad de México on Tuesday. López Obrador said Petro and Boric backed the Alianza del "
    "Pacífico plan. Fernández flew from Buenos Aires via São Paulo. Xóchitl Gálvez, Claudia Sheinbaum and "
    "Marcelo Ebrard sent Mexico's regards.",
]


def _write(tmp_path: Path, data: bytes, name: str = "article.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", "\ufeff".encode("utf-8") + b"\n"])
def test_empty_input(tmp_path, data):
    with pytest.raises(EmptyInputError, match="empty"):
        source = read_source(_write(tmp_path, data), CONFIG)
        extract(source, CONFIG)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"Some text\x00with a NUL byte", "NUL"),
    ],
)
def test_binary_input(tmp_path, data, kind):
    with pytest.raises(BinaryInputError, match=kind) as err:
        read_source(_write(tmp_path, data), CONFIG)
    assert "text or HTML" in str(err.value)


def test_undecodable_bytes(tmp_path):
    data = "The minister said: “No.” It cost €4m.".encode("cp1252")
    with pytest.raises(DecodeError, match=r"not UTF-8 .* byte 0x93 at offset 19.*Windows-1252.*iconv"):
        read_source(_write(tmp_path, data), CONFIG)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_unicode_with_bom_is_read(tmp_path, codec):
    text = "He said: “Nothing could be further from the truth.”"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    source = read_source(_write(tmp_path, data), CONFIG)
    assert source.data == text


def test_html_declaring_a_legacy_charset_is_decoded(tmp_path):
    source = read_source(str(DATA / "legacy-1252.html"), CONFIG)
    article = extract(source, CONFIG)
    assert article.paragraphs[0].startswith("The minister said: “We will not back down.”")
    assert "€400 million" in article.paragraphs[0]


def test_too_large_file_says_size_and_limit(tmp_path):
    config = BriefingConfig(max_input_bytes=1000)
    with pytest.raises(InputTooLargeError, match=r"1,500 bytes, over the limit of 1,000 bytes"):
        read_source(_write(tmp_path, b"word " * 300), config)


def test_too_large_text_and_stdin(monkeypatch):
    config = BriefingConfig(max_input_bytes=1000)
    with pytest.raises(InputTooLargeError, match="over the limit of 1,000 bytes"):
        source_from_text("é" * 600, config)  # 1,200 bytes in UTF-8
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    with pytest.raises(InputTooLargeError, match="more than 1,000 bytes"):
        read_source("-", config)


def test_missing_file_and_bad_scheme(tmp_path):
    with pytest.raises(BriefingError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"), CONFIG)
    with pytest.raises(RefusedURLError, match="only http and https"):
        read_source("ftp://example.com/a.txt", CONFIG)
    with pytest.raises(RefusedURLError, match="only http and https"):
        read_source("file:///etc/passwd", CONFIG)


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_other_language_is_refused_by_name(language):
    with pytest.raises(LanguageError, match=rf"looks like {language} \(\w\w, confidence [01]\.\d\d\).*English"):
        extract(source_from_text(FOREIGN[language]), CONFIG)


@pytest.mark.parametrize("text", NAME_HEAVY)
def test_english_heavy_with_names_is_accepted(text):
    assert extract(source_from_text(text), CONFIG).language == "en"


def test_short_text_is_not_judged():
    assert detect_language("Le maire a parlé mardi.") is None
    assert extract(source_from_text("Le maire a parlé mardi."), CONFIG).language == "en"


def test_stdin_is_read(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode("utf-8"))))
    source = read_source("-", CONFIG)
    assert (source.kind, source.data) == ("text", ENGLISH)


def test_cli_refuses_with_one_line_and_no_output(tmp_path, capsys):
    path = _write(tmp_path, FOREIGN["French"].encode("utf-8"))
    assert cli.main(["summarize", path]) != 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "French" in err
    assert cli.main(["summarize", _write(tmp_path, b"\x89PNG\r\n\x1a\n\x00", "x.png")]) != 0
    out, err = capsys.readouterr()
    assert out == "" and "PNG image" in err
