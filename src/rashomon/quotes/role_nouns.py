"""Nouns that name a person by occupation or role («историк», «политолог», "the pope", "the
sheriff"; lang/<code>/role_nouns.txt). As a speaker such a noun refers back only to the one the
article introduced with it («историк Борис Ковалев», "Pope Francis", "Jane Roe, a historian at
Yale"), never merely to the person named last: an expert who was not introduced stays an expert."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import takewhile
from typing import Callable

from ..lang import load_words
from ..model import Article, Entity, Mention
from ..morph import russian_morph
from ..script import has_cyrillic

_BEFORE_EN, _BEFORE_RU = 6, 12  # words looked at before a name for its role (Russian chains titles)
_AFTER = 4  # words looked at after a name's comma, dash or bracket
_NAME_REACH = 200  # characters: no name is longer, so a mention starting farther back cannot cover a point


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Lemmas of lang/<code>/role_nouns.txt, ё read as е."""
    return frozenset(w.replace("ё", "е") for w in load_words("role_nouns"))


@lru_cache(maxsize=8192)
def _cases(word: str) -> frozenset[str]:
    """The grammatical cases the dictionary allows a Russian word (empty when unknown)."""
    return frozenset(str(p.tag.case) for p in russian_morph().parse(word.lower()) if p.is_known and p.tag.case)


def shares_case(a: str, b: str) -> bool:
    """Whether two Russian words may stand in one case («историка» and «Бориса»); unknown words
    agree with anything."""
    ca, cb = _cases(a), _cases(b)
    return not ca or not cb or bool(ca & cb)


def singular(word: str, lemma: str) -> bool:
    """Whether `word`, a form of `lemma`, is singular: English by its form, Russian by the
    dictionary's readings with that lemma («эксперта» yes, «эксперты» no)."""
    word = word.lower().replace("ё", "е")
    if not has_cyrillic(word):
        return word == lemma
    tags = [p.tag for p in russian_morph().parse(word) if p.normal_form.replace("ё", "е") == lemma]
    return not tags or any("sing" in t for t in tags)


class RoleIndex:
    """Finds role nouns in speaker phrases and the people the article introduced with them."""

    def __init__(self, article: Article, mentions: list[Mention], owner: dict[tuple[int, int], Entity],
                 token_starts: list[int]) -> None:
        self.article = article
        self.mentions = mentions  # sorted by start, untagged surnames included
        self.starts = [m.start for m in mentions]
        self.owner = owner
        self.token_starts = token_starts
        self._around: dict[tuple[int, str], bool] = {}  # (mention start, role) -> found: each mention read once

    def _lemma(self, i: int) -> str:
        return self.article.tokens[i].lemma.lower().replace("ё", "е")

    def role_of(self, start: int, end: int, head: tuple[int, int] | None) -> str | None:
        """The role noun heading the phrase text[start:end] in the singular: its syntactic head
        when known, else its last or first word ("The pope", «Российский ученый», «эксперта
        института»); None for a plural ("historians", «эксперты») or any other phrase."""
        toks = self.article.tokens
        # Tokens are sorted and disjoint: the first one ending past `end` closes the phrase.
        idx = [i for i in takewhile(lambda i: toks[i].end <= end, range(bisect_left(self.token_starts, start), len(toks)))
               if toks[i].text[:1].isalpha()]
        if not idx:
            return None
        order = [idx[-1], idx[0]]
        if head is not None:
            # A known head alone: "the lawyer for the billionaire" is the lawyer.
            k = bisect_left(self.token_starts, head[0])
            order = [k] if k < len(toks) and toks[k].start == head[0] else []
        for i in order:
            lemma = self._lemma(i)
            if lemma in role_nouns() and singular(toks[i].text, lemma):
                return lemma
        return None

    def introduced_as(self, role: str, end: int, in_quote: Callable[[int], bool]) -> Entity | None:
        """The person named last before `end` whom the article introduced with the role noun: in
        front of a mention («историк Борис Ковалев», «шоумен и музыкант Валдис Пельш», "Pope
        Francis") or set after it ("Jane Roe, a historian at …", «Ковалев, историк»)."""
        seen: set[int] = set()
        for m in reversed(self.mentions[: bisect_left(self.starts, end)]):
            if m.type != "PERSON" or m.end > end or in_quote(m.start):
                continue
            ent = self.owner[(m.start, m.end)]
            if id(ent) in seen:
                continue
            seen.add(id(ent))
            if any(x.start < end and self._introduced_here(x, role) for x in ent.mentions):
                return ent
        return None

    def _introduced_here(self, m: Mention, role: str) -> bool:
        key = (m.start, role)
        if key not in self._around:
            self._around[key] = self._role_around(m, role)
        return self._around[key]

    def _in_person(self, pos: int) -> bool:
        """Whether a tagged person's name covers `pos`."""
        k = bisect_right(self.starts, pos) - 1
        while k >= 0 and pos - self.mentions[k].start <= _NAME_REACH:
            m = self.mentions[k]
            if m.start <= pos < m.end and m.type == "PERSON":
                return True
            k -= 1
        return False

    def _role_around(self, m: Mention, role: str) -> bool:
        """Whether the role noun stands in the mention's own words before its last, in the few
        words right before it (no verb or punctuation between; "and" may join two roles; in
        English no preposition either: "a letter to the pope from Juan Cruz"), or heads a phrase
        set after it behind a comma, dash or bracket ("O’Malley, the pope’s adviser" is not the
        pope). A Russian role word agrees in case with the name («историка Бориса Ковалева»)."""
        toks = self.article.tokens
        first = bisect_left(self.token_starts, m.start)
        if first >= len(toks):
            return False

        def agrees(i: int) -> bool:
            # Any word of the name will do: the dictionary may not know a first name's case.
            return not has_cyrillic(toks[i].text) or any(
                shares_case(toks[i].text, toks[k].text)
                for k in range(first, len(toks)) if toks[k].end <= m.end and toks[k].text[:1].isalpha())

        j = first
        while j < len(toks) and toks[j].end <= m.end:
            if toks[j].end < m.end and self._lemma(j) == role:
                return True  # "Pope Francis", "Sheriff Jerry Hogrefe" tagged with the title
            j += 1
        sent = toks[first].sent
        russian = has_cyrillic(m.text)
        for i in range(first - 1, max(-1, first - 1 - (_BEFORE_RU if russian else _BEFORE_EN)), -1):
            tok = toks[i]
            # Russian chains titles with commas and names bodies in marks: «политолог, экономист,
            # экс-председатель движения «Битва за Донбасс» Алексей Живов»; another person's name ends it.
            chained = russian and tok.text in (",", "«", "»", '"', "“", "”", "„")
            if tok.sent != sent or tok.pos in ("VERB", "AUX", "PART") or (tok.pos == "PUNCT" and not chained) \
                    or (not tok.text[:1].isalnum() and not chained) or (tok.pos == "ADP" and not russian) \
                    or self._in_person(tok.start):
                break
            if self._lemma(i) == role:
                return agrees(i)
        if j < len(toks) and toks[j].text in (",", "—", "–", "-", "(") and toks[j].sent == sent:
            for i in range(j + 1, min(len(toks), j + 1 + _AFTER)):
                tok = toks[i]
                if tok.sent != sent or tok.pos not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ"):
                    break
                if self._lemma(i) == role:
                    after = toks[i + 1].text if i + 1 < len(toks) else ""
                    return after not in ("'s", "’s", "'", "’") and agrees(i)
        return False
