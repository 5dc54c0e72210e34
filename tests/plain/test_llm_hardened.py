"""LLM mode, hardened (issue 19), against a real HTTP server on 127.0.0.1 that plays a
model: answers that flip a meaning or add a sentence are refused by the both-way check
and replaced by the rules' version, junk and timeouts fall back, an unchanged answer
still goes through the rules, requests run in parallel behind a circuit breaker, and
`briefing summarize --rewriter llm` keeps none of the bad answers."""

from __future__ import annotations

import dataclasses
import json
import re
import threading
import time

import pytest

from briefing.cli import main
from briefing.config import BriefingConfig
from briefing.models import Attribution, KeyPoint
from briefing.plain import llm
from briefing.plain.simplify import simplify_point, simplify_sentence
from tests.conftest import SEED
from tests.plain.fake_model import ChatHandler, serve


def _flip(text: str) -> str:
    """The point with its meaning turned: a verb for its opposite, or a new verb."""
    for a, b in (("cut", "create"), ("slammed", "praised"), ("rose", "fell"), ("will", "won't")):
        if re.search(rf"\b{a}\b", text):
            return re.sub(rf"\b{a}\b", b, text, count=1)
    words = text.split()
    for i, word in enumerate(words):
        if word.isalpha() and word.islower() and len(word) > 5:
            words[i] = "worshipped"
            return " ".join(words)
    return text + " It was worshipped."


def _answer(mode: str, text: str) -> str:
    if mode == "good":
        return json.dumps({"text": text.replace(", calling", ". They called")})
    if mode == "flip":
        return json.dumps({"text": _flip(text)})
    if mode == "add sentence":
        return json.dumps({"text": text + " This is a big step towards peace in the region."})
    if mode == "junk":
        return "Sure! Here is a simpler version of your text, I hope it helps."
    if mode == "long junk":
        return json.dumps({"text": " ".join(["and"] * (3 * len(text.split()) + 20))})
    return json.dumps({"text": text})  # "unchanged"


class _Model(ChatHandler):
    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.read_body()
        server = self.server
        with server.lock:
            server.requests += 1
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
        done = False

        def leave() -> None:
            # Counted out before the answer is sent: once it is, the client may send its next
            # request before this thread runs again, which counted one request too many.
            nonlocal done
            if not done:
                done = True
                with server.lock:
                    server.in_flight -= 1

        try:
            text = json.loads(body["messages"][1]["content"])["text"]
            if server.mode == "timeout":
                time.sleep(1.0)
                text = _flip(text)  # too late to be used in any case
            elif server.mode == "http 500":
                leave()
                self.send(500, b"{}")
                return
            else:
                time.sleep(0.05)  # long enough for requests to overlap
            answer = _answer(server.mode, text)
            leave()
            self.answer(answer)
        finally:
            leave()


@pytest.fixture(scope="module")
def model():
    with serve(_Model, lock=threading.Lock(), mode="good") as httpd:
        yield httpd


@pytest.fixture
def config(model):
    model.requests = model.in_flight = model.most_in_flight = 0
    host, port = model.server_address
    return BriefingConfig(rewriter="llm", llm_base_url=f"http://{host}:{port}/v1", llm_model="fake", llm_timeout=0.3)


ARTICLE = ("The council will cut 200 jobs next year, its leader said. Unions said the cuts were wrong. "
           "Last year the council added 50 jobs and rents rose.")
POINT = KeyPoint(sentence_ids=(0,), text="The council will cut 200 jobs next year, its leader said.",
                 original="The council will cut 200 jobs next year, its leader said.", spans=((0, 57),), score=1.0,
                 attribution=Attribution(source="its leader", cue="said"))


@pytest.mark.parametrize("answer, reason", [
    ("The council will create 200 jobs next year, its leader said.", "new word: create"),
    ("The council will add 200 jobs next year, its leader said.", "antonym: add for cut"),
    ("The council will cut 200 jobs next year, its leader said. Unions are happy.", "new word: happy"),
    ("The council won't cut 200 jobs next year, its leader said.", "new negation"),
    ("The council may cut 200 jobs next year, its leader said.", "modality lost: will"),
    ("The council will cut 200 jobs, its leader said.", "time lost: year"),
])
def test_a_flipped_or_padded_answer_is_refused_and_the_rules_stand_in(answer, reason):
    config = BriefingConfig(rewriter="llm", llm_base_url="http://127.0.0.1:9/v1", llm_model="fake")
    plain = simplify_point(POINT, config, article=ARTICLE, answer=(answer, None))
    assert plain.text == simplify_sentence(POINT.text, source="its leader", keep=("said",)).text
    assert "llm" not in plain.rules_applied
    assert plain.fallback_reason.startswith("llm: ") and reason in plain.fallback_reason


def test_a_plain_answer_in_the_articles_words_ships():
    config = BriefingConfig(rewriter="llm", llm_base_url="http://127.0.0.1:9/v1", llm_model="fake")
    answer = "The council will cut 200 jobs next year. Its leader said this."
    plain = simplify_point(POINT, config, article=ARTICLE, answer=(answer, None))
    assert (plain.text, plain.rules_applied, plain.fallback_reason) == (answer, ("llm",), None)


