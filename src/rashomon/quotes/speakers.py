"""Resolve a speaker phrase to an entity: a name in it, or a pronoun/title to the nearest
compatible named entity before it. Places and things are never resolved as speakers of a
pronoun; a quoted phrase is never a speaker."""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from ..lang import load_list, load_table, load_words, read_rows
from ..model import Article, Entity, Mention
from ..morph import russian_morph
from ..script import has_cyrillic
from ..syntax import SyntaxView
from .lexicon import QuoteLexicon
from .reported import document_verb
from .role_nouns import RoleIndex, singular

# Platforms whose account or post is written by the one named after them («Twitter советника X»).
_PLATFORMS = frozenset({"twitter", "telegram", "facebook", "instagram", "youtube", "vk", "x"})


@lru_cache(maxsize=1)
def _media_words() -> frozenset[str]:
    """Documents, media and platforms: what belongs to whoever is named in the genitive after it."""
    return load_words("document_nouns") | {w.lower() for w in load_list("ru", "medium_nouns")} | _PLATFORMS

_LOOKBACK = 2000  # characters searched backwards for the referent of "he", "the minister"
# Characters before and after a mention within which a nation or body places it ("F.B.I. Director
# James Comey", "Comey, the F.B.I. director"); wider reaches take a neighbour's ("Russian officials met NATO").
_PLACE_BEFORE, _PLACE_AFTER = 20, 15
_FIRST_PERSON = {"i", "we", "я", "мы", "me", "us"}
# A first-person possessive that is the whole source phrase ("my reference to …", «моё мнение»)
# is the writer; before a noun it is someone else's ("my husband said").
_FIRST_PERSON_OWNER = {"my", "our", "мой", "моя", "моё", "мое", "мои", "моему", "моей", "наш", "наша", "наше", "наши"}
_MIN_STEM = 2  # letters an ending must leave: "Ina" is not a feminine surname
_INDEFINITE = {"a", "an", "one", "another", "some", "several", "many", "один", "одна", "некий", "некая", "другой"}


@lru_cache(maxsize=1)
def _pronoun_genders() -> dict[str, str]:
    """pronoun -> 'm' or 'f', from the third column of lang/<code>/pronouns.tsv."""
    return {row[0]: row[2] for lang in ("en", "ru") for row in load_table(lang, "pronouns") if len(row) >= 3}


@lru_cache(maxsize=1)
def _noun_genders() -> dict[str, str]:
    """person noun -> 'm' or 'f', from lang/<code>/gendered_nouns.tsv ("spokeswoman" -> 'f')."""
    return {row[0]: row[1] for lang in ("en", "ru") for row in load_table(lang, "gendered_nouns") if len(row) >= 2}


@lru_cache(maxsize=1)
def _gendered_endings() -> tuple[tuple[str, str], ...]:
    """(key ending, 'f'/'m') from lang/ru/names_gender_suffixes.tsv, feminine first, longest first
    (-ina is feminine before -in is masculine)."""
    rows = [row for row in read_rows("ru", "names_gender_suffixes.tsv") if len(row) >= 2]
    fem = sorted((r[1] for r in rows), key=len, reverse=True)
    masc = sorted((r[0] for r in rows), key=len, reverse=True)
    return tuple((e, "f") for e in fem) + tuple((e, "m") for e in masc)


@lru_cache(maxsize=4096)
def person_gender(name: str) -> str | None:
    """'f' or 'm' from a first name of one gender (Kathy, Tom, Светлана), else from an East Slavic
    gendered surname ending (Zakharova, Tikhanovskaya, Putin), else None: most names say nothing."""
    from ..names.keys import name_key

    words = name.split()
    if not words:
        return None
    # The first name first: "Kathy Griffin" is a woman whatever "-in" says of Slavic surnames;
    # one word a title-case headline glued in front ("Abuser Keith Ellison") is passed over, but
    # not into a middle name ("Carlo Maria Viganò" is a man).
    for word in words[: 2 if len(words) >= 3 else 1]:
        first = _first_name_genders().get(word) or _russian_first_name_gender(word)
        if first is not None:
            return first
    last = name_key(words[-1])
    for ending, gender in _gendered_endings():
        if last.endswith(ending) and len(last) - len(ending) >= _MIN_STEM:
            return gender
    return None


@lru_cache(maxsize=4096)
def _russian_first_name_gender(word: str) -> str | None:
    """'f' or 'm' for a Russian first name in any case the dictionary knows as a name of one
    gender («Юлю» after «расхваливает Ющенко и Юлю»); None for unknown or either-gender names
    («Саша») and for any other word."""
    if not has_cyrillic(word) or not word[:1].isupper():
        return None
    genders = {str(p.tag.gender) for p in russian_morph().parse(word.lower()) if p.is_known and "Name" in p.tag}
    return {"femn": "f", "masc": "m"}.get(genders.pop()) if len(genders) == 1 else None


@lru_cache(maxsize=1)
def _title_abbreviations() -> dict[str, set[str]]:
    """title -> its written abbreviations ("senator" -> {"sen."}), from lang/<code>/title_abbreviations.tsv."""
    out: dict[str, set[str]] = {}
    for lang in ("en", "ru"):
        for row in load_table(lang, "title_abbreviations"):
            out.setdefault(row[0].lower(), set()).update(a.lower() for a in row[1:])
    return out


@lru_cache(maxsize=1)
def _nation_forms() -> dict[str, frozenset[str]]:
    """Each written form of a nation, case-folded -> every form of it as written ("russian" ->
    Russia, Russian, Russians): lang/en/nation_names.tsv."""
    out: dict[str, frozenset[str]] = {}
    for row in load_table("en", "nation_names"):
        forms = frozenset(f for f in row if not f.endswith("*"))
        for f in forms:
            out[f.casefold()] = out.get(f.casefold(), frozenset()) | forms
    return out


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    """US state names, lower case (lang/en/us_states.txt)."""
    return frozenset(load_list("en", "us_states"))


@lru_cache(maxsize=1)
def _party_pattern() -> re.Pattern[str]:
    words = sorted(load_words("party_words"), key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words))


@lru_cache(maxsize=4096)
def _party_label(name: str) -> bool:
    """A party label before a title, alone or with a state: "GOP", "Independent Vermont"."""
    lowered = name.lower().strip()
    rest = _party_pattern().sub(" ", lowered).strip()
    return rest != lowered and (not rest or rest in _us_states())


def _relation_noun(word: str) -> bool:
    """A noun naming a person by a tie to someone ("lawyers", "allies", «отец»; relation_nouns.txt)."""
    word = word.lower().strip(".,;:")
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-3] + "y" if word.endswith("ies") else word}
    return bool(forms & load_words("relation_nouns"))


