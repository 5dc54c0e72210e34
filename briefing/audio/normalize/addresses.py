"""Web and email addresses, @handles and #hashtags, said simply."""

from __future__ import annotations

import re

_TLDS = r"com|org|net|edu|gov|int|mil|co|uk|io|ai|info|news|tv|me|ly|us|eu|de|fr|il|au|ca|in|ie|nz"
_URL = re.compile(
    r"\b(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+(?:" + _TLDS + r"))\b(/[^\s]*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b([\w.+-]+)@((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE)


def urls_and_emails(text: str) -> str:
    """Say web and email addresses simply: the host with "dot", never the scheme or the path.

    >>> urls_and_emails("See bbc.co.uk or https://www.example.com/news/a-1?x=2 now.")
    'See bbc dot co dot uk or example dot com now.'
    >>> urls_and_emails("Write to press@met.police.uk today.")
    'Write to press at met dot police dot uk today.'
    """
    text = _EMAIL.sub(lambda m: f"{m.group(1).replace('.', ' dot ')} at {m.group(2).replace('.', ' dot ')}", text)

    def url(match: re.Match[str]) -> str:
        host = match.group(1)
        # "Mr.Smith" style typos are not URLs: a host needs a lower-case top-level domain.
        if not re.search(r"\.(?:" + _TLDS + r")$", host):
            return match.group(0)
        path = match.group(2) or ""
        trailing = path[-1] if path and path[-1] in ".,;:)" else ""
        return host.replace(".", " dot ") + trailing

    return _URL.sub(url, text)


def handles_and_hashtags(text: str) -> str:
    """@handles are said "at ...", #tags "hashtag ...", and "#1" is "number one".

    >>> handles_and_hashtags("Twitter/@metpoliceuk posted #StandWithIsrael, #1 trend.")
    'Twitter/ at metpoliceuk posted hashtag StandWithIsrael, number 1 trend.'
    """
    text = re.sub(r"(?<![\w@])@(\w+)", r" at \1", text)
    text = re.sub(r"(?<![\w&])#(\d)", r"number \1", text)
    return re.sub(r"(?<![\w&])#([A-Za-z]\w*)", r"hashtag \1", text)
