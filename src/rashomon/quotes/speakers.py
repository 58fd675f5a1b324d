"""Resolve a speaker phrase to an entity: a name in it, or a pronoun/title to the nearest
compatible named entity before it. Places and things are never resolved as speakers of a
pronoun; a quoted phrase is never a speaker."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Sequence

from ..model import Article, Entity, Mention
from .lexicon import QuoteLexicon

_LOOKBACK = 2000  # characters searched backwards for the referent of "he", "the minister"
_FIRST_PERSON = {"i", "we", "я", "мы", "me", "us"}
_INDEFINITE = {"a", "an", "one", "another", "some", "several", "many", "один", "одна", "некий", "некая", "другой"}


@dataclass(slots=True)
class Speaker:
    """Resolution result: the entity (if any), a display name, and how it was found."""

    entity: Entity | None
    name: str | None
    how: str


class SpeakerResolver:
    """Maps speaker spans to the article's entities."""

    def __init__(self, article: Article, lex: QuoteLexicon) -> None:
        self.article = article
        self.lex = lex
        self.owner: dict[tuple[int, int], Entity] = {}
        self.mentions: list[Mention] = []
        for ent in article.entities:
            for m in ent.mentions:
                self.owner[(m.start, m.end)] = ent
                self.mentions.append(m)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

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
        s, e = span
        phrase = text[s:e]
        if in_quote is None:
            in_quote = lambda pos: any(a <= pos < b for a, b in quoted)  # noqa: E731
        # Mentions are sorted by start: the window is a slice, in the same order as a full scan.
        window = self.mentions[bisect_left(self._starts, s) : bisect_right(self._starts, e)]
        inside = [m for m in window if m.end <= e]
        if head is not None:
            # "fans of Lukashenko" are not Lukashenko: the name must be the phrase's head,
            # unless the head is a title in front of the name ("глава МИД Сергей Лавров").
            head_word = text[head[0] : head[1]].lower()
            titled = head_word in self.lex.person_nouns or head_word in self.lex.org_nouns
            inside = [m for m in inside if (m.start <= head[0] and head[1] <= m.end) or (titled and m.start > head[0])]
        for types in (("PERSON",), ("ORG",), ("LOC",)):
            for m in inside:
                if m.type in types:
                    ent = self.owner[(m.start, m.end)]
                    return Speaker(ent, ent.name, "named")
        words = phrase.lower().split()
        if not words:
            return Speaker(None, None, "empty")
        if words[-1] in _FIRST_PERSON or words[0] in _FIRST_PERSON:
            if enclosing is not None and enclosing.name:
                return Speaker(enclosing.entity, enclosing.name, "first person in a quote")
            return Speaker(None, self.article.author or "the author", "first person: the author")
        wanted = self._wanted_types(words[-1]) or self._wanted_types(words[0])
        # "an expert" is somebody new; "the minister", "its leader", "он", "глава МИД" refer back.
        if wanted and words[-1] not in self.lex.pronouns and words[0] in _INDEFINITE:
            wanted = None
        if wanted:
            before = self.mentions[bisect_left(self._starts, s - _LOOKBACK) : bisect_right(self._starts, s)]
            for m in reversed(before):
                if m.end > s or m.start < s - _LOOKBACK:
                    continue
                if m.type in wanted and not in_quote(m.start):
                    ent = self.owner[(m.start, m.end)]
                    return Speaker(ent, ent.name, f"'{words[-1]}' resolved to the nearest {m.type.lower()} before it")
        return Speaker(None, phrase, "unresolved")
