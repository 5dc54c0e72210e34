"""SARI and BLEU for sentence simplification, computed as the EASSE toolkit does.

SARI (Xu et al., 2016) rewards the n-grams a system adds, keeps and deletes when the
references agree. We follow the EASSE default (Alva-Manchego et al., 2019), the one the
published ASSET figures use:

- every sentence (original, output, references) is lowercased and tokenised with
  sacrebleu's ``13a`` tokenizer, then split on spaces;
- for n = 1..4, counts are summed over the whole corpus per operation and order;
- *add* counts n-grams as sets (binary), *keep* and *delete* weight each original
  n-gram by the number of references;
- precision, recall and F1 per order and operation (F1 also for *delete*: the paper's
  precision-only deletion gives other figures), F1 averaged over the four orders, then
  the three operations averaged, times 100.

Calibration on ASSET test: identity 20.73, ACCESS 40.13 (tests/plain/test_sari.py).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

from ..errors import BriefingError


class MetricInputError(BriefingError, ValueError):
    """The sentences given to a metric do not line up (counts or layout)."""


NGRAM_ORDER = 4
_TOKENIZE_13A = Tokenizer13a()


@lru_cache(maxsize=65536)
def normalize(sentence: str) -> tuple[str, ...]:
    """Lowercased 13a tokens of ``sentence``, as EASSE scores them.

    >>> normalize('He said: "It costs $1,200."')
    ('he', 'said', ':', '"', 'it', 'costs', '$', '1,200', '.', '"')
    """
    return tuple(_TOKENIZE_13A(sentence.lower()).split())


def _ngrams(tokens: tuple[str, ...]) -> list[Counter]:
    """Counters of the 1- to 4-grams of ``tokens`` (tuples as keys), one per order."""
    return [Counter(tokens[i : i + n] for i in range(len(tokens) - n + 1)) for n in range(1, NGRAM_ORDER + 1)]


@lru_cache(maxsize=8192)
def _reference_ngrams(refs: tuple[str, ...]) -> list[Counter]:
    """The summed n-gram counts of one sentence's references (cached: tuning scores
    many systems against the same references)."""
    summed = [Counter() for _ in range(NGRAM_ORDER)]
    for ref in refs:
        for n, grams in enumerate(_ngrams(normalize(ref))):
            summed[n].update(grams)
    return summed


def _f1(correct: int, system_total: int, reference_total: int) -> float:
    precision = correct / system_total if system_total else 0.0
    recall = correct / reference_total if reference_total else 0.0
    if precision > 0 and recall > 0:
        return 2 * precision * recall / (precision + recall)
    return 0.0


def _check_shapes(orig_sents: Sequence[str], sys_sents: Sequence[str], refs_sents: Sequence[Sequence[str]]) -> None:
    if len(orig_sents) != len(sys_sents):
        raise MetricInputError(
            f"SARI needs one system sentence per original: got {len(sys_sents)} outputs for "
            f"{len(orig_sents)} originals. Check that no line was dropped or split."
        )
    for k, refs in enumerate(refs_sents):
        if len(refs) != len(orig_sents):
            raise MetricInputError(
                f"Reference set {k} has {len(refs)} sentences for {len(orig_sents)} originals: "
                "refs_sents[k][i] must be the k-th reference of sentence i (EASSE layout)."
            )
    if not refs_sents:
        raise MetricInputError("SARI needs at least one reference set.")


def sari_operation_scores(
    orig_sents: Sequence[str], sys_sents: Sequence[str], refs_sents: Sequence[Sequence[str]]
) -> tuple[float, float, float]:
    """The add, keep and delete scores (each 0-100) whose mean is :func:`corpus_sari`."""
    _check_shapes(orig_sents, sys_sents, refs_sents)
    # stats[op][n] = [system correct, system total, reference total]
    stats = {op: [[0, 0, 0] for _ in range(NGRAM_ORDER)] for op in ("add", "keep", "del")}
    for i, (orig, system) in enumerate(zip(orig_sents, sys_sents)):
        orig_grams = _ngrams(normalize(orig))
        sys_grams = _ngrams(normalize(system))
        refs = tuple(ref_set[i] for ref_set in refs_sents)
        n_refs = len(refs)
        ref_grams = _reference_ngrams(refs)
        for n in range(NGRAM_ORDER):
            o, s, r = orig_grams[n], sys_grams[n], ref_grams[n]
            # Add: binary, what the system (references) introduced that the original lacks.
            sys_added = s.keys() - o.keys()
            ref_added = r.keys() - o.keys()
            add = stats["add"][n]
            add[0] += len(sys_added & r.keys())
            add[1] += len(sys_added)
            add[2] += len(ref_added)
            # Keep and delete: original n-grams weighted by the number of references, so a
            # system's keep is compared with how many references kept it (EASSE's counts,
            # written out per n-gram instead of with scaled Counters, for speed).
            keep, delete = stats["keep"][n], stats["del"][n]
            for gram, count in o.items():
                o_w = count * n_refs
                s_w = s.get(gram, 0) * n_refs
                r_c = r.get(gram, 0)
                sys_kept, ref_kept = min(o_w, s_w), min(o_w, r_c)
                keep[0] += min(sys_kept, ref_kept)
                keep[1] += sys_kept
                keep[2] += ref_kept
                sys_deleted, ref_deleted = max(o_w - s_w, 0), max(o_w - r_c, 0)
                delete[0] += min(sys_deleted, ref_deleted)
                delete[1] += sys_deleted
                delete[2] += ref_deleted
    scores = tuple(100.0 * sum(_f1(*stats[op][n]) for n in range(NGRAM_ORDER)) / NGRAM_ORDER
                   for op in ("add", "keep", "del"))
    return scores  # type: ignore[return-value]


def corpus_sari(orig_sents: list[str], sys_sents: list[str], refs_sents: list[list[str]]) -> float:
    """Corpus-level SARI (0-100) as EASSE computes it by default.

    ``refs_sents[k][i]`` is the k-th reference of sentence ``i`` (EASSE layout).

    >>> orig = ["About 95 species are currently accepted ."]
    >>> refs = [["About 95 species are currently known ."], ["About 95 species are now accepted ."],
    ...         ["95 species are now accepted ."]]
    >>> round(corpus_sari(orig, ["About 95 you now get in ."], refs), 2)
    31.35
    >>> corpus_sari(orig, orig, refs) < corpus_sari(orig, ["About 95 species are now accepted ."], refs)
    True
    """
    add, keep, delete = sari_operation_scores(orig_sents, sys_sents, refs_sents)
    return (add + keep + delete) / 3


def corpus_bleu(sys_sents: list[str], refs_sents: list[list[str]], *, lowercase: bool = True) -> float:
    """Corpus BLEU (0-100) as EASSE's ``evaluate`` reports it: 13a tokens, lowercased, sacrebleu's
    defaults otherwise (ACCESS on ASSET test: 75.99; 75.39 with case kept).

    >>> round(corpus_bleu(["the cat sat on the mat ."], [["the cat sat on the mat ."]]), 1)
    100.0
    """
    from sacrebleu.metrics import BLEU  # deferred: sacrebleu is slow to import, and only the benchmark's BLEU needs it

    # EASSE tokenises itself and tells sacrebleu not to: the same as tokenize="13a" here.
    bleu = BLEU(lowercase=lowercase, tokenize="13a", force=True)
    return bleu.corpus_score(list(sys_sents), [list(r) for r in refs_sents]).score


def read_lines(path) -> list[str]:
    """The lines of a corpus file, one sentence each, whether or not it ends with a newline.

    ASSET's files end without a trailing newline and ACCESS's outputs with one: counting
    either with ``wc -l`` or ``str.splitlines`` alone gets one of them wrong (or splits on
    Unicode line separators inside a sentence).
    """
    text = Path(path).read_text(encoding="utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []
