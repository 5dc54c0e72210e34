"""The plain-language rewriter from the command line: `briefing simplify` (one line in, one plain line
out; --trace) and the plain points of `briefing summarize`."""

from __future__ import annotations

import json

from briefing.cli import main


def test_cli_simplify_one_line_per_line(tmp_path, capsys):
    path = tmp_path / "in.txt"
    path.write_text("Israel and Gaza agreed a truce; hostages will be freed on Friday.\n\n"
                    "It is particularly famous for the cultivation of kiwifruit.\n", encoding="utf-8")
    assert main(["simplify", str(path)]) == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines == ["Israel and Gaza agreed a pause in fighting. Hostages will be freed on Friday.", "",
                     "It is particularly famous for the growing of kiwifruit.", ""]


def test_cli_simplify_trace(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Officials slammed the plan.\n"))
    assert main(["simplify", "--trace", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record == {"input": "Officials slammed the plan.", "text": "Officials criticised the plan.",
                      "rules": ["lexicon:slammed→criticised"], "ok": True, "reasons": [], "fallback_reason": None}


def test_cli_simplify_missing_file(capsys, tmp_path):
    assert main(["simplify", str(tmp_path / "nope.txt")]) == 2
    assert "Cannot read" in capsys.readouterr().err


def test_cli_summarize_shows_plain_then_original(capsys):
    from tests.conftest import SEED

    assert main(["summarize", str(SEED), "--points", "5"]) == 0
    out = capsys.readouterr().out
    assert "Original: " in out
    assert "faced criticism" in out
