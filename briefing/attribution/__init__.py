"""Attribution: who each sentence's content comes from (cues, sources, pronouns and descriptions resolved).

The stage is :mod:`briefing.attribution.attribute` (``attribute``, ``attribute_with_subjects``,
``resolve_subjects``). Its modules, each building on those before it:

- ``lexicon``: the word lists of ``data/attribution.json`` (cue verbs, nouns, titles, closed classes);
  ``is_speech_cue``;
- ``tokens``: regex tokens with their offsets into the article, and tests on one token;
- ``entities``: ``ArticleEntities``, the entities an article names and where, read before any cue;
- ``resolve``: pronouns and descriptions resolved to those entities;
- ``cues``: the words that mark an attribution (a colon only after a speaker's label, a verb
  only in its sense of saying or finding); ``phrases``: noun phrases left and right of them;
- ``whole``: a source as the whole phrase that names it, never a cut-off fragment;
- ``sources``: each cue's source and the name it is given (a name put in for a pronoun or a
  description only when no other candidate is near);
- ``subjects``: ``SubjectResolution``, each sentence's opening subject resolved;
- ``quotations``: a sentence's quotation given to its attribution, and carried over.
"""