@lru_cache(maxsize=256)
def _any_form(forms: frozenset[str]) -> re.Pattern[str]:
    """One pattern matching any of the forms as a whole word, as written ("US" is not "us")."""
    # A Russian form ending in `*` is a prefix (inflection) and matches in any case («российск*»
    # is «Российская» too).
    return re.compile("|".join(rf"(?<!\w)(?i:{_prefix_form(f)})" if f.endswith("*") else rf"(?<!\w){re.escape(f)}(?!\w)"
                               for f in sorted(forms, key=len, reverse=True)))


def _prefix_form(form: str) -> str:
    """«Соединённ* Штат*» as a pattern: each `*` ends a word's stem."""
    return r"\w*".join(re.escape(part) for part in form.split("*"))


_NAME_RUN = re.compile(r"(?:[A-Z][\w.'’-]*\s+)+(?=[a-z]+\W*$)")


def descriptor_place(phrase: str) -> frozenset[str]:
    """The forms of the nation or body named by the capitalised words right before a descriptor's
    head noun ("the Russian government" -> Russia, Russian, Russians; "the F.B.I. director" ->
    F.B.I.), empty when there are none.

    Such a descriptor refers back only to someone the article places there ("F.B.I. Director James
    Comey"); otherwise it names its speaker itself: the organisation or person named last is
    rarely the Russian government or the German leader. A US state or a party label is left out
    (lang/en/us_states.txt, party_words.txt): a politician's state or party is often unsaid near
    the name, and "the Florida senator" is then the senator named last, as for "the senator"."""
    words = phrase.split()
    if len(words) < 3 or words[0].lower() != "the":
        return frozenset()
    rest = " ".join(words[1:])
    run = _NAME_RUN.search(rest)
    if run is None or run.start() != 0 and not rest[: run.start()].islower():
        return frozenset()
    run_words = run.group(0).split()
    for k in range(len(run_words)):
        tail = " ".join(run_words[k:]).casefold()
        if tail in _us_states() or _party_label(tail):
            return frozenset()
        if tail in _nation_forms():
            return _nation_forms()[tail]
    return frozenset({" ".join(run_words)})


@lru_cache(maxsize=1)
def _ru_nation_rows() -> tuple[frozenset[str], ...]:
    """lang/ru/nation_names.tsv rows as written (`*` ends a prefix)."""
    return tuple(frozenset(row) for row in load_table("ru", "nation_names"))


def nation_adjective_place(words: list[str]) -> frozenset[str]:
    """The forms of the nation a Russian descriptor names with a word before its head
    («российское правительство» -> Росси*, российск*, …), empty when it names none. Like
    `descriptor_place`, the descriptor then refers back only to someone placed there."""
    return next((row for row in map(_ru_nation_of, words[:-1]) if row), frozenset())


def _ru_nation_of(word: str) -> frozenset[str]:
    """The lang/ru/nation_names.tsv row one word belongs to («российского», «России»), else empty."""
    word = word.casefold()
    for row in _ru_nation_rows():
        if any(word.startswith(f[:-1].casefold()) if f.endswith("*") else word == f.casefold() for f in row):
            return row
    return frozenset()


@lru_cache(maxsize=1)
def _first_name_genders() -> dict[str, str]:
    """First name -> 'm'/'f', from lang/<code>/first_name_genders.tsv (names of one gender only)."""
    return {row[0]: row[1] for lang in ("en", "ru") for row in load_table(lang, "first_name_genders") if len(row) >= 2}


_BRACKET = re.compile(r"[ \t]*\[([^\[\]\n]{2,80})\]")
_MARK_SPLIT = re.compile(r"\s+[-–—]\s*|,\s*")  # "western Europe – ed", "Lukashenko, ed."


@lru_cache(maxsize=1)
def _editorial_marks() -> frozenset[str]:
    """Words that close an editor's insertion, from lang/<code>/editorial_marks.txt."""
    return load_words("editorial_marks")


_WORDS = re.compile(r"\w+")


