"""The one data object: an `Article` whose `text` never changes, with typed span layers.

Every layer record holds `start`/`end` character offsets into `Article.text` (Python str
indices, end exclusive) and `text[start:end]` is the record's text. Records are small
dataclasses passed around explicitly, natasha-style; serialisation lives in `serialize`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

EntityType = Literal["PERSON", "ORG", "LOC", "OTHER"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Stance = Literal["asserted", "attributed", "hedged", "disputed"]
Language = Literal["en", "ru", "be", "uk", "und"]


@dataclass(slots=True)
class Span:
    """A stretch of the article text; records that are one (sentences, tokens, mentions, ...) extend it."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Paragraph(Span):
    """A non-empty line block of the text, with its own detected language."""

    language: str = "und"


@dataclass(slots=True)
class Sentence(Span):
    """A sentence; headlines and one-line paragraphs are sentences of their own."""


@dataclass(slots=True)
class Token(Span):
    """A token with the morpho-syntax the language backend gave it."""

    lemma: str
    pos: str
    dep: str
    head: int  # index into Article.tokens; a root points at itself
    sent: int  # index into Article.sentences


@dataclass(slots=True)
class Mention(Span):
    """One occurrence of a named entity, as the backend (after corrections) typed it."""

    type: EntityType
    normal: str  # normal form: nominative for Russian, possessive stripped for English
    label: str = ""  # the backend's own label (PERSON, GPE, PER, ...), for explanations


@dataclass(slots=True)
class Entity:
    """Mentions of one real-world referent within an article."""

    id: str
    name: str
    type: EntityType
    aliases: list[str]
    mentions: list[Mention]


@dataclass(slots=True)
class Quote:
    """Who says what: content with its cue and speaker spans."""

    id: str
    kind: QuoteKind
    content: Span
    cue: Span | None
    speaker: Span | None
    speaker_name: str | None
    speaker_entity: str | None
    parent: str | None = None


QuotedRole = Literal["quote", "scare", "title", "name", "term"]


@dataclass(slots=True)
class QuotedPhrase(Span):
    """Text between quotation marks (marks excluded) and what the quotes layer decided it is.

    role: `quote` (someone's words), `scare` (distancing or ironic quotation marks, no speaker),
    `title` (a work, programme or publication), `name` (a named thing: an operation, a
    substance), `term` (a word mentioned as a word). The techniques layer labels `scare` as
    Scare_Quotes, reusing this one decision.
    """

    role: QuotedRole
    reason: str


@dataclass(slots=True)
class Claim:
    """A check-worthy statement with its source and the author's stance to it."""

    id: str
    start: int
    end: int
    text: str
    source_entity: str | None
    stance: Stance
    source_name: str | None = None  # display name of the source; None = the author
    quote: str | None = None  # id of the quote the claim comes from


@dataclass(slots=True)
class Technique:
    """A persuasion-technique span with a checkable explanation."""

    label: str
    start: int
    end: int
    text: str
    explanation: str
    score: float


@dataclass(slots=True)
class Quantity(Span):
    """A number with its kind, unit, measured thing (head), normalised value and approximation marker."""

    value: float | None
    high: float | None
    head: str | None
    approx: str | None
    relation: str | None = None  # eq, range, ge, gt, le, lt, about
    head_lemma: str | None = None
    sentence: int | None = None  # index into Article.sentences
    # count, money, percent, measure, temperature, score, age, ordinal, duration, rate, reference
    kind: str | None = None
    unit: str | None = None  # ISO currency for money (USD), normalised unit for measure (km), C/F


@dataclass(slots=True)
class DateRef(Span):
    """A date expression normalised to ISO with its granularity."""

    iso: str | None
    granularity: str | None


# Names of the span layers, in serialisation order; each is a list attribute of Article.
SPAN_LAYERS: tuple[str, ...] = (
    "paragraphs",
    "sentences",
    "tokens",
    "mentions",
    "quoted",
    "quotes",
    "claims",
    "techniques",
    "quantities",
    "dates",
)


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Article:
    """An article: immutable text plus metadata and analysis layers."""

    id: str
    text: str
    source: str = ""
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str = "und"
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quoted: list[QuotedPhrase] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # Which components have run, so later components and the pipeline can check.
    done: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A lone UTF-16 surrogate (a "\\ud800" escape in JSON, a stray code unit from a broken
        # export) cannot be encoded as UTF-8 and crashes spaCy and every writer. Replace each with
        # U+FFFD: one character for one, so offsets into the text are unchanged.
        n = 0
        for name in ("text", "source", "title", "published", "outlet", "author"):
            value = getattr(self, name)
            if isinstance(value, str) and _SURROGATE.search(value):
                clean, k = _SURROGATE.subn("\ufffd", value)
                setattr(self, name, clean)
                n += k
        if n:
            self.meta["replaced_surrogates"] = n

    def span(self, start: int, end: int) -> Span:
        """A Span over text[start:end]."""
        return Span(start, end, self.text[start:end])

    def iter_spans(self) -> Iterator[tuple[str, int, int, str]]:
        """Every (layer, start, end, text) the article holds, for invariant checks."""
        for layer in SPAN_LAYERS:
            for rec in getattr(self, layer):
                if isinstance(rec, Quote):
                    for part in ("content", "cue", "speaker"):
                        sp = getattr(rec, part)
                        if sp is not None:
                            yield f"quotes.{part}", sp.start, sp.end, sp.text
                else:
                    yield layer, rec.start, rec.end, rec.text
        for ent in self.entities:
            for m in ent.mentions:
                yield "entities.mentions", m.start, m.end, m.text

    def check_spans(self) -> None:
        """Raise E040 unless every span slices the text exactly."""
        from .errors import RashomonError

        n = len(self.text)
        for layer, start, end, text in self.iter_spans():
            if not (0 <= start <= end <= n) or self.text[start:end] != text:
                raise RashomonError(
                    "E040", layer=layer, detail=f"[{start}:{end}] {text[:40]!r} in {self.id}"
                )
