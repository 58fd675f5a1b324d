"""Cross-article entity clusters: type-aware, blocked, explained merge by merge.

Phases, each recorded as :class:`Merge` entries:

1. alias file ``same`` rules force merges;
2. identical names of one type join (``same-name``);
3. blocked candidate pairs of full names are compared (persons with ``same_person``, places
   through exonyms, anything else with ``match_names``) and joined best score first, under
   complete linkage so two people who share a first name never meet through a chain;
4. a surname-only (or initials + surname) mention joins the one full-name cluster it fits;
   when several fit, co-occurring entities break the tie (``surname+context``);
5. a one-vowel typo of a dominant surname in the same article joins it (``typo``);
6. remaining surname-only mentions with no full name anywhere join each other.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from rashomon.entities.grouping import mention_key, strip_editorial
from rashomon.model import Article, Entity
from rashomon.names import name_key, parse_person
from rashomon.resolve.aliases import AliasRules
from rashomon.resolve.blocking import PREFIX, block_keys, candidate_pairs
from rashomon.resolve.display import SCRIPTS, display_name
from rashomon.resolve.groups import Groups
from rashomon.resolve.keys import identity_key
from rashomon.resolve.model import EntityCluster, Merge, Node
from rashomon.resolve.places import place_forms
from rashomon.resolve.rules import TYPO_DOMINANCE, Verdict, compare, person_kind, surname_key, typo_of

CONTEXT_MARGIN = 1.5  # the winning host's context score must beat the runner-up by this factor


def _same(a: str, b: str, etype: str) -> bool:
    return compare(a, b, etype).same


def _forms(ent: Entity) -> frozenset[str]:
    """Casefolded name, aliases, mention texts and normal forms of an entity."""
    texts = [ent.name, *ent.aliases, *(strip_editorial(m.text) for m in ent.mentions), *(m.normal for m in ent.mentions)]
    return frozenset(mention_key(t) for t in texts if t)


def _nodes(articles: list[Article]) -> list[Node]:
    """One node per article entity, with its person kind."""
    nodes = []
    for art in articles:
        for ent in art.entities:
            kind = person_kind(ent.name) if ent.type == "PERSON" else "name"
            nodes.append(Node(len(nodes), art.id, ent, _forms(ent), kind))
    return nodes


def _alias_tags(node: Node, aliases: AliasRules | None) -> dict[int, set[int]]:
    """Which names of which `different` rules this node carries."""
    tags: dict[int, set[int]] = {}
    for r, rule in enumerate(aliases.different if aliases else []):
        for pos, name in enumerate(rule.names):
            if mention_key(name) in node.forms:
                tags.setdefault(r, set()).add(pos)
    return tags


def _merge(a: Node | str, b: Node | str, v: Verdict, rule: str | None = None) -> Merge:
    name_a = a if isinstance(a, str) else a.name
    name_b = b if isinstance(b, str) else b.name
    return Merge(name_a, name_b, rule or v.rule, round(v.score, 4), v.why)


class _Resolver:
    """Holds nodes and groups through the phases of one clustering run."""

    def __init__(self, articles: list[Article], aliases: AliasRules | None) -> None:
        self.aliases = aliases
        self.nodes = _nodes(articles)
        self.groups = Groups()
        for node in self.nodes:
            linkage = node.name if node.kind in ("full", "name") else None
            self.groups.add(node.type, linkage, _alias_tags(node, aliases))

    def run(self) -> None:
        """Every merge phase, in order: alias rules, identical names, scored candidates,
        surnames attached to full names, typos, orphans."""
        self.forced()
        self.identical()
        self.candidates()
        self.attach()
        self.typos()
        self.orphans()

    def forced(self) -> None:
        """Phase 1: alias `same` rules join every entity carrying one of their names."""
        for rule in self.aliases.same if self.aliases else []:
            keys = {mention_key(n) for n in rule.names}
            hits = [n for n in self.nodes if n.forms & keys]
            for node in hits[1:]:
                v = Verdict(True, "alias-same", 1.0, f"alias file {rule.describe()}")
                self.groups.join(hits[0].index, node.index, _merge(hits[0], node, v))

    def identical(self) -> None:
        """Phase 2: full names (and non-person names) that are identical join."""
        first: dict[tuple[str, str], Node] = {}
        for node in self.nodes:
            if node.kind not in ("full", "name"):
                continue
            key = (node.type, identity_key(node.name))
            if key not in first:
                first[key] = node
            elif not self.groups.conflict(first[key].index, node.index, None):
                v = Verdict(True, "same-name", 1.0, f"identical names '{node.name}'")
                self.groups.join(first[key].index, node.index, _merge(first[key], node, v))

    def _block_key(self, node: Node) -> str:
        if node.type == "PERSON":
            return surname_key(node.name)
        if node.type == "LOC":
            return name_key(place_forms(node.name)[0])
        return name_key(node.name)

    def candidates(self) -> None:
        """Phase 3: compare blocked pairs of distinct full names; join best score first."""
        reps: dict[tuple[str, str], Node] = {}
        for node in self.nodes:
            if node.kind in ("full", "name"):
                reps.setdefault((node.type, identity_key(node.name)), node)
        by_type: dict[str, list[Node]] = defaultdict(list)
        for node in reps.values():
            by_type[node.type].append(node)
        scored = []
        for etype, group in by_type.items():
            items = [(n.index, self._block_key(n)) for n in group]
            extra = [(n.index, str(g)) for n in group if etype == "LOC" and (g := place_forms(n.name)[1]) is not None]
            for i, j in candidate_pairs(items, extra):
                a, b = self.nodes[i], self.nodes[j]  # type: ignore[index]
                v = compare(a.name, b.name, etype)
                if v.same:
                    scored.append((-v.score, a.name, b.name, a, b, v))
        for *_, a, b, v in sorted(scored, key=lambda s: s[:3]):
            if self.groups.find(a.index) != self.groups.find(b.index) and not self.groups.conflict(a.index, b.index, _same):
                self.groups.join(a.index, b.index, _merge(a, b, v))

    def _hosts(self, node: Node) -> dict[int, tuple[Node, Verdict]]:
        """Full-name person groups a partial name fits, each with its best-fitting member."""
        names: dict[str, list[Node]] = {}
        for bk in self._surname_blocks(node):
            names.update(self._full_index.get(bk, {}))
        hosts: dict[int, tuple[Node, Verdict]] = {}
        for name, fulls in names.items():
            v = compare(node.name, name, "PERSON")
            if not v.same:
                continue
            for full in fulls:
                root = self.groups.find(full.index)
                if (root not in hosts or v.score > hosts[root][1].score) and \
                        self.groups.conflict(node.index, full.index, None) is None:
                    hosts[root] = (full, v)
        return hosts

    def _surname_blocks(self, node: Node) -> list[str]:
        """Short block keys of a person's surname (key and consonant-skeleton prefixes)."""
        return [bk[: 2 + PREFIX] for bk in block_keys(surname_key(node.name))]

    def _context(self) -> tuple[dict[str, set[int]], dict[int, float]]:
        """Groups seen in each article, and an IDF weight per group (rare co-occurrence counts more)."""
        in_article: dict[str, set[int]] = defaultdict(set)
        for node in self.nodes:
            in_article[node.article].add(self.groups.find(node.index))
        df: Counter[int] = Counter(r for roots in in_article.values() for r in roots)
        n = len(in_article)
        return in_article, {r: math.log((n + 1) / c) for r, c in df.items()}

    def attach(self) -> None:
        """Phase 4: a surname-only mention joins the one full name it fits, or the best by context."""
        self._full_index: dict[str, dict[str, list[Node]]] = defaultdict(dict)
        for node in self.nodes:
            if node.type == "PERSON" and node.kind == "full":
                for bk in self._surname_blocks(node):
                    self._full_index[bk].setdefault(node.name, []).append(node)
        in_article, idf = self._context()
        self.unattached: list[Node] = []
        for node in self.nodes:
            if node.type != "PERSON" or node.kind != "surname" and not self._partial(node):
                continue
            hosts = self._hosts(node)
            if len(hosts) == 1:
                full, v = next(iter(hosts.values()))
                self.groups.join(full.index, node.index, _merge(node, full, v, "surname"))
                continue
            if len(hosts) > 1 and self._by_context(node, hosts, in_article, idf):
                continue
            if not hosts:
                self.unattached.append(node)

    def _partial(self, node: Node) -> bool:
        """Initials + surname with no first name: fits full names like a surname does."""
        p = parse_person(node.name)
        return node.kind == "full" and not p.first and bool(p.initials) and self.groups.find(node.index) == node.index

    def _by_context(self, node: Node, hosts: dict[int, tuple[Node, Verdict]],
                    in_article: dict[str, set[int]], idf: dict[int, float]) -> bool:
        """Join the host whose articles share the most (IDF-weighted) entities with this mention's article."""
        own = in_article[node.article] - {self.groups.find(node.index)}
        scores = []
        for root, (full, v) in hosts.items():
            around: set[int] = set()
            for member in self.groups.groups[root].members:
                around |= in_article[self.nodes[member].article]
            shared = (own & around) - {root}
            scores.append((sum(idf[r] for r in shared), root, shared, full, v))
        scores.sort(key=lambda s: -s[0])
        best, second = scores[0][0], scores[1][0]
        if best <= 0 or best < CONTEXT_MARGIN * second:
            return False
        _, root, shared, full, v = scores[0]
        names = sorted(self.nodes[r].name for r in shared)[:5]
        why = (f"{v.why}; {len(hosts)} people fit, context picks '{full.name}': shares {', '.join(names)} "
               f"(weight {best:.2f} vs {second:.2f})")
        self.groups.join(full.index, node.index, Merge(node.name, full.name, "surname+context", round(v.score, 4), why))
        return True

    def typos(self) -> None:
        """Phase 5: a one-vowel typo of a much more frequent person name in the same article."""
        persons: dict[str, list[Node]] = defaultdict(list)
        for node in self.nodes:
            if node.type == "PERSON" and node.kind in ("full", "surname"):
                persons[node.article].append(node)
        left = []
        for node in self.unattached:
            hosts = [h for h in persons[node.article] if h is not node and h.weight >= TYPO_DOMINANCE * node.weight]
            fits = [(h, v) for h in hosts if (v := typo_of(node.name, h.name))]
            if len(fits) == 1 and self.groups.conflict(fits[0][0].index, node.index, None) is None:
                self.groups.join(fits[0][0].index, node.index, _merge(node, fits[0][0], fits[0][1]))
            else:
                left.append(node)
        self.unattached = left

    def orphans(self) -> None:
        """Phase 6: surnames with no full name anywhere in the corpus join each other."""
        items = [(n.index, surname_key(n.name)) for n in self.unattached]
        scored = []
        for i, j in candidate_pairs(items):
            a, b = self.nodes[i], self.nodes[j]  # type: ignore[index]
            v = compare(a.name, b.name, "PERSON")
            if v.same:
                scored.append((-v.score, a.name, b.name, a, b, v))
        for *_, a, b, v in sorted(scored, key=lambda s: s[:3]):
            if self.groups.find(a.index) != self.groups.find(b.index) and not self.groups.conflict(a.index, b.index, None):
                rule = "same-name" if v.rule == "same-name" else "same-surname"
                self.groups.join(a.index, b.index, _merge(a, b, v, rule))


