"""Importing nltk without scipy, which a cold ``briefing make`` would otherwise spend 1.2 s on."""

from __future__ import annotations

import sys


def import_nltk() -> None:
    """Import ``nltk`` with ``scipy`` hidden, unless either is already imported.

    ``import nltk`` imports every part of nltk, and some parts reach for their optional
    helpers at once: Fisher's exact test (``scipy.stats``), a transition parser (``scipy.sparse``,
    scikit-learn). Each is imported inside ``try ... except ImportError`` and replaced by a stub
    when missing. We use none of them, and ``scipy.stats`` alone took 1.2 of the 1.75 s that
    importing nltk took (measured on this machine; the briefing's whole budget is 10 s). A
    ``None`` in ``sys.modules`` makes ``import scipy`` fail for the moment nltk loads; scipy is
    importable again straight after, for whoever needs it.
    """
    if "nltk" in sys.modules or "scipy" in sys.modules:
        return  # too late to save anything, or scipy is in use: import as usual
    sys.modules["scipy"] = None  # type: ignore[assignment]
    try:
        import nltk  # noqa: F401 (imported for its side effect: nltk is loaded for good)
    finally:
        del sys.modules["scipy"]