def test_an_unchanged_answer_still_goes_through_the_rules():
    config = BriefingConfig(rewriter="llm", llm_base_url="http://127.0.0.1:9/v1", llm_model="fake")
    text = "Israeli officials previously slammed Musk for offering help."
    point = KeyPoint(sentence_ids=(0,), text=text, original=text, spans=((0, len(text)),), score=1.0)
    plain = simplify_point(point, config, answer=(text, None))
    assert plain.text == "Israeli officials earlier criticised Musk for offering help."
    assert plain.fallback_reason is None


@pytest.mark.parametrize("mode", ["flip", "add sentence", "junk", "long junk", "timeout", "http 500"])
def test_summarize_keeps_no_bad_answer(model, config, mode, monkeypatch, capsys):
    host, port = model.server_address
    monkeypatch.setenv("BRIEFING_LLM_BASE_URL", f"http://{host}:{port}/v1")
    monkeypatch.setenv("BRIEFING_LLM_MODEL", "fake")
    model.mode = mode
    assert main(["summarize", str(SEED), "--rewriter", "rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)["plain_points"]
    assert model.requests == 0
    if mode == "timeout":
        monkeypatch.setenv("BRIEFING_LLM_TIMEOUT", "0.3")
    assert main(["summarize", str(SEED), "--rewriter", "llm", "--format", "json"]) == 0
    plain = json.loads(capsys.readouterr().out)["plain_points"]
    assert [p["text"] for p in plain] == [p["text"] for p in rules]
    assert not any("llm" in p["rules_applied"] for p in plain)
    asked = [p for p in plain if "keep:quotation" not in p["rules_applied"]]
    assert asked and all(p["fallback_reason"].startswith("llm: ") for p in asked)


def test_requests_run_in_parallel_and_bounded(model, config, monkeypatch):
    monkeypatch.setenv("BRIEFING_LLM_PARALLEL", "3")
    model.mode = "unchanged"
    # A timeout long enough that a loaded machine opens no breaker: this test is about overlap.
    config = dataclasses.replace(config, llm_timeout=10.0)
    answers = llm.rewrite_all([(f"Point number {i} is here.", None) for i in range(9)], config)
    assert [a for a, _ in answers] == [f"Point number {i} is here." for i in range(9)]
    assert model.requests == 9
    assert 2 <= model.most_in_flight <= 3


def test_the_breaker_opens_after_a_few_failures(model, config, monkeypatch):
    monkeypatch.setenv("BRIEFING_LLM_PARALLEL", "1")
    model.mode = "http 500"
    answers = llm.rewrite_all([(f"Point {i}.", None) for i in range(10)], config)
    assert model.requests == llm.FAILURES_TO_OPEN
    assert all(a is None for a, _ in answers)
    assert "not asked" in answers[-1][1] and "HTTP 500" in answers[-1][1]


def test_the_breaker_opens_at_the_first_timeout(model, config, monkeypatch):
    monkeypatch.setenv("BRIEFING_LLM_PARALLEL", "2")
    monkeypatch.setattr(llm, "CONNECT_TIMEOUT", 0.3)
    model.mode = "timeout"
    answers = llm.rewrite_all([(f"Point {i}.", None) for i in range(10)], config)
    assert model.requests <= 2
    assert sum("not asked" in reason for _, reason in answers) >= 8


def test_a_closed_port_asks_a_few_times_then_uses_the_rules(monkeypatch, capsys):
    monkeypatch.setenv("BRIEFING_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("BRIEFING_LLM_MODEL", "fake")
    monkeypatch.setenv("BRIEFING_LLM_PARALLEL", "1")
    assert main(["summarize", str(SEED), "--rewriter", "llm", "--format", "json"]) == 0
    reasons = [p["fallback_reason"] for p in json.loads(capsys.readouterr().out)["plain_points"]
               if p["fallback_reason"]]
    assert sum("could not reach" in r and "not asked" not in r for r in reasons) == llm.FAILURES_TO_OPEN
    assert all("not asked" in r for r in reasons[llm.FAILURES_TO_OPEN:])


def test_an_articles_word_may_name_a_thing_but_not_replace_the_points_words():
    config = BriefingConfig(rewriter="llm", llm_base_url="http://127.0.0.1:9/v1", llm_model="fake")
    article = "Rents rose last year. The council will cut 200 jobs next year, its leader said. Unions worshipped it."
    # "worshipped" is the article's word, standing in for the point's verb: refused
    answer = "The council will worshipped 200 jobs next year, its leader said."
    plain = simplify_point(POINT, config, article=article, answer=(answer, None))
    assert "llm" not in plain.rules_applied and "new word: worshipped" in plain.fallback_reason
    # a noun of the point swapped for another word: refused
    answer = "The council will cut 200 rents next year, its leader said."
    plain = simplify_point(POINT, config, article=article, answer=(answer, None))
    assert "llm" not in plain.rules_applied and "word lost: jobs" in plain.fallback_reason
