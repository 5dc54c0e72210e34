"""The optional LLM rewriter: any OpenAI-compatible chat-completions endpoint.

Off by default (``BriefingConfig.rewriter = "rules"``). With ``rewriter = "llm"`` each
key point is sent on its own and the model is asked for JSON (``{"text": ...}``). Its
answer is never trusted: :func:`briefing.plain.simplify.simplify_point` runs the same
faithfulness check as for the rules and falls back point by point (to the rules'
rewrite if that passes, else to the original). Every failure here (no answer, an HTTP
error, a timeout, broken JSON) is returned as a reason, never raised, so one bad answer
costs one point its LLM rewrite and nothing else.

Settings come from the config, else from the environment: ``BRIEFING_LLM_BASE_URL``,
``BRIEFING_LLM_MODEL``, ``BRIEFING_LLM_API_KEY``; ``BRIEFING_LLM_TIMEOUT`` (seconds a
request may wait, over the config's ``llm_timeout``); ``BRIEFING_LLM_PARALLEL`` (default 4) bounds
the requests in flight for one briefing.

A briefing asks for all its points at once (:func:`rewrite_all`), at most
``BRIEFING_LLM_PARALLEL`` at a time, behind one :class:`Breaker`: after a timeout, or after
:data:`FAILURES_TO_OPEN` failed requests, the breaker opens and every point not yet asked
gets the rules at once, so a dead or stalled endpoint costs a briefing at most one timeout.
"""

from __future__ import annotations

import json
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests

from ..errors import ConfigError

__all__ = ["LLMSettings", "Breaker", "settings", "rewrite", "rewrite_all", "SYSTEM_PROMPT", "FAILURES_TO_OPEN"]

# Failed requests (no connection, HTTP errors, junk) before the breaker opens; one timeout
# opens it at once, since the next request would most likely wait as long.
FAILURES_TO_OPEN = 3
DEFAULT_PARALLEL = 4
# Seconds to wait for a connection: a closed port answers at once, a dead host never does.
CONNECT_TIMEOUT = 3.0

SYSTEM_PROMPT = (
    "You rewrite one key point of a news article in plain English for readers who find news prose hard "
    "going (reading age 12 to 14). Use short sentences (at most 15 words) and common words. Keep every "
    "name, number, date and amount. Keep every quotation word for word, inside its quotation marks. Keep "
    "who said or claimed it (the source) and keep hedges such as 'reportedly'. Do not add any fact, name "
    "or number, and do not drop a negation. Answer only with JSON: {\"text\": \"the plain version\"}."
)


@dataclass(frozen=True)
class LLMSettings:
    """Where and how to ask: resolved from the config, then the environment."""

    base_url: str
    model: str
    api_key: str | None
    timeout: float


def settings(config) -> LLMSettings:
    """The endpoint settings for ``config``, with environment fallbacks.

    Raises :class:`ConfigError` when no base URL or model is set anywhere.
    """
    base_url = config.llm_base_url or os.environ.get("BRIEFING_LLM_BASE_URL")
    model = config.llm_model or os.environ.get("BRIEFING_LLM_MODEL")
    api_key = config.llm_api_key or os.environ.get("BRIEFING_LLM_API_KEY") or None
    if not base_url:
        raise ConfigError(
            "rewriter='llm' needs an endpoint: set llm_base_url (or BRIEFING_LLM_BASE_URL) to an "
            "OpenAI-compatible API such as http://127.0.0.1:8000/v1, or use rewriter='rules'."
        )
    if not model:
        raise ConfigError("rewriter='llm' needs a model name: set llm_model (or BRIEFING_LLM_MODEL).")
    timeout = config.llm_timeout
    if os.environ.get("BRIEFING_LLM_TIMEOUT"):
        try:
            timeout = float(os.environ["BRIEFING_LLM_TIMEOUT"])
        except ValueError:
            raise ConfigError("BRIEFING_LLM_TIMEOUT must be a number of seconds, e.g. 20.") from None
    return LLMSettings(base_url.rstrip("/"), model, api_key, timeout)


