"""Errors raised by Briefing. Every message says what failed and what to do next."""

from __future__ import annotations


class BriefingError(Exception):
    """Base class: a problem with the input or the environment that the user can act on."""

    exit_code = 2


class EmptyInputError(BriefingError):
    """The input holds no article text."""


class BinaryInputError(BriefingError):
    """The input is a binary file (image, PDF, archive ...), not text or HTML."""


class DecodeError(BriefingError):
    """The input's bytes are not valid text in any encoding we accept."""


class InputTooLargeError(BriefingError):
    """The input is over the configured size limit."""


class LanguageError(BriefingError):
    """The article is not in a language Briefing supports."""


class FetchError(BriefingError):
    """A URL could not be fetched."""


class RefusedURLError(FetchError):
    """A URL was refused by the fetch rules (scheme, private address, host not allowed)."""


class ConfigError(BriefingError):
    """A configuration value is not valid."""


class VoiceError(BriefingError):
    """A voice cannot speak here (missing engine, no network, or a failed synthesis)."""
