"""The entities an article names and where it names them, read before any cue.

:class:`ArticleEntities` holds what attribution knows while reading an article: each
sentence's tokens, the entities named in it (capitalised name sequences, typed person
or organisation by titles and organisation words, gendered by titles, roles and the
pronouns that follow them), their mentions sentence by sentence, and, filled in as the
article is read, each sentence's sources and the pronouns and descriptions resolved.
:meth:`ArticleEntities.candidates` ranks them by salience for the resolvers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from ..models import Article, Sentence
from .lexicon import AUX, CLAUSE_OPENERS, DEMONYM_ENDINGS, DETERMINERS, FUNCTION_WORDS, NAME_PARTICLES, OPEN_Q, lexicon
from .tokens import Tok, is_cap_name, is_lower_word, is_word, nounish, tokenize


# A quotation of a speaker rarely runs on for more than a few sentences; past this many
# characters from its opening mark (about four sentences), a closing mark was most likely
# missed, and its words are not given to a speaker by carrying over.
RUNAWAY_QUOTE = 600


@dataclass
class Entity:
    """A named person or organisation in the article (mutable while reading it)."""

    name: str  # fullest form seen (titles stripped)
    kind: str  # "person" | "name" (a multi-word name, most likely a person) | "org" | "unknown"
    words: tuple[str, ...]
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    he: int = 0
    she: int = 0
    last_seen: int = -1
    speaker: bool = False  # the source of an attribution somewhere before


class Mention(NamedTuple):
    """An entity named in a sentence: its token range and whether it is the subject."""

    entity: Entity
    sentence: int
    first: int  # token index
    last: int  # token index (inclusive)
    subject: bool
    salient: bool = True  # False for a name inside a quotation or modifying a noun ("Gmail users")


class ArticleEntities:
    """What attribution knows while reading an article.

    Built before any cue is read: each sentence's ``tokens``, the ``entities`` the
    article names (in the order they first appear), each sentence's ``mentions`` of them,
    and the genders the pronouns after a subject tell. Filled in as attribution reads the
    article, sentence by sentence: each sentence's ``sources`` (the entity, if any, and
    the name of every source found) and ``resolved``, the entity (or None) each pronoun
    or description was resolved to, by sentence and token.
    """

    def __init__(self, article: Article, sentences: Sequence[Sentence]) -> None:
        self.lex = lexicon()
        self.text = article.text
        self.sentences = sentences
        self.tokens = [tokenize(s.text, s.span[0], s.quote_spans) for s in sentences]
        self.entities: list[Entity] = []
        self.mentions: list[list[Mention]] = [[] for _ in sentences]
        self.capitalised_inside: set[str] = _capitalised_inside(self.tokens)
        self.sources: list[list[tuple[Entity | None, str]]] = [[] for _ in sentences]
        self.resolved: dict[tuple[int, int], Entity | None] = {}  # (sentence, token) -> entity
        self.quotation_start: dict[int, int] = {}  # quotation id -> where its first part starts
        for sentence in sentences:
            for qid, (start, _) in zip(sentence.quotation_ids, sentence.quote_spans):
                self.quotation_start.setdefault(qid, start)
        for index in range(len(sentences)):
            self._find_mentions(index)
        self._learn_genders()

    # ---- names

    def _starts_name(self, toks: list[Tok], i: int) -> bool:
        tok = toks[i]
        if not is_cap_name(tok) or tok.low in self.lex.time_words:
            return False
        sentence_start = i == 0 or toks[i - 1].text in OPEN_Q or toks[i - 1].text in "(:—–-"
        if not sentence_start:
            return True
        # A capitalised first word is a name only if the article capitalises it elsewhere
        # too, or a capitalised word follows it ("Israeli TV").
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.low in ("van", "von", "de", "bin", "al", "da", "du", "di", "del") and i + 2 < len(toks):
            nxt = toks[i + 2]  # "Louis van Gaal said ..."
        return tok.low in self.capitalised_inside or bool(nxt and is_cap_name(nxt) and nxt.text != "I")

    def name_chunks(self, toks: list[Tok]) -> list[tuple[int, int]]:
        """Token ranges ``(first, last)`` of capitalised name sequences in a sentence."""
        chunks = []
        i, n = 0, len(toks)
        while i < n:
            if not self._starts_name(toks, i):
                i += 1
                continue
            j = self._name_end(toks, i)
            chunks.append((i, j))
            i = j + 1
        return chunks

    def _name_end(self, toks: list[Tok], i: int) -> int:
        """The last token of the name that starts at token ``i``."""
        n = len(toks)
        j = i
        while j + 1 < n:
            nxt = toks[j + 1]
            if is_cap_name(nxt) and nxt.low not in self.lex.time_words or nxt.text == "May" and toks[j].cap:
                j += 1  # "Theresa May" is a name, "Monday" is not
            elif nxt.text == "(" and j + 3 < n and toks[j + 2].text.isupper() and toks[j + 3].text == ")":
                j += 3  # an acronym in brackets: "Center for ... Hate (CCDH)"
            elif self._particle_joins(toks, i, j):
                j += 2
            elif (
                nxt.text in "-."
                and j + 2 < n
                and toks[j + 2].cap
                and toks[j + 1].end == toks[j + 2].start
            ):
                j += 2
            else:
                break
        return j

    def _particle_joins(self, toks: list[Tok], i: int, j: int) -> bool:
        """Whether the word after token ``j`` is a particle that joins the name started at
        token ``i`` to the capitalised word after it: "Ludwig van Beethoven", "AT & T";
        "of", "for", "on" and "the" only inside an organisation's name ("Center for
        Countering Digital Hate") or, for "of", after a title ("Secretary of State")."""
        nxt = toks[j + 1]
        return (
            nxt.low in NAME_PARTICLES
            and j + 2 < len(toks)
            and is_cap_name(toks[j + 2])
            and toks[j + 2].low not in self.lex.time_words
            and (
                nxt.low not in {"the", "of", "for", "on"}
                or self._orgish(toks[i : j + 1])
                or nxt.low == "of"
                and toks[j].low in self.lex.titles
            )
        )

    def _modifier(self, toks: list[Tok], i: int) -> bool:
        """Whether the name ending at token ``i`` modifies the noun after it ("Israeli
        officials", "Gmail users", "White House spokesperson")."""
        if (
            i + 1 >= len(toks)
            or not is_lower_word(toks[i + 1])
            or toks[i + 1].low in self.lex.cue_forms
            or toks[i + 1].low in FUNCTION_WORDS  # "Musk has", "Musk was": a verb, not a plural noun
        ):
            return False
        nxt = toks[i + 1]
        return (
            nounish(self.lex, nxt)
            or nxt.low.endswith("s")
            and not nxt.low.endswith("ss")
            or nxt.low == "people"
        )

    def _orgish(self, toks: Sequence[Tok]) -> bool:
        return any(t.text in self.lex.org_words for t in toks)

    def _find_mentions(self, index: int) -> None:
        toks = self.tokens[index]
        first_word = next((k for k, t in enumerate(toks) if is_word(t) and t.low not in CLAUSE_OPENERS), 0)
        for first, last in self.name_chunks(toks):
            modifier = self._modifier(toks, last)
            if first == last and modifier and toks[first].low.endswith(DEMONYM_ENDINGS):
                continue  # "Israeli officials": an adjective, not a name
            entity, name_first = self._entity_for(toks, first, last, index)
            if entity is None:
                continue
            subject = first <= first_word + 1 or (
                first > 0 and toks[first - 1].low in DETERMINERS and first <= first_word + 3
            )
            # a name inside a quotation, in brackets ("(CNN)") or modifying a noun is no antecedent
            salient = not modifier and not toks[first].quoted and not (first and toks[first - 1].text == "(")
            entity.last_seen = index
            self.mentions[index].append(
                Mention(entity, index, name_first, last, subject and salient, salient)
            )

    def _entity_for(self, toks: list[Tok], first: int, last: int, index: int) -> tuple[Entity | None, int]:
        """The entity a name chunk names (created or found), and where its name starts."""
        words = [t.text for t in toks[first : last + 1]]
        if (
            index == 0
            and first == 0
            and len(words) > 1
            and words[0].isupper()
            and words[1][:1].isupper()
            and not words[1].isupper()
        ):
            words[0] = words[0].capitalize()  # a tabloid lead: "ELON Musk"
        cut, gender, roles = self._titles(toks, words, first)
        name_words = words[cut + 1 :]
        name_first = first + cut + 1
        if name_words and name_words[0].lower() == "the":
            name_words = name_words[1:]
            name_first += 1
        if cut < 0 and len(name_words) >= 2 and name_words[0].lower() in self.lex.name_adjectives:
            # "Pretty Faith poses ...", "Brave Faith sought ...": a caption's adjective
            name_words = name_words[1:]
            name_first += 1
        if not name_words:
            return None, first
        core, acronym = _name_core(name_words)
        if not core:
            return None, first
        if acronym and len(acronym) > len(core) + 1:
            core = (acronym,)  # "... Our Schools (AROS)" cut at "Our": the acronym names it whole
        kind = self._kind(core, cut >= 0, cut >= 0 or bool(roles) or bool(gender))
        if kind is None:
            return None, first  # a place
        entity = self._match(core, kind, acronym)
        if entity is None:
            name = self.text[toks[name_first].start : toks[last].end] if kind == "org" else " ".join(core)
            entity = Entity(name=name, kind=kind, words=core)
            self.entities.append(entity)
        else:
            if kind == "person" and entity.kind in ("unknown", "name"):
                entity.kind = "person"
            elif kind == "name" and entity.kind == "unknown":
                entity.kind = "name"  # "Trump" first, then "Donald Trump": most likely a person
            if len(core) > len(entity.words) and entity.kind != "org":
                entity.words = core
                entity.name = " ".join(core)
        if acronym:
            entity.roles.add("=" + acronym)
        if gender and not entity.gender:
            entity.gender = gender
        entity.roles |= roles
        self._record_apposition(toks, last, entity)
        return entity, name_first

    def _titles(self, toks: list[Tok], words: list[str], first: int) -> tuple[int, str | None, set[str]]:
        """The titles before a name, which give its kind, gender and roles and are not part
        of it: the index in ``words`` of the last title in the chunk (-1 for none), the
        gender and the roles they give, with lowercase titles just before the chunk
        ("minister Shlomo Karhi", "tech boss Elon Musk")."""
        lex = self.lex
        cut = -1
        gender = None
        roles = set()
        for k, w in enumerate(words[:-1]):
            low = w.lower()
            if low in lex.titles:
                cut = k
                gender = lex.titles[low] or gender
                roles.add(lex.title_roles.get(low, low))
        k = first - 1
        while k >= 0 and is_lower_word(toks[k]) and toks[k].low in lex.titles:
            roles.add(toks[k].low)
            gender = lex.titles[toks[k].low] or gender
            k -= 1
        return cut, gender, roles

    def _kind(self, core: tuple[str, ...], title_in_chunk: bool, titled: bool) -> str | None:
        """What a name names: "org", "person", "name" (a multi-word name, most likely a
        person), "unknown", or None for a place. ``title_in_chunk``: a title came first in
        the chunk ("Sen. Warren"); ``titled``: a title, role or gender came with the name."""
        lex = self.lex
        if any(w in lex.org_words for w in core) or (
            len(core) == 1 and core[0].isupper() and len(core[0]) > 1 and not title_in_chunk
        ):
            return "org"
        if titled:
            return "person"
        if any(w in lex.place_words for w in core):
            return None
        if len(core) >= 2 and all(w[:1].isupper() and w[1:2].islower() or w.endswith(".") for w in core):
            return "name"  # most likely a person, but "London Motor Museum" looks the same
        return "unknown"

    def _match(self, core: tuple[str, ...], kind: str, acronym: str | None) -> Entity | None:
        """The entity a name refers to: a person by surname (and first name, if both
        have one), an organisation by a subset of its words, or an acronym."""
        best = None
        last = core[-1]
        for entity in self.entities:
            if entity.words[-1] != last and entity.kind != "org" and kind != "org" and len(core) > 1:
                continue
            if len(core) == 1 and "=" + core[0] in entity.roles:
                return entity
            if kind == "org" or entity.kind == "org":
                if set(core) <= set(entity.words) and core[-1] == entity.words[-1]:
                    best = entity if best is None or entity.last_seen > best.last_seen else best
                elif set(entity.words) <= set(core) and core[-1] == entity.words[-1] and kind == "org":
                    best = entity if best is None or entity.last_seen > best.last_seen else best
                continue
            if core[-1].lower() != entity.words[-1].lower():
                continue
            if (
                len(core) == 1
                or len(entity.words) == 1
                or core[0] == entity.words[0]
                or core[0].rstrip(".") == entity.words[0][:1]
            ):
                if best is None or entity.last_seen > best.last_seen:
                    best = entity
        return best

    def _record_apposition(self, toks: list[Tok], last: int, entity: Entity) -> None:
        """ "Sean Spicer, chief strategist for the RNC," records the role "strategist"."""
        if last + 2 >= len(toks) or toks[last + 1].text != ",":
            return
        k = last + 2
        if toks[k].low in {"a", "an", "the"} or toks[k].low in {"former", "then"}:
            k += 1
        seen = 0
        while k < len(toks) and is_lower_word(toks[k]) and seen < 4:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and (nxt.low in self.lex.cue_forms or nxt.low in AUX):
                return  # "Speaking to the Times, the actress said": the next clause's subject
            if toks[k].low in self.lex.person_nouns and entity.kind != "org":
                entity.roles.add(toks[k].low)
                g = self.lex.person_nouns[toks[k].low]
                if g and not entity.gender:
                    entity.gender = g
            k += 1
            seen += 1

    def _learn_genders(self) -> None:
        """Gender from the pronouns that follow a sentence whose subject is a person:
        "Trump said ... He added" makes Trump male (titles and roles already did)."""
        for index, mentions in enumerate(self.mentions):
            subject = next((m for m in mentions if m.subject), None)
            if subject is None:
                # "The firm's chief executive, Jane Doe, said ... She added": the one name
                # in a sentence without a named subject
                named = [m for m in mentions if m.salient and m.entity.kind != "org"]
                toks = self.tokens[index]
                subject = (
                    named[0]
                    if len(named) == 1
                    and len({id(m.entity) for m in mentions}) == 1
                    and named[0].first <= 8
                    and named[0].last + 1 < len(toks)
                    and (toks[named[0].last + 1].text == "," or toks[named[0].last + 1].low in self.lex.cue_forms)
                    else None
                )
            if subject is None or subject.entity.kind == "org":
                continue
            entity = subject.entity
            pronouns: list[str] = []
            if all(m.entity is entity or m.entity.kind == "org" for m in mentions):
                pronouns += [t.low for t in self.tokens[index][subject.last + 1 :]]
            if index + 1 < len(self.tokens):
                # the next sentence's subject: "Trump spoke. He said ..."
                following = [
                    t for t in self.tokens[index + 1] if is_word(t) and t.low not in CLAUSE_OPENERS
                ]
                if following:
                    pronouns.append(following[0].low)
            for p in pronouns:
                if p in ("he", "him", "his", "himself"):
                    entity.he += 1
                elif p in ("she", "her", "hers", "herself"):
                    entity.she += 1
        for entity in self.entities:
            if entity.gender is None and entity.kind != "org":
                if entity.he >= 1 and entity.he >= 3 * entity.she:
                    entity.gender = "male"
                elif entity.she >= 1 and entity.she >= 3 * entity.he:
                    entity.gender = "female"
            if entity.gender and entity.kind in ("unknown", "name"):
                entity.kind = "person"

    # ---- queries

    def runaway(self, index: int) -> bool:
        """Whether sentence ``index`` lies far inside a quotation that began more than
        ``RUNAWAY_QUOTE`` characters before it: a closing mark was missed (plain text
        with stray apostrophes), so its words are no longer taken as quoted."""
        sentence = self.sentences[index]
        opening = index
        while opening > 0 and self.sentences[opening - 1].paragraph == sentence.paragraph:
            opening -= 1
        if self.sentences[opening].text.lstrip()[:1] in OPEN_Q:
            return False  # the paragraph re-opens the quotation, as a long one does at each paragraph
        return any(
            sentence.span[0] - self.quotation_start.get(qid, sentence.span[0]) > RUNAWAY_QUOTE
            for qid in sentence.quotation_ids
        )

    def entity_at(self, index: int, first: int, last: int) -> Entity | None:
        """The entity whose mention lies in tokens ``first..last`` of sentence ``index``."""
        best = None
        for m in self.mentions[index]:
            if first <= m.first and m.last <= last:
                best = m  # the last one: the head of "Musk's lawyer"-like phrases comes last
        return best.entity if best else None

    def candidates(self, index: int, before: int, window: int):
        """Entities by salience: this sentence (before ``before``), then earlier ones,
        the sources and subject of each sentence first."""
        for s in range(index, max(-1, index - window - 1), -1):
            ranked: list[Entity] = []
            for entity, _ in self.sources[s]:
                if entity is not None and s != index:
                    ranked.append(entity)
            mentions = [m for m in self.mentions[s] if s != index or m.last < before and m.salient]
            ranked += [m.entity for m in mentions if m.subject]
            ranked += [m.entity for m in mentions if not m.subject and m.salient]
            ranked += [m.entity for m in mentions if not m.salient]
            seen: set[int] = set()
            for entity in ranked:
                if id(entity) not in seen:
                    seen.add(id(entity))
                    yield s, entity


def _capitalised_inside(tokens: list[list[Tok]]) -> set[str]:
    """The words (lower case) the article capitalises after the start of a sentence or a
    quotation: those may be names even where they open one."""
    inside: set[str] = set()
    for toks in tokens:
        for i, t in enumerate(toks):
            if i and t.cap and toks[i - 1].text not in OPEN_Q and toks[i - 1].text not in ".:!?":
                inside.add(t.low)
    return inside


def _name_core(name_words: list[str]) -> tuple[tuple[str, ...], str | None]:
    """The words of a name without brackets, and the acronym given in brackets after it
    ("Center for Countering Digital Hate (CCDH)"), if any."""
    acronym = None
    if len(name_words) >= 4 and name_words[-3] == "(" and name_words[-1] == ")":
        acronym = name_words[-2]
    core = tuple(w for w in name_words if w not in "()") if acronym is None else tuple(name_words[:-3])
    return core, acronym
