"""Build small analysed-looking articles without loading any model."""

from __future__ import annotations

from rashomon.model import Article, Entity, Mention

# (name, type) or (name, type, mention count) or (name, type, count, [extra surface forms])
Spec = tuple


def article(aid: str, *specs: Spec) -> Article:
    """An Article whose entities are given directly (text is a placeholder)."""
    art = Article(id=aid, text=" ".join(str(s[0]) for s in specs))
    for i, spec in enumerate(specs, start=1):
        name, etype = spec[0], spec[1]
        count = spec[2] if len(spec) > 2 else 1
        forms = spec[3] if len(spec) > 3 else []
        mentions = [Mention(0, 0, forms[k % len(forms)] if forms and k else name, etype, name) for k in range(count)]
        if forms:
            mentions += [Mention(0, 0, f, etype, f) for f in forms]
        art.entities.append(Entity(f"e{i}", name, etype, sorted(set(forms)), mentions))
    return art


def cluster_of(clusters, name: str):  # noqa: ANN001, ANN201
    """The cluster whose aliases include `name`."""
    hits = [c for c in clusters if name in c.aliases]
    assert len(hits) == 1, (name, [(c.name, c.aliases) for c in hits])
    return hits[0]


def together(clusters, *names: str) -> bool:  # noqa: ANN001
    """True if every name sits in one and the same cluster."""
    return len({cluster_of(clusters, n).id for n in names}) == 1
