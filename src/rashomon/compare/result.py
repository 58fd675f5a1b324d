"""The typed result of a comparison, consumed by every renderer (JSON, text, HTML, web).

`Comparison.to_dict()` is the JSON contract of `rashomon compare` (see DESIGN.md): conflicts,
agreements and updates share one shape, ranked by confidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Position:
    """Where one source holds a position: a span in an article, inside one of its claims."""

    article: str
    source_name: str
    source_entity: str | None  # corpus entity cluster of the speaker; None = the author or an unlinked speaker
    text: str
    start: int
    end: int
    claim: str | None
    claim_text: str
    stance: str | None


@dataclass
class Finding:
    """A conflict, agreement or update between positions.

    `slot` is what differs (quantity, date, actor, place, origin, polarity, modality) and
    `frame` what both speak of, in words; `why` says both in one line.
    """

    id: str
    kind: str
    topic: str
    why: str
    confidence: float
    story: str
    positions: list[Position]
    frame: str = ""
    slot: str = ""
    features: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form (features omitted: they are for calibration, not the contract)."""
        out = asdict(self)
        out.pop("features")
        out["score"] = out["confidence"]  # older key, kept for readers of 0.x output
        return out


@dataclass
class Unique:
    """A claim on the story's shared subject that only one side reports."""

    id: str
    story: str
    position: Position

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the position's fields flattened beside id and story."""
        return {"id": self.id, "story": self.story, **asdict(self.position)}


@dataclass
class StoryRef:
    """A story: the articles about one event."""

    id: str
    articles: list[str]
    topic: str


@dataclass
class ArticleRef:
    """What the comparison shows of an article."""

    id: str
    title: str | None
    source: str
    outlet: str | None
    published: str | None
    language: str


@dataclass
class ClusterRef:
    """A corpus entity cluster: one actor across articles and scripts."""

    id: str
    name: str
    type: str
    aliases: list[str]
    articles: list[str]


@dataclass
class Comparison:
    """The result of `compare_articles`: stories, ranked conflicts, agreements, updates, unique claims."""

    version: str
    articles: list[ArticleRef]
    entities: list[ClusterRef]
    stories: list[StoryRef]
    conflicts: list[Finding]
    agreements: list[Finding]
    updates: list[Finding]
    unique: list[Unique]
    min_confidence: float = 0.0
    hidden: int = 0  # conflicts found below min_confidence, not listed
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of `rashomon compare`."""
        out: dict[str, Any] = {
            "rashomon": self.version,
            "articles": [asdict(a) for a in self.articles],
            "entities": [asdict(c) for c in self.entities],
            "stories": [asdict(s) for s in self.stories],
            "conflicts": [f.to_dict() for f in self.conflicts],
            "agreements": [f.to_dict() for f in self.agreements],
            "updates": [f.to_dict() for f in self.updates],
            "unique": [u.to_dict() for u in self.unique],
            "min_confidence": self.min_confidence,
            "hidden_conflicts": self.hidden,
        }
        if self.errors:
            out["errors"] = list(self.errors)
        return out
