"""The optional LLM rewriter against a fake OpenAI-compatible server on 127.0.0.1: good
answers ship, bad ones (a number dropped, a quote changed, a source swapped) fall back
point by point, and broken JSON, HTTP errors and timeouts fall back to the rules."""

from __future__ import annotations

import json
import threading
import time

import pytest

from briefing.config import BriefingConfig
from briefing.errors import ConfigError
from briefing.plain.llm import parse_answer, rewrite, settings
from briefing.models import Attribution, KeyPoint
from briefing.plain.simplify import simplify_point
from tests.plain.fake_model import ChatHandler, serve

POINT = KeyPoint(
    sentence_ids=(4,),
    text="Israeli officials previously slammed Musk for offering help to 200 aid groups, calling it “a disgrace”.",
    original="Israeli officials previously slammed Musk for offering help to 200 aid groups, calling it “a disgrace”.",
    spans=((0, 100),),
    score=1.0,
    attribution=Attribution(source="Israeli officials", cue="slammed"),
)
RULES_TEXT = "Israeli officials earlier slammed Musk for offering help to 200 aid groups. Israeli officials called it “a disgrace”."
RULES_APPLIED = ("lexicon:previously→earlier", "split:participle:call")

ANSWERS = {
    "good": "Israeli officials slammed Musk. He offered help to 200 aid groups. They called it “a disgrace”.",
    "number dropped": "Israeli officials slammed Musk. He offered help to aid groups. They called it “a disgrace”.",
    "quote changed": "Israeli officials slammed Musk for helping 200 aid groups. They called it “a shame”.",
    "source swapped": "Hamas slammed Musk for offering help to 200 aid groups, calling it “a disgrace”.",
}


class _Handler(ChatHandler):
    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.read_body()
        self.server.requests.append({"path": self.path, "body": body,
                                     "auth": self.headers.get("Authorization")})
        mode = self.server.mode
        if mode == "timeout":
            time.sleep(1.0)
        if mode == "http 500":
            self.send(500, b'{"error": "overloaded"}')
            return
        if mode == "broken json":
            content = '{"text": "Israeli officials slammed'
        elif mode == "fenced":
            content = "```json\n" + json.dumps({"text": ANSWERS["good"]}) + "\n```"
        else:
            content = json.dumps({"text": ANSWERS.get(mode, ANSWERS["good"])})
        self.answer(content)


@pytest.fixture(scope="module")
def server():
    with serve(_Handler, requests=[], mode="good") as httpd:
        yield httpd


@pytest.fixture
def config(server):
    server.requests.clear()
    host, port = server.server_address
    return BriefingConfig(rewriter="llm", llm_base_url=f"http://{host}:{port}/v1", llm_model="fake-model",
                          llm_api_key="sk-test", llm_timeout=0.3)


def test_good_answer_ships(server, config):
    server.mode = "good"
    plain = simplify_point(POINT, config)
    assert plain.text == ANSWERS["good"]
    assert plain.rules_applied == ("llm",)
    assert plain.fallback_reason is None
    request = server.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    assert request["auth"] == "Bearer sk-test"
    assert request["body"]["model"] == "fake-model"
    assert request["body"]["response_format"] == {"type": "json_object"}
    assert json.loads(request["body"]["messages"][1]["content"]) == {"text": POINT.text,
                                                                     "source": "Israeli officials"}


def test_fenced_json_is_accepted(server, config):
    server.mode = "fenced"
    assert simplify_point(POINT, config).text == ANSWERS["good"]


@pytest.mark.parametrize("mode, reason", [
    ("number dropped", "number 200 missing"),
    ("quote changed", "quote changed: “a disgrace”"),
    ("source swapped", "source missing: Israeli officials"),
    ("broken json", "answer is not the JSON asked for"),
    ("http 500", "HTTP 500 from"),
    ("timeout", "no answer from"),
])
def test_an_unfaithful_or_unusable_answer_falls_back_to_the_rules(server, config, mode, reason):
    server.mode = mode
    plain = simplify_point(POINT, config)
    assert plain.text == RULES_TEXT
    assert plain.rules_applied == RULES_APPLIED
    assert plain.fallback_reason.startswith("llm: ")
    assert reason in plain.fallback_reason


def test_unreachable_endpoint(config):
    closed = config.replace(llm_base_url="http://127.0.0.1:9/v1")
    text, reason = rewrite("Officials slammed Musk.", source=None, config=closed)
    assert text is None and "could not reach" in reason


def test_settings_from_environment(monkeypatch):
    monkeypatch.setenv("BRIEFING_LLM_BASE_URL", "http://127.0.0.1:8000/v1/")
    monkeypatch.setenv("BRIEFING_LLM_MODEL", "m")
    monkeypatch.delenv("BRIEFING_LLM_API_KEY", raising=False)
    s = settings(BriefingConfig(rewriter="llm"))
    assert (s.base_url, s.model, s.api_key) == ("http://127.0.0.1:8000/v1", "m", None)


def test_missing_settings_say_what_to_do(monkeypatch):
    monkeypatch.delenv("BRIEFING_LLM_BASE_URL", raising=False)
    with pytest.raises(ConfigError, match="llm_base_url"):
        settings(BriefingConfig(rewriter="llm"))


def test_config_validates_rewriter():
    with pytest.raises(ConfigError, match="rewriter"):
        BriefingConfig(rewriter="gpt")
    assert BriefingConfig().rewriter == "rules"


@pytest.mark.parametrize("content", ['{"text": ""}', '["a"]', "plain text", '{"answer": "x"}'])
def test_parse_answer_rejects(content):
    with pytest.raises(ValueError):
        parse_answer(content)
