"""The plain-language rewriter's rules, a module per family; the stage
(:mod:`briefing.plain.simplify`) lists them in the order they run (``REWRITES``).

Rule families: :mod:`.lexicon` (with :mod:`.lexicon_entries`, the lexicon as data, and
:mod:`.lexicon_senses`, the guards on a match's sense), :mod:`.deletions`,
:mod:`.bracket_dates`, :mod:`.splits`, :mod:`.relatives`, :mod:`.appositives`, :mod:`.verbs`.
What several families share: :mod:`.text` (text helpers and protected spans),
:mod:`.word_classes`, :mod:`.clauses`, :mod:`.tails` (attributions at a sentence's end) and
:mod:`.mentions` (naming again).
"""
