"""The names set of ``bench/intelligibility``: people, places and organisations of the news.

Fixed rule (:func:`pick_names`): spaCy's ``en_core_web_sm`` finds the named entities
(PERSON, GPE, LOC, ORG, NORP, FAC) of every article of ``../shared/eval/news/*dev*.jsonl``;
a name counts when it is one to three words, has lower-case letters (initialisms are
another matter) and is found in at least :data:`MIN_ARTICLES` articles, so that a listener
and the recogniser can know it. Of those, the :data:`COUNT` whose SHA-1 is smallest are
taken: a sample spread over common and rare names that no one chose by hand.

Each name is said in the same short carrier sentence (:data:`CARRIER`). A name is heard
right when the recogniser's text contains it (``bench.intelligibility.heard_right``).

The entities are cached in ``$XDG_CACHE_HOME/briefing/bench-names.json`` (outside the
repository: it is derived from evaluation data), keyed by the files' sizes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path

from bench._common import EVAL, read_jsonl

MIN_ARTICLES = 3
COUNT = 150
LABELS = ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC")
CARRIER = "Today's story is about {name}."


def dev_files() -> list[Path]:
    """The news dev sets, in name order."""
    return sorted((EVAL / "news").glob("*dev*.jsonl"))


def _cache_path(files: list[Path]) -> Path:
    key = hashlib.sha1(json.dumps([(f.name, f.stat().st_size) for f in files]).encode()).hexdigest()[:12]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefing"
    return cache / f"bench-names-{key}.json"


def _clean(name: str) -> str | None:
    name = " ".join(name.split())
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = re.sub(r"['’]s$", "", name)
    words = name.split()
    if not 1 <= len(words) <= 3:
        return None
    if not all(re.fullmatch(r"[A-Z][A-Za-z'’.-]*[a-z][A-Za-z'’.-]*|[A-Z][a-z]?\.?|of|de|van|von|al|bin", w) for w in words):
        return None
    return name


def article_counts(files: list[Path] | None = None) -> Counter:
    """How many articles of ``files`` name each entity (cached; see the module doc)."""
    files = files if files is not None else dev_files()
    cache = _cache_path(files)
    if cache.is_file():
        return Counter(json.loads(cache.read_text(encoding="utf-8")))
    # Deferred: spaCy is heavy, and only a cold run of the names set needs its entities.
    import spacy

    from briefing.plain.parse import MODEL

    nlp = spacy.load(MODEL, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"])
    counts: Counter = Counter()
    texts = [row["article"] for f in files for row in read_jsonl(f)]
    for doc in nlp.pipe(texts, batch_size=16):
        found = {_clean(e.text) for e in doc.ents if e.label_ in LABELS}
        counts.update(n for n in found if n)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(counts, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return counts


def pick_names(counts: Counter | None = None, count: int = COUNT) -> list[str]:
    """The names set: names in at least MIN_ARTICLES articles, the ``count`` of smallest SHA-1."""
    counts = counts if counts is not None else article_counts()
    known = [name for name, n in counts.items() if n >= MIN_ARTICLES]
    return sorted(known, key=lambda name: hashlib.sha1(name.encode("utf-8")).hexdigest())[:count]


if __name__ == "__main__":
    counts = article_counts()
    names = pick_names(counts)
    print(f"{sum(1 for n in counts.values() if n >= MIN_ARTICLES)} names in >= {MIN_ARTICLES} articles; {len(names)} picked")
    print(", ".join(names))
