"""BriefingConfig: every setting in one frozen dataclass, each defaulted and documented."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError

MAX_POINTS = 20  # the most key points a briefing may have (the API and its OpenAPI document read it too)


@dataclass(frozen=True)
class BriefingConfig:
    """Settings for the whole pipeline. Build a changed copy with ``config.replace(...)``."""

    points: int | None = field(
        default=None,
        metadata={"help": "Number of key points; None picks 3 to 7 from the article's length."},
    )
    ranker: str = field(default="briefing", metadata={"help": "Ranker name, a key of RANKERS."})
    max_input_bytes: int = field(
        default=2_000_000, metadata={"help": "Largest input (text, HTML or download) accepted, in bytes."}
    )
    min_english_confidence: float = field(
        default=0.5,
        metadata={"help": "Language check: refuse text whose detected language is not English."},
    )
    allow_private_urls: bool = field(
        default=False,
        metadata={"help": "Allow fetching from private, loopback and link-local addresses (tests)."},
    )
    allowed_hosts: tuple[str, ...] = field(
        default=(),
        metadata={"help": "If set, URLs and redirects may only go to these host names."},
    )
    connect_timeout: float = field(default=5.0, metadata={"help": "Seconds to connect when fetching a URL."})
    read_timeout: float = field(default=20.0, metadata={"help": "Seconds to wait for data when fetching a URL."})
    max_redirects: int = field(default=5, metadata={"help": "Redirects followed when fetching a URL."})
    user_agent: str = field(
        default="Briefing/0.1 (+https://example.invalid/briefing)",
        metadata={"help": "User-Agent header sent when fetching URLs."},
    )
    rewriter: str = field(
        default="rules",
        metadata={"help": "Plain-language rewriter: 'rules' (offline, deterministic) or 'llm' (an "
                          "OpenAI-compatible chat endpoint; every answer still passes the faithfulness check)."},
    )
    llm_base_url: str | None = field(
        default=None,
        metadata={"help": "Base URL of the OpenAI-compatible API for rewriter='llm', e.g. "
                          "http://127.0.0.1:8000/v1 (else env BRIEFING_LLM_BASE_URL)."},
    )
    llm_model: str | None = field(
        default=None, metadata={"help": "Model name sent to the LLM endpoint (else env BRIEFING_LLM_MODEL)."}
    )
    llm_api_key: str | None = field(
        default=None,
        metadata={"help": "Bearer key for the LLM endpoint (else env BRIEFING_LLM_API_KEY; none if unset)."},
    )
    llm_timeout: float = field(
        default=30.0, metadata={"help": "Seconds to wait for one LLM answer before falling back to the rules."}
    )

    def __post_init__(self) -> None:
        if self.points is not None and not 1 <= self.points <= MAX_POINTS:
            raise ConfigError(f"points must be between 1 and {MAX_POINTS}, not {self.points}: pick a smaller number.")
        if self.max_input_bytes <= 0:
            raise ConfigError("max_input_bytes must be positive.")
        if self.rewriter not in ("rules", "llm"):
            raise ConfigError(f"rewriter must be 'rules' or 'llm', not {self.rewriter!r}.")
        if self.llm_timeout <= 0:
            raise ConfigError("llm_timeout must be a positive number of seconds.")

    def replace(self, **changes: Any) -> "BriefingConfig":
        """A copy with ``changes`` applied (validated again)."""
        return replace(self, **changes)

    @classmethod
    def help(cls) -> dict[str, str]:
        """Each setting's name and help text."""
        return {f.name: f.metadata.get("help", "") for f in fields(cls)}