def _request_body(text: str, source: str | None, model: str) -> dict:
    user = {"text": text}
    if source:
        user["source"] = source
    return {
        "model": model,
        "temperature": 0,
        "response_format": {"type": "json_object"},
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": json.dumps(user, ensure_ascii=False)},
        ],
    }


_FENCE_RE = re.compile(r"^```(?:json)?\s*(.*?)\s*```$", re.DOTALL)


def parse_answer(content: str) -> str:
    """The plain text from the model's message: JSON ``{"text": ...}``, also inside a
    Markdown code fence. Raises ValueError with what was wrong.

    >>> parse_answer('{"text": "Musk will visit Israel."}')
    'Musk will visit Israel.'
    >>> parse_answer('```json\\n{"text": "Hi."}\\n```')
    'Hi.'
    """
    content = content.strip()
    fenced = _FENCE_RE.match(content)
    if fenced:
        content = fenced.group(1)
    data = json.loads(content)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or not data["text"].strip():
        raise ValueError('the JSON has no non-empty "text" string')
    return " ".join(data["text"].split())


class Breaker:
    """A circuit breaker shared by the requests of one briefing (thread-safe): open after
    a timeout or :data:`FAILURES_TO_OPEN` failures; once open it stays open."""

    def __init__(self, failures_to_open: int = FAILURES_TO_OPEN) -> None:
        self._lock = threading.Lock()
        self._failures = 0
        self._limit = failures_to_open
        self.open_reason: str | None = None

    def record(self, reason: str | None, *, timed_out: bool = False) -> None:
        """Count a failed request (``reason`` not None); a timeout opens the breaker at once."""
        if reason is None:
            return
        with self._lock:
            self._failures += 1
            if self.open_reason is None and (timed_out or self._failures >= self._limit):
                self.open_reason = reason


def _parallel() -> int:
    try:
        return max(1, int(os.environ.get("BRIEFING_LLM_PARALLEL", DEFAULT_PARALLEL)))
    except ValueError:
        return DEFAULT_PARALLEL


def rewrite_all(items: list[tuple[str, str | None]], config) -> list[tuple[str | None, str | None]]:
    """:func:`rewrite` for each ``(text, source)``, in parallel (bounded) behind one
    :class:`Breaker`; the answers in the order asked."""
    settings(config)  # a missing setting is the caller's to fix: say so before any request
    breaker = Breaker()
    if not items:
        return []
    with ThreadPoolExecutor(max_workers=min(_parallel(), len(items))) as pool:
        return list(pool.map(lambda item: rewrite(item[0], source=item[1], config=config, breaker=breaker), items))


def rewrite(text: str, *, source: str | None, config, breaker: Breaker | None = None) -> tuple[str | None, str | None]:
    """Ask the endpoint for a plain version of ``text``: ``(rewrite, None)``, or
    ``(None, reason)`` when there is no usable answer. With an open ``breaker`` nothing
    is asked and the reason says why."""
    if breaker is not None and breaker.open_reason is not None:
        return None, f"not asked: the endpoint failed earlier in this briefing ({breaker.open_reason})"
    answer, reason, timed_out = _ask(text, source, config)
    if breaker is not None:
        breaker.record(reason, timed_out=timed_out)
    return answer, reason


def _ask(text: str, source: str | None, config) -> tuple[str | None, str | None, bool]:
    s = settings(config)
    headers = {"Content-Type": "application/json"}
    if s.api_key:
        headers["Authorization"] = f"Bearer {s.api_key}"
    url = f"{s.base_url}/chat/completions"
    try:
        response = requests.post(url, json=_request_body(text, source, s.model), headers=headers,
                                 timeout=(min(CONNECT_TIMEOUT, s.timeout), s.timeout))
    except requests.Timeout:
        return None, f"no answer from {url} within {s.timeout:g} s", True
    except requests.RequestException as exc:
        return None, f"could not reach {url}: {exc.__class__.__name__}", False
    if response.status_code != 200:
        return None, f"HTTP {response.status_code} from {url}", False
    try:
        content = response.json()["choices"][0]["message"]["content"]
        return parse_answer(content), None, False
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        return None, f"answer is not the JSON asked for ({exc.__class__.__name__}: {str(exc)[:80]})", False
