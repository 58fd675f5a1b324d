"""What the comparison sees of each claim: its source, the corpus entities it mentions, its
event class, who it says acted (agents), and its quantities and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import load_list, load_table
from ..model import Article, Claim, DateRef, Quantity
from ..syntax import SyntaxView

# Words that end an agent phrase: "… by Belarusian generals with the support of the US, while …".
_AGENT_STOP = re.compile(r"[,.;:!?()]|\s(?:while|whereas|but|which|who|and then|а|но|который|которые)\s")


@dataclass
class ClaimUnit:
    """One claim as compared: where it is, whose it is, and what it is about."""

    index: int
    article: str
    claim: Claim
    source: str  # display name; the article's author/outlet when the author asserts it
    source_key: str  # identity of the source for "different sources" checks
    clusters: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    agents: list[tuple[int, int]] = field(default_factory=list)  # spans of agent phrases
    agent_keys: set[str] = field(default_factory=set)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)


@lru_cache(maxsize=None)
def event_classes() -> dict[str, str]:
    """lemma -> event class, both languages."""
    return {r[0]: r[1] for lang in ("en", "ru") for r in load_table(lang, "event_classes") if len(r) >= 2}


@lru_cache(maxsize=None)
def _agent_pattern() -> re.Pattern[str]:
    markers = sorted({m for lang in ("en", "ru") for m in load_list(lang, "agent_markers")}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(m) for m in markers) + r")(?!\w)", re.IGNORECASE)


def author_name(article: Article) -> str:
    """How the article's own voice is named in positions."""
    return article.author or (f"{article.outlet} (author)" if article.outlet else "the author")


def agent_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Phrases naming who acted: after "prepared by", "led by", "with the support of", «при поддержке»."""
    spans = []
    for m in _agent_pattern().finditer(text, start, end):
        stop = _AGENT_STOP.search(text, m.end(), end)
        nxt = _agent_pattern().search(text, m.end(), end)
        e = min(x for x in (stop.start() if stop else end, nxt.start() if nxt else end, end))
        s = m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 2:
            spans.append((s, e))
    return spans


def _agent_key(text: str) -> str:
    words = [w for w in re.findall(r"\w+", text.lower()) if w not in ("the", "either", "or", "and", "of", "и", "или")]
    return " ".join(words)


def build_units(articles: list[Article], cluster_of: dict[tuple[str, str], str]) -> list[ClaimUnit]:
    """A unit per claim of every article; cluster_of maps (article id, entity id) to a corpus cluster."""
    units: list[ClaimUnit] = []
    classes = event_classes()
    for art in articles:
        text = art.text
        view = SyntaxView(art)
        mention_cluster = [(m.start, m.end, cluster_of.get((art.id, e.id)), e.type)
                           for e in art.entities for m in e.mentions]
        for claim in art.claims:
            s, e = claim.start, claim.end
            if claim.source_entity is None:
                source, key = author_name(art), f"author:{art.id}"
            else:
                key = cluster_of.get((art.id, claim.source_entity), f"{art.id}:{claim.source_entity}")
                source = claim.source_name or key
            unit = ClaimUnit(len(units), art.id, claim, source, key)
            unit.clusters = {c for a, b, c, t in mention_cluster if c and s <= a and b <= e and t != "OTHER"}
            unit.events = {classes[view.tokens[i].lemma.lower()] for i in view.tokens_in(s, e)
                           if view.tokens[i].lemma.lower() in classes}
            unit.agents = agent_spans(text, s, e)
            for a, b in unit.agents:
                ids = {c for x, y, c, _t in mention_cluster if c and a <= x and y <= b}
                unit.agent_keys |= ids or {_agent_key(text[a:b])}
            unit.quantities = [q for q in art.quantities if s <= q.start and q.end <= e and q.head_lemma]
            unit.dates = [d for d in art.dates if s <= d.start and d.end <= e and d.iso]
            units.append(unit)
    return units