def _without_intensifier(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The source phrase without an intensifying reflexive at either edge ("Trump himself",
    «сам Лукашенко»), which would otherwise read as a pronoun pointing elsewhere. A phrase of one
    word stays as it is."""
    found = list(_WORDS.finditer(text, span[0], span[1]))
    if len(found) < 2:
        return span
    words = load_words("intensifiers")
    if found[0].group().lower() in words:
        return found[1].start(), span[1]
    if found[-1].group().lower() in words:
        return span[0], found[-2].end()
    return span


def _named_person(ent: Entity) -> bool:
    """The backend read a full name of this entity as a person ("Bernie Sanders"), even if most
    of its mentions ("the Sanders camp") made it an ORG."""
    return any(m.label in ("PERSON", "PER") and len(m.text.split()) >= 2 for m in ent.mentions)


# «экс-президент», «вице-премьер», "ex-president", "vice-president": the title is the noun after it.
_TITLE_PREFIX = re.compile(r"^(?:экс|вице|ex|vice)[-‑]", re.IGNORECASE)


_LAST_WORD = re.compile(r"\w+(?=\W*$)")
_COORDINATION = re.compile(r"(?<!\w)(?:and|or|nor|with|и|или|вместе)(?!\w)|&|,", re.IGNORECASE)


@lru_cache(maxsize=1)
def _address_forms() -> frozenset[str]:
    """Forms of address (lang/<code>/honorifics.txt) and titles with their abbreviations, lower
    case, without their final period."""
    abbreviations = {a.rstrip(".") for title, forms in _title_abbreviations().items() for a in (title, *forms)}
    return frozenset(load_words("honorifics")) | frozenset(abbreviations)


# A quote already assembled, as document_author and continued_speaker read it: (end offset,
# speaker, cue lemma, speaker span, content span).
SaidBefore = tuple[int, "Speaker", str, "tuple[int, int] | None", "tuple[int, int]"]

# Words that may stand before a document noun that refers back ("the statement", "its letter",
# «в этом сообщении»): a new document ("a report", «новый доклад») is somebody else's.
_BACK_DETERMINERS = frozenset({"the", "this", "that", "its", "his", "her", "their", "этот", "тот", "данный"})
_DOCUMENT_REACH = 1500  # characters back to where a bare document was introduced


def document_author(resolver: "SpeakerResolver", span: tuple[int, int], head: int | None,
                    before: Sequence[SaidBefore]) -> Speaker | None:
    """Who issued the document a bare "the statement said …" / «в сообщении говорится …» quotes
    (lang/<code>/document_nouns.txt): whoever the text named with that document just before ("the
    Holocaust Museum issued a statement", "Powell's office said in a statement", «заявление
    министерства»), or the speaker of the quote right before when its cue is the same act ("the
    ministry stated …", «сообщает министерство»), or whoever the same document was resolved to as
    an earlier speaker. `before` holds the quotes before, in text order (SaidBefore)."""
    view = resolver.view
    if view is None:
        return None
    toks = view.tokens
    # The phrase is the document noun alone, after a preposition or a word pointing back.
    words = [i for i in view.tokens_in(*span) if toks[i].pos not in ("PUNCT", "ADP")
             and toks[i].lemma.lower() not in _BACK_DETERMINERS]
    if len(words) != 1 or (head is not None and words[0] != head):
        return None
    noun = words[0]
    lemma = toks[noun].lemma.lower()
    if lemma not in load_words("document_nouns"):
        return None
    paragraphs = resolver.paragraph_starts
    here = bisect_right(paragraphs, span[0])
    lo = max(0, span[0] - _DOCUMENT_REACH)
    recent = [b for b in before if b[0] >= lo]  # quotes ending within reach: the only ones a document can be
    for i in reversed(view.tokens_in(lo, toks[noun].start)):
        # The same document: the same lemma and, in English, the same number ("her letter" is
        # not "the letters").
        same = toks[i].lemma.lower() == lemma and (has_cyrillic(toks[i].text)
                                                  or toks[i].text.lower() == toks[noun].text.lower())
        if same and here - bisect_right(paragraphs, toks[i].start) <= 1:
            issuer = resolver.issuer(i)
            if issuer is not None:
                return Speaker(issuer, issuer.name, "the issuer of the document, named with it before")
            # The same document already resolved as a speaker («В сообщении говорится …» twice).
            earlier = next((who for _end, who, _cue, at, _content in recent
                            if who.entity is not None and "document" in who.how
                            and at is not None and at[0] <= toks[i].start < at[1]), None)
            if earlier is not None:
                return Speaker(earlier.entity, earlier.entity.name, earlier.how)
    if before:
        end, who, cue, _at, _content = before[-1]
        if who.entity is not None and end <= span[0] and span[0] - end <= _DOCUMENT_REACH \
                and here - bisect_right(paragraphs, end) <= 1 and cue[:5] == lemma[:5]:
            return Speaker(who.entity, who.entity.name, "the issuer of the document, the speaker before it")
    return None


_SUBJECT_PRONOUNS = frozenset({"he", "she", "он", "она"})
# Words before a title that make it another title: a vice president is not "the president".
_RANK_MODIFIERS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "lt.", "under"})
_ASKING = frozenset({"ask", "question", "interview", "press", "quiz", "query", "спросить", "спрашивать", "задать"})


def continued_speaker(resolver: "SpeakerResolver", span: tuple[int, int], current: tuple[int, int], who: Speaker,
                      before: Sequence[SaidBefore]) -> Speaker | None:
    """The speaker of the quote right before, where a pronoun was resolved to a name that quote's
    speaker only spoke of: "Jerry Pow told the Times that he'd back Mr. Moore. “I would vote for
    Judge Moore …,” he said." is Pow; "comparing him to the biblical Joseph … “…,” he said" is not
    Joseph. Only when that speaker is a named person of the pronoun's gender, in this paragraph or
    the one before, and nothing was said between; `current` is the content of the quote spoken."""
    text = resolver.article.text
    word = text[span[0] : span[1]].strip().lower()
    gender = _pronoun_genders().get(word)
    # A subject pronoun only: "his support for the bill" is the possessor of a stance, not a
    # speaker going on.
    if word not in _SUBJECT_PRONOUNS or gender not in ("m", "f") or who.entity is None or "nearest" not in who.how \
            or not before:
        return None
    end, prev, _cue, _at, content = before[-1]
    ent = prev.entity
    if ent is None or ent is who.entity or ent.type != "PERSON" or end > span[0] \
            or person_gender(ent.name) not in (None, gender):
        return None
    # The name the pronoun went to: its last mention before the pronoun outside the quote it
    # speaks (an untagged surname included), inside the words of the quote before.
    last = resolver.last_mention_of(who.entity, span[0], skip=current)
    paragraphs = resolver.paragraph_starts
    if bisect_right(paragraphs, span[0]) - bisect_right(paragraphs, end) > 1:
        return None
    if content[0] <= last < content[1]:
        return Speaker(ent, ent.name, f"'{word}' continues the speaker before, who spoke of {who.entity.name}")
    # "Trump told Fox News' Greta Van Susteren that …. “…,” he said": the one spoken to, or of,
    # in the report before is its object, not who goes on speaking.
    # Only a speaker whose name says the pronoun's gender, and not after a question put to the
    # name ("asking Clinton if …. “…,” he said" is Clinton answering).
    lo = min(content[0], _at[0]) if _at else content[0]
    if lo <= last < end and person_gender(ent.name) == gender and _cue not in _ASKING and resolver.is_object(last):
        return Speaker(ent, ent.name, f"'{word}' continues the speaker before, who spoke to or of {who.entity.name}")
    return None


@dataclass(slots=True)
class Speaker:
    """Resolution result: the entity (if any), a display name, and how it was found."""

    entity: Entity | None
    name: str | None
    how: str


class SpeakerResolver:
    """Maps speaker spans to the article's entities."""

    def __init__(self, article: Article, lex: QuoteLexicon, view: SyntaxView | None = None) -> None:
        self.article = article
        self.lex = lex
        self.view = view
        # The headline is no antecedent for a pronoun in the body: a title-case fragment there
        # ("Congressman Gets Rough With Interviewer") may even be parsed as a name.
        title = article.title
        self._body_start = len(title) if title and article.text.startswith(title) else 0
        self.owner: dict[tuple[int, int], Entity] = {}
        self.mentions: list[Mention] = []
        for ent in article.entities:
            for m in ent.mentions:
                self.owner[(m.start, m.end)] = ent
                self.mentions.append(m)
        self.mentions.sort(key=lambda m: m.start)
        self._token_starts = [t.start for t in article.tokens]
        # Last word of each multi-word person name -> the persons bearing it (see _surname_bearer).
        self._surnames: dict[str, list[Entity]] = {}
        for ent in article.entities:
            parts = ent.name.split()
            if ent.type == "PERSON" and len(parts) > 1:
                self._surnames.setdefault(parts[-1], []).append(ent)
        self._add_untagged_surnames()
        self._starts = [m.start for m in self.mentions]
        self._roles = RoleIndex(article, self.mentions, self.owner, self._token_starts)
        self._sentence_starts = [sent.start for sent in article.sentences]
        self.paragraph_starts = [p.start for p in article.paragraphs]

    def last_mention_of(self, ent: Entity, pos: int, skip: tuple[int, int] = (0, 0)) -> int:
        """Start of the entity's last mention before `pos` (an untagged surname included), outside
        `skip`; -1 if none. Walks back from `pos`: the entity a pronoun went to is near."""
        for k in range(bisect_left(self._starts, pos) - 1, -1, -1):
            m = self.mentions[k]
            if self.owner.get((m.start, m.end)) is ent and not skip[0] <= m.start < skip[1]:
                return m.start
        return -1

    def _name_head(self, start: int, end: int) -> int | None:
        """The token heading the name text[start:end] in the parse: its last word for "Greta Van
        Susteren", the one whose head lies outside the name."""
        view = self.view
        k = view.token_at(start) if view is not None else None
        if k is None:
            return None
        toks = view.tokens  # type: ignore[union-attr]
        seen = 0
        while toks[k].head != k and start <= toks[toks[k].head].start < end and seen < 6:
            k, seen = toks[k].head, seen + 1
        return k

    def _singular_subject(self, m: Mention) -> bool:
        """Whether the mention is the subject of a Russian verb in the singular («сообщает UCA
        News», «правительство приняло»)."""
        k = self._name_head(m.start, m.end)
        if k is None:
            return False
        toks = self.view.tokens  # type: ignore[union-attr]
        verb = toks[k].head
        if not toks[k].dep.startswith("nsubj") or verb == k or toks[verb].pos not in ("VERB", "AUX") \
                or not has_cyrillic(toks[verb].text):
            return False
        tags = [p.tag for p in russian_morph().parse(toks[verb].text.lower()) if "VERB" in p.tag]
        return bool(tags) and all("sing" in t for t in tags)

    def is_object(self, pos: int) -> bool:
        """Whether the name starting at `pos` is an object: of a verb or a preposition ("told
        Greta Van Susteren", "in an interview with Greta"), not a subject or a possessor."""
        k = bisect_left(self._starts, pos)
        m = self.mentions[k] if k < len(self.mentions) and self.mentions[k].start == pos else None
        k = self._name_head(pos, m.end if m is not None else pos + 1)
        if k is None:
            return False
        toks = self.view.tokens  # type: ignore[union-attr]
        if toks[k].dep == "pobj":
            # "an interview with Greta", "told it to Greta"; not "a message from Wendy Sherman" or
            # "according to Sherman", who are sources.
            return toks[toks[k].head].lemma.lower() in ("with", "to") \
                and toks[toks[toks[k].head].head].lemma.lower() != "according"
        return toks[k].dep in ("dobj", "obj", "dative", "iobj")

    def _add_untagged_surnames(self) -> None:
        """A lone surname the recogniser left untagged ("Sanders, who has represented …") still
        names the one person bearing it: a pronoun after it points to it, not past it to an
        older mention of someone else."""
        text = self.article.text
        starts = [m.start for m in self.mentions]
        self._untagged: set[tuple[int, int]] = set()
        self._bearer_starts: dict[int, list[int]] = {}
        self._plural_cache: dict[int, bool] = {}
        self._person_spans: list[tuple[int, int]] | None = None
        # Words that may stand before a lone surname ("Mr Farage", «аналитик Гуреев»).
        self._titles = _address_forms() | frozenset(self.lex.person_nouns)
        found = []
        toks = self.article.tokens
        for i, tok in enumerate(toks):
            # Only a word some person's full name ends with can name a bearer (`_surname_bearer`).
            if tok.pos not in ("PROPN", "NOUN") or tok.text not in self._surnames or not self._alone(i):
                continue
            k = bisect_right(starts, tok.start)
            if any(m.start < tok.end and tok.start < m.end for m in self.mentions[max(0, k - 3) : k + 1]):
                continue  # already part of a mention ("the Sanders campaign")
            bearer = self._surname_bearer(tok.text, before=tok.start)
            if bearer is None:
                continue
            mention = Mention(tok.start, tok.end, text[tok.start : tok.end], "PERSON", bearer.name)
            self.owner[(tok.start, tok.end)] = bearer
            self._untagged.add((tok.start, tok.end))
            found.append(mention)
        if found:
            self.mentions = sorted(self.mentions + found, key=lambda m: m.start)

    def issuer(self, i: int) -> Entity | None:
        """The person or organisation who issued a document noun (token i): its possessor ("the
        company's statement"), "from/by X", or the subject of the verb it is the means of ("X said
        in a statement", «X заявило в сообщении») or the issued object of ("X issued a statement",
        «X распространило заявление»; lang/<code>/issue_verbs.txt)."""
        view = self.view
        if view is None:
            return None
        toks = view.tokens
        cands = list(view.kids(i, "poss"))
        for p in view.kids(i, "prep", "agent"):
            if toks[p].lemma.lower() in ("from", "by"):
                cands += view.kids(p, "pobj")
        verb = document_verb(view, i)  # "said in a statement", "issued a statement"
        if verb is not None:
            cands += [c for c in view.kids(verb, "nsubj") if toks[c].dep == "nsubj"]
        for c in cands:
            sub = view.subtree(c)
            who = self.resolve((toks[sub[0]].start, toks[sub[-1]].end), head=(toks[c].start, toks[c].end))
            # A name, or a pronoun pointing back ("he issued a statement"); a title resolved to the
            # nearest person ("a report from the inspector general") is too loose a link here.
            pronoun = len(sub) == 1 and toks[c].text.lower() in self.lex.pronouns
            if who.entity is not None and who.entity.type in ("PERSON", "ORG") and (pronoun or "nearest" not in who.how):
                return who.entity
        return None

    def _family(self, ent: Entity) -> bool:
        """A one-word name that is a plural: of a person's surname in the article ("the
        Clintons", "the Obamas"), or of a word the article also writes capitalised outside any
        person's name ("Latinos" beside "Latino voters", "Oromos" beside "the Oromo Liberation
        Front"): a family or a group, never "he" or "she"."""
        name = ent.name
        if " " in name or not name.endswith("s") or not name[:1].isupper():
            return False
        stems = [stem for stem in (name[:-1], name[:-2] if name.endswith("es") else None) if stem and len(stem) > 2]
        if any(stem in self._surnames and ent not in self._surnames[stem] for stem in stems):
            return True
        if id(ent) not in self._plural_cache:
            if self._person_spans is None:
                self._person_spans = sorted((m.start, m.end) for e in self.article.entities if e.type == "PERSON"
                                            for m in e.mentions)
            persons = self._person_spans
            starts = [a for a, _ in persons]

            def in_person(pos: int) -> bool:
                k = bisect_right(starts, pos) - 1
                return k >= 0 and persons[k][0] <= pos < persons[k][1]

            self._plural_cache[id(ent)] = any(
                not in_person(m.start()) for stem in stems
                for m in re.finditer(rf"(?<!\w){re.escape(stem)}(?![\w'’])", self.article.text))
        return self._plural_cache[id(ent)]

    def _alone(self, i: int) -> bool:
        """Token i stands alone: no hyphen, no capitalised word after it and none before it but a
        title or form of address joins it to a longer name ("Wall Street", "Ivanka Trump", "the
        Clinton-Trump race"; "Mr Farage", «аналитик Гуреев» stand alone)."""
        toks, text = self.article.tokens, self.article.text
        tok = toks[i]
        if text[tok.start - 1 : tok.start] == "-" or text[tok.end : tok.end + 1] == "-":
            return False

        def capitalised(j: int) -> bool:
            return 0 <= j < len(toks) and toks[j].sent == tok.sent and toks[j].text[:1].isupper() \
                and toks[j].text[:1].isalpha()

        if capitalised(i + 1):
            return False
        return not capitalised(i - 1) or _TITLE_PREFIX.sub("", toks[i - 1].text.lower()).rstrip(".") in self._titles

    def _previous_sentence_start(self, pos: int) -> int:
        """Start of the sentence before the one holding `pos` (0 if there is none)."""
        k = bisect_right(self._sentence_starts, pos) - 1
        return self._sentence_starts[k - 1] if k >= 1 else 0

    def _editorial_bracket(self, end: int, *, pronoun: bool) -> Speaker | None:
        """The referent an editor wrote in brackets right after the phrase: "It [western Europe –
        ed] wants …", «он [Лукашенко – ред.] заявил», or a bare name after a pronoun: "he [Putin]".
        A name inside wins; with an editor's mark, the bracket's words name the referent."""
        text = self.article.text
        found = _BRACKET.match(text, end)
        if found is None:
            return None
        s, e = found.span(1)
        body = _MARK_SPLIT.split(text[s:e])
        marked = len(body) >= 2 and body[-1].strip().lower() in _editorial_marks() and bool(body[0].strip())
        if not marked and not pronoun:
            return None  # "[Yury] Fyaduta" is the name itself, not a referent
        for m in self.mentions[bisect_left(self._starts, s) : bisect_right(self._starts, e)]:
            if m.end <= e and m.type in ("PERSON", "ORG", "LOC"):
                ent = self.owner[(m.start, m.end)]
                return Speaker(ent, ent.name, "named in the editor's bracket")
        # "[sic]", "[laughs]": no referent, unless an editor's mark says the words are one.
        return Speaker(None, body[0].strip(), "the editor's bracket") if marked else None

    def _wanted_types(self, head: str) -> set[str] | None:
        if head in self.lex.pronouns:
            return set(self.lex.pronouns[head])
        if head in self.lex.person_nouns:
            return {"PERSON"}
        if head in self.lex.org_nouns:
            return {"ORG"}
        return None

    def resolve(self, span: tuple[int, int], *, head: tuple[int, int] | None = None,
                enclosing: Speaker | None = None, quoted: Sequence[tuple[int, int]] = (),
                in_quote: Callable[[int], bool] | None = None) -> Speaker:
        """Who the phrase text[span] refers to; `head` is its syntactic head word, when known.

        A mention inside `quoted` (or where `in_quote(start)` holds) is never the speaker."""
        text = self.article.text
        s, e = _without_intensifier(text, span)
        phrase = text[s:e]
        bodies: frozenset[str] = frozenset()
        body_first = False  # the body written before the title ("the White House press secretary")
        if in_quote is None:
            in_quote = lambda pos: any(a <= pos < b for a, b in quoted)  # noqa: E731
        # Mentions are sorted by start: the window is a slice, in the same order as a full scan.
        window = self.mentions[bisect_left(self._starts, s) : bisect_right(self._starts, e)]
        inside = [m for m in window if m.end <= e]
        if head is not None:
            # "fans of Lukashenko" are not Lukashenko: the name must be the phrase's head,
            # unless the head is a title in front of the name ("глава МИД Сергей Лавров").
            # A descriptor right before a name is the name's title too ("политик Светлана
            # Тихановская"): only a space between them, no comma, no "of".
            head_word = _TITLE_PREFIX.sub("", text[head[0] : head[1]].lower())  # «экс-президент» is a president
            if self._tie_to_named(head, inside):
                return Speaker(None, phrase, "someone of a named person's; not that person")
            if has_cyrillic(phrase) and inside and all(m.start >= head[1] and m.type != "PERSON" for m in inside) \
                    and self._unnamed_source(head):
                # «Источник НЕВСКИХ НОВОСТЕЙ сообщил», «житель Петровского рассказал»: the outlet's
                # source or the place's resident speaks, not the outlet or the place.
                return Speaker(None, phrase, "an unnamed source of a named outlet or body")
            if has_cyrillic(phrase) and inside and all(m.start >= head[1] and m.type == "LOC" for m in inside) \
                    and self._local_body(head):
                # «Прокуратура Ленинского района сообщила»: the body speaks, not the place it serves.
                return Speaker(None, phrase, "a body of a named place; not the place")
            person_title = head_word in self.lex.person_nouns
            titled = person_title or head_word in self.lex.org_nouns
            # «видеообращение Петра Порошенко», «Twitter советника … Подоляка»: in Russian the
            # genitive after a document or a medium names whose it is.
            owners = {id(m) for m in inside if m.type in ("PERSON", "ORG") and m.start >= head[1]
                      and self._in_genitive_of(m, head)} if has_cyrillic(phrase) and self._owned_medium(head) else set()
            whole = inside
            inside = [m for m in inside if (m.start <= head[0] and head[1] <= m.end)
                      or (titled and m.start > head[0])
                      or (m.start > head[1] and not text[head[1] : m.start].strip()
                          and not (m.type == "PERSON" and self._complement(m, head)))
                      or self._apposed(m, head)
                      # "Reporter Luke Harding’s latest article, claiming …": a document speaks
                      # for its possessor.
                      or (head_word in load_words("document_nouns") and m.type in ("PERSON", "ORG")
                          and m.end <= head[0] and self._hung_on(m, head, ("poss",)))
                      or id(m) in owners]
            if owners:
                # The owner before the medium itself, which the recogniser may tag («Telegram-канал»).
                inside.sort(key=lambda m: id(m) not in owners)
            if person_title and not any(m.type == "PERSON" for m in inside):
                # «Глава Белого дома», «руководитель МАГАТЭ»: a person, not the body they head;
                # with no name in the phrase the descriptor refers back like «the minister», but
                # only to someone the article names with that body («представитель Минпромторга»
                # is not the scientist named last).
                # The body stands after the title in Russian, before it in English ("The White
                # House press secretary" is not the spokeswoman of another country named last; a
                # state before "senator" is not: senators are seldom named beside their state).
                after = [m for m in whole if m.type in ("ORG", "LOC") and m.start > head[1]]
                first = [m for m in whole if m.type == "ORG" and m.end <= head[0] and not _party_label(m.text)]
                body_first = bool(first) and not after
                named = [x.text for m in after + first for x in self.owner[(m.start, m.end)].mentions]
                # «Президент России» is also placed by «российского лидера Владимира Путина».
                bodies = frozenset(named).union(*map(_ru_nation_of, named))
                inside = []
        # A name the recogniser typed comes first; an untagged surname only when the phrase has
        # none and ends with it ("CNN President On Trump" is CNN's, "Media Research Center’s
        # Bozell" is Bozell, "Gillum along with Sen. Nelson" is not Gillum alone).
        last_word = _LAST_WORD.search(phrase)
        for untagged in (False, True):
            for types in (("PERSON",), ("ORG",), ("LOC",)):
                for m in inside:
                    if untagged and (last_word is None or m.start != s + last_word.start()
                                     or _COORDINATION.search(phrase)):
                        continue
                    if m.type in types and ((m.start, m.end) in self._untagged) == untagged:
                        ent = self.owner[(m.start, m.end)]
                        return Speaker(ent, ent.name, "the surname of a person named in the article" if untagged else "named")
        words = phrase.lower().split()
        if not words:
            return Speaker(None, None, "empty")
        bearer = self._surname_bearer(phrase.strip())
        if bearer is not None:
            return Speaker(bearer, bearer.name, "the surname of a person named in the article")
        bracket = self._editorial_bracket(e, pronoun=len(words) == 1 and words[0] in self.lex.pronouns)
        if bracket is not None:
            return bracket
        if words[-1] in _FIRST_PERSON or words[0] in _FIRST_PERSON or (len(words) == 1 and words[0] in _FIRST_PERSON_OWNER):
            if enclosing is not None and enclosing.name:
                return Speaker(enclosing.entity, enclosing.name, "first person in a quote")
            return Speaker(None, self.article.author or "the author", "first person: the author")
        if len(words) > 1 and words[0] in load_words("possessives") and self._related_person(words, head):
            # "His lawyer said", «её мать рассказала»: someone of the possessor's, not the possessor.
            return Speaker(None, phrase, "someone of the possessor's; not the possessor")
        lemmas = self._lemmas(s, e) if has_cyrillic(phrase) else []
        if lemmas and words[0] not in _INDEFINITE and lemmas[0] in _INDEFINITE:
            words[0] = lemmas[0]  # «одного из чиновников» is somebody new, like «один из»
        role = None if words[0] in _INDEFINITE else self._roles.role_of(s, e, head)
        if role is not None:
            # «Историк отметил», "the pope said": the one the article introduced as such («историк
            # Борис Ковалев», "Pope Francis"), never merely the person named last.
            ent = self._roles.introduced_as(role, s, in_quote)
            if ent is not None:
                return Speaker(ent, ent.name, f"the person introduced as '{role}'")
            return Speaker(None, phrase, "a role noun; no one introduced with it before")
        written = phrase.split()
        # "the National Catholic Reporter", "the Democratic Party": a last word that closes a
        # capitalised name is that name's, not a title or body referring back.
        named_tail = len(written) >= 2 and written[-1][:1].isupper() and written[-2][:1].isupper() \
            and written[-2].lower() not in ("the", "a", "an") and not has_cyrillic(phrase)
        wanted = (None if named_tail else self._wanted_types(words[-1])) or self._wanted_types(words[0])
        if wanted is None and has_cyrillic(phrase):
            # «главы организации», «представителя МИД»: an inflected title is still a title; the
            # head stands first in Russian («администрации президента» is not the president) and
            # is singular («европейские лидеры» are not the leader named last).
            if lemmas and singular(words[0], lemmas[0]):
                wanted = self._wanted_types(lemmas[0])
        # "an expert" is somebody new; "the minister", "its leader", "он", "глава МИД" refer back.
        if wanted and words[-1] not in self.lex.pronouns and words[0] in _INDEFINITE:
            wanted = None
        if wanted and phrase.isascii() and words[-1] not in self.lex.pronouns and words[0] not in self.lex.pronouns \
                and words[0] not in load_words("definite_openers") \
                and words[-1].endswith("s") and not words[0].endswith(("'s", "’s")):
            wanted = None  # "Authorities said", "Court documents say": a bare plural is somebody new
        gender = _pronoun_genders().get(words[-1]) if words[-1] in self.lex.pronouns else _noun_genders().get(words[-1])
        if wanted:
            lookback = s - _LOOKBACK
            if "PERSON" not in wanted and words[-1] in self.lex.pronouns:
                # "they", "it" name a group or body that is rarely far away: this sentence or the
                # one before, or "the new government" in between would be skipped over.
                lookback = max(lookback, self._previous_sentence_start(s))
            if s >= self._body_start:
                lookback = max(lookback, self._body_start)
            # Only a pronoun points back to a common noun: a descriptor ("the company") keeps
            # looking for the name it stands for.
            pronoun = len(words) == 1 and words[0] in self.lex.pronouns
            group = self._group_noun(lookback, s, in_quote, plural=gender == "pl") \
                if pronoun and wanted == {"ORG"} else None
            before = self.mentions[bisect_left(self._starts, lookback) : bisect_right(self._starts, s)]
            place = frozenset() if pronoun else (descriptor_place(phrase) or bodies or nation_adjective_place(words))
            titled_one = None if pronoun else self._titled_before(words, before, s, in_quote)
            if titled_one is not None and self._placed(titled_one, place, s):
                return Speaker(titled_one, titled_one.name, "the person introduced with this title")
            if body_first and place:
                # "the House Inspector General" is not an IT aide named beside "House": only
                # someone introduced with this very title and body.
                return Speaker(None, phrase, "a descriptor naming its body; no one introduced so before it")
            for m in reversed(before):
                if m.end > s or m.start < lookback:
                    continue
                if group is not None and m.end <= group[0]:
                    break  # "the new government" stands closer than any named organisation
                if group is not None and group[0] <= m.start < group[1]:
                    continue  # "Scientists at Oxford …. They said": the scientists, not Oxford
                acting = pronoun and words[0] == "it" and m.type == "LOC" and self._acting_place(m)
                if (m.type in wanted or acting) and not in_quote(m.start):
                    ent = self.owner[(m.start, m.end)]
                    if gender and ent.type == "PERSON" and person_gender(ent.name) not in (None, gender):
                        continue  # "she" is not Zakharov; an unknown gender never blocks
                    if gender == "pl" and _named_person(ent):
                        continue  # "they" is never one person, even one the entity vote typed ORG
                    if gender == "pl" and has_cyrillic(phrase) and self._singular_subject(m):
                        continue  # «сообщает UCA News. Они …»: the writer made it one, «они» are others
                    if gender in ("m", "f") and self._family(ent):
                        continue  # "he" is not "the Clintons"
                    if not self._placed(ent, place, s):
                        continue  # "the Russian government" is not the organisation named last
                    return Speaker(ent, ent.name, f"'{words[-1]}' resolved to the nearest {m.type.lower()} before it")
            if group is not None:
                return Speaker(None, text[group[0] : group[1]], f"'{words[-1]}' resolved to the noun phrase before it")
            if place:
                # "the Russian government", "the German leader": a speaker in its own right.
                return Speaker(None, phrase, "a descriptor naming its nation or body; no one named so before it")
        return Speaker(None, phrase, "unresolved")

    def _lemmas(self, start: int, end: int) -> list[str]:
        """Lower-cased lemmas of the article's tokens within [start, end), ё read as е."""
        toks = self.article.tokens
        out = []
        for i in range(bisect_left(self._token_starts, start), len(toks)):
            if toks[i].end > end:
                break
            out.append(toks[i].lemma.lower().replace("ё", "е"))
        return out

    def _tie_to_named(self, head: tuple[int, int], inside: list[Mention]) -> bool:
        """"Cruz’s lawyer", "the senior Cruz adviser": the head names a person by a tie
        (relation_nouns.txt) to a person named before it in the phrase, with no name of its own
        after it ("Cruz adviser Jason Miller" is Miller)."""
        view = self.view
        k = view.token_at(head[0]) if view is not None else None
        if k is None or not (_relation_noun(view.tokens[k].lemma) or _relation_noun(view.tokens[k].text)):  # type: ignore[union-attr]
            return False
        after = self.article.text[head[1] : max([head[1]] + [m.end for m in inside])]
        return any(m.type == "PERSON" and m.end <= head[0] for m in inside) \
            and not any(m.start >= head[1] for m in inside) and not any(w[:1].isupper() for w in after.split())

    def _related_person(self, words: list[str], head: tuple[int, int] | None) -> bool:
        """The phrase after a possessive names a person by their tie to the possessor ("his
        lawyers", "her chief aide", «её отец»; lang/<code>/relation_nouns.txt), by the head word
        when the parse gives it, else the last word before a preposition."""
        if head is not None and self.view is not None and (k := self.view.token_at(head[0])) is not None:
            return _relation_noun(self.view.tokens[k].lemma)
        body = words[1:]
        cut = next((n for n, w in enumerate(body) if w in ("of", "at", "in", "on", "for", "with", "regarding")), len(body))
        return _relation_noun((body[:cut] or body)[-1])

    def _surname_bearer(self, phrase: str, before: int | None = None) -> Entity | None:
        """The one person whose full name ends with `phrase`, a lone capitalised word the entity
        recogniser left untagged ("Griffin said …" after "Kathy Griffin"). With `before`, of
        several bearers the one named last before that offset ("Trump" after "Donald Trump …
        Ivanka Trump … Donald Trump")."""
        if " " in phrase or not phrase[:1].isupper() or not phrase[1:].islower() or len(phrase) < 3:
            return None
        if phrase.lower() in self.lex.pronouns:
            return None
        found = self._surnames.get(phrase, [])
        if len(found) == 1 or before is None or not found:
            return found[0] if len(found) == 1 else None
        last = {id(ent): self._last_mention_before(ent, before) for ent in found}
        best = max(found, key=lambda ent: last[id(ent)])
        return best if last[id(best)] >= 0 else None

    def _last_mention_before(self, ent: Entity, pos: int) -> int:
        """Start of the entity's last tagged mention before `pos`, -1 if none (bisection over its
        sorted starts: a surname recurring thousands of times stays linear)."""
        starts = self._bearer_starts.get(id(ent))
        if starts is None:
            starts = self._bearer_starts[id(ent)] = sorted(m.start for m in ent.mentions)
        k = bisect_left(starts, pos)
        return starts[k - 1] if k else -1

    def _placed(self, ent: Entity, place: frozenset[str], end: int) -> bool:
        """Whether the article names `ent` with one of a descriptor's place forms: in its name, or
        right around one of its mentions before `end` ("F.B.I. Director James Comey")."""
        if not place:
            return True
        text = self.article.text
        pattern = _any_form(place)
        if pattern.search(ent.name) is not None:
            return True
        for x in ent.mentions:
            if x.start >= end:
                continue
            # A body's name of several words may start farther back if it ends right before the
            # name ("… Института российской истории РАН Владимир Кучкин").
            lo = max(0, x.start - _PLACE_BEFORE - 80)
            for m in pattern.finditer(text, lo, min(end, x.end + _PLACE_AFTER)):
                if m.start() >= x.start - _PLACE_BEFORE or (" " in m.group() and m.end() >= x.start - _PLACE_BEFORE // 2):
                    return True
                if m.end() <= x.start and self._title_between(text[m.end() : x.start]):
                    return True
        return False

    def _title_between(self, gap: str) -> bool:
        """Only a title of a few words between a body and a name: "White House [press secretary]
        Sarah Sanders" places her with the White House."""
        words = gap.split()
        return 0 < len(words) <= 4 and not any(ch in gap for ch in ",.;:()") \
            and words[-1].lower() in self.lex.person_nouns

    def _titled_before(self, words: list[str], before: list[Mention], end: int,
                       in_quote: Callable[[int], bool]) -> Entity | None:
        """"the senator" after "Sen. Tom Harlow … Jane Miller": the nearest person whose name
        was written after this title (or its abbreviation, lang/<code>/title_abbreviations.tsv)."""
        title = next((w for w in (words[-1], words[0]) if w in self.lex.person_nouns), None)
        if title is None:
            return None
        forms = {title} | _title_abbreviations().get(title, set())
        text = self.article.text
        seen: set[str] = set()
        for m in reversed(before):
            if m.type != "PERSON" or m.end > end or in_quote(m.start):
                continue
            ent = self.owner[(m.start, m.end)]
            if ent.id in seen:
                continue
            seen.add(ent.id)
            for x in ent.mentions:
                if x.start >= end:
                    continue
                lead = text[max(0, x.start - 25) : x.start].split()
                # "Vice President Joe Biden" was not introduced as "the president".
                rank = len(lead) >= 2 and lead[-2].lower() in _RANK_MODIFIERS and lead[-2].lower() not in words
                if lead and lead[-1].lower() in forms and not rank:
                    return ent
        return None

    def _apposed(self, m: Mention, head: tuple[int, int]) -> bool:
        """The name stands in apposition to the phrase's head («член совета области Владимир Рогов»,
        «эксперт института Питер Раф»): it names the same one."""
        if m.start <= head[0]:
            return False
        if self._hung_on(m, head, ("appos",)):
            return True
        # Through a second title in apposition: «главнокомандующий … генерал Филипп Бридлав».
        view = self.view
        h = view.token_at(head[0]) if view is not None else None
        if h is None:
            return False
        toks = view.tokens  # type: ignore[union-attr]
        return any(toks[k].dep == "appos" and toks[toks[k].head].dep == "appos" and toks[toks[k].head].head == h
                   and toks[toks[k].head].pos == "NOUN" and toks[toks[k].head].end <= m.start
                   for k in view.tokens_in(m.start, m.end))  # type: ignore[union-attr]

    def _complement(self, m: Mention, head: tuple[int, int]) -> bool:
        """The name completes the head as its genitive or possessor («сторонники Лукашенко», "fans
        of Lukashenko"): it is not who the phrase names."""
        return self._hung_on(m, head, ("nmod", "nmod:poss"))

    def _head_listed(self, head: tuple[int, int], name: str) -> bool:
        """Whether the head word's lemma is in lang/ru/<name>.txt."""
        view = self.view
        k = view.token_at(head[0]) if view is not None else None
        return k is not None and view.tokens[k].lemma.lower() in load_list("ru", name)  # type: ignore[union-attr]

    def _unnamed_source(self, head: tuple[int, int]) -> bool:
        """Whether the head word is an unnamed source or resident («источник», «житель»:
        lang/ru/unnamed_source_nouns.txt)."""
        return self._head_listed(head, "unnamed_source_nouns")

    def _local_body(self, head: tuple[int, int]) -> bool:
        """Whether the head word is a body a place in the genitive only locates («прокуратура
        района», «мэрия Златоуста»: lang/ru/local_bodies.txt)."""
        return self._head_listed(head, "local_bodies")

    def _owned_medium(self, head: tuple[int, int]) -> bool:
        """Whether the head word is a document or a medium («сообщение», «Twitter», «канал»)."""
        view = self.view
        k = view.token_at(head[0]) if view is not None else None
        if k is None:
            return False
        lemma, word = view.tokens[k].lemma.lower(), view.tokens[k].text.lower()  # type: ignore[union-attr]
        return lemma in _media_words() or word in _media_words()

    def _in_genitive_of(self, m: Mention, head: tuple[int, int]) -> bool:
        """Whether a token of the mention hangs on the head through a chain of genitive links (nmod
        with no preposition)."""
        view = self.view
        h = view.token_at(head[0]) if view is not None else None
        if h is None:
            return False
        toks = view.tokens  # type: ignore[union-attr]
        for k in view.tokens_in(m.start, m.end):  # type: ignore[union-attr]
            seen = 0
            # A genitive has no preposition: «обращения политика к Еврокомиссии» is addressed to it.
            while toks[k].dep.startswith(("nmod", "appos", "flat")) and toks[k].head != k and seen < 6 \
                    and not view.kids(k, "case"):  # type: ignore[union-attr]
                k, seen = toks[k].head, seen + 1
                if k == h:
                    return True
        return False

    def _hung_on(self, m: Mention, head: tuple[int, int], deps: tuple[str, ...]) -> bool:
        """Whether a token of the mention depends on the head word with one of `deps`."""
        view = self.view
        h = view.token_at(head[0]) if view is not None else None
        if h is None:
            return False
        toks = view.tokens  # type: ignore[union-attr]
        return any(toks[k].dep in deps and toks[k].head == h for k in view.tokens_in(m.start, m.end))  # type: ignore[union-attr]

    def _acting_place(self, m: Mention) -> bool:
        """A place that is the subject of a verb acts as its government ("if Russia does not help
        him, it means that it wants …"): "it" may stand for it; a place in a phrase may not."""
        view = self.view
        if view is None:
            return False
        toks = view.tokens
        return any(toks[k].dep == "nsubj" and toks[toks[k].head].pos in ("VERB", "AUX") for k in view.tokens_in(m.start, m.end))

    def _group_noun(self, lookback: int, end: int, in_quote: Callable[[int], bool], *,
                    plural: bool = False) -> tuple[int, int] | None:
        """The nearest subject before `end` headed by an organisation noun ("the new government
        will …. Moreover, they …"): the phrase's span, from its first modifier to the noun."""
        view = self.view
        if view is None:
            return None
        toks = view.tokens
        for k in reversed(view.tokens_in(lookback, end)):
            tok = toks[k]
            # A plural pronoun may also stand for people named by a plural person noun ("The
            # ministers met … They said …", «Учёные выяснили … Они отметили …»; lang/<code>/
            # group_person_nouns.txt; a plural is a form other than its lemma).
            people = plural and (tok.lemma.lower() in self.lex.person_nouns or tok.lemma.lower() in load_words("group_person_nouns")) \
                and tok.text.lower() != tok.lemma.lower()
            if tok.pos != "NOUN" or not tok.dep.startswith("nsubj") or in_quote(tok.start) \
                    or (tok.text.lower() not in self.lex.org_nouns and not people):
                continue
            mods = [c for c in view.kids(k, "det", "amod", "compound", "nmod", "poss") if c < k]
            first = min([k] + [view.subtree(c)[0] for c in mods])
            if people:
                # People are named with the few words that follow them ("scientists at Oxford"),
                # not with a clause, a list or a time ("officials familiar with …, speaking …").
                sub, last = set(view.subtree(k)), k
                for i in range(k + 1, min(k + 5, len(toks))):
                    if i not in sub or toks[i].pos in ("PUNCT", "VERB", "AUX", "CCONJ", "PRON", "NUM") \
                            or toks[i].dep in ("relcl", "acl", "conj", "appos"):
                        break
                    last = i
                while last + 1 < len(toks) and toks[last].pos == "PROPN" and toks[last + 1].pos == "PROPN" \
                        and last + 1 in sub:
                    last += 1  # a name is not cut ("officials with the Democratic Congressional Campaign Committee")
                while last > k and toks[last].pos in ("ADP", "DET"):
                    last -= 1
                return toks[first].start, toks[last].end
            return toks[first].start, tok.end
        return None