def cluster_entities(articles: list[Article], *, aliases: AliasRules | None = None,
                     prefer_script: str | None = None) -> list[EntityCluster]:
    """Resolve article entities into cross-article clusters, each merge explained."""
    if prefer_script is not None and prefer_script not in SCRIPTS:
        raise ValueError(f"prefer_script must be one of {SCRIPTS}, not {prefer_script!r}")
    resolver = _Resolver(articles, aliases)
    resolver.run()
    return _clusters(resolver, articles, prefer_script)


def _clusters(resolver: _Resolver, articles: list[Article], prefer_script: str | None) -> list[EntityCluster]:
    """Build EntityCluster records, largest (articles, then mentions) first, ids E1, E2, ..."""
    order = {a.id: i for i, a in enumerate(articles)}
    out = []
    for root in resolver.groups.roots():
        group = resolver.groups.groups[root]
        members = sorted((resolver.nodes[i] for i in group.members), key=lambda n: (order[n.article], n.index))
        entities = [n.entity for n in members]
        types = Counter()
        for n in members:
            types[n.type] += n.weight or 1
        etype = max(types, key=lambda t: (types[t], t))
        forms = {f for e in entities
                 for f in (e.name, *e.aliases, *(m.normal for m in e.mentions), *(strip_editorial(m.text) for m in e.mentions))
                 if f}
        arts = list(dict.fromkeys(n.article for n in members))
        out.append(EntityCluster("", display_name(entities, etype, prefer_script), etype, sorted(forms, key=str.casefold),
                                 arts, [(n.article, n.entity.id) for n in members], list(group.merges),
                                 sum(n.weight for n in members)))
    out.sort(key=lambda c: (-len(c.articles), -c.mentions, c.name.casefold()))
    for i, cluster in enumerate(out, start=1):
        cluster.id = f"E{i}"
    return out
