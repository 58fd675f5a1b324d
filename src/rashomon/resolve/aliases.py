"""User alias files that force (`same`) or forbid (`different`) merges of entity names.

TSV: ``same<TAB>Name A<TAB>Name B[<TAB>...]`` or ``different<TAB>Name A<TAB>Name B[...]``.
YAML: ``{same: [[A, B, ...]], different: [[A, B, ...]]}``. See docs/aliases.md.
Every problem is a coded :class:`RashomonError` naming the file and the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rashomon.entities.grouping import mention_key
from rashomon.errors import RashomonError

KINDS = ("same", "different")
TSV_SUFFIXES = (".tsv", ".txt")
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class AliasRule:
    """One rule: these names are one entity (`same`) or pairwise different ones (`different`)."""

    kind: str
    names: tuple[str, ...]
    line: int
    source: str = "<aliases>"

    def describe(self) -> str:
        """Human-readable form used in merge explanations."""
        return f"{self.source}:{self.line}: {self.kind} " + " | ".join(self.names)


@dataclass
class AliasRules:
    """Forced and forbidden merges, matched to entities by exact (case-insensitive) name."""

    same: list[AliasRule] = field(default_factory=list)
    different: list[AliasRule] = field(default_factory=list)

    @classmethod
    def from_lists(cls, same: list[list[str]] | None = None, different: list[list[str]] | None = None) -> AliasRules:
        """Build rules in code, e.g. ``AliasRules.from_lists(same=[["Minsk", "Менск"]])``."""
        rules = cls([AliasRule("same", tuple(g), i + 1) for i, g in enumerate(same or [])],
                    [AliasRule("different", tuple(g), i + 1) for i, g in enumerate(different or [])])
        check_conflicts(rules, "<aliases>")
        return rules

    def __bool__(self) -> bool:
        return bool(self.same or self.different)


def _rule(kind: str, names: list[object], line: int, path: str) -> AliasRule:
    """Validate one rule's kind and names."""
    if kind not in KINDS:
        raise RashomonError("E061", path=path, line=line, detail=f"unknown rule '{kind}' (use same or different)")
    cleaned = []
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise RashomonError("E061", path=path, line=line, detail=f"names must be non-empty text, got {name!r}")
        cleaned.append(" ".join(name.split()))
    if len({mention_key(n) for n in cleaned}) < 2:
        raise RashomonError("E061", path=path, line=line, detail=f"'{kind}' needs at least two different names")
    return AliasRule(kind, tuple(cleaned), line, Path(path).name)


def parse_tsv(text: str, path: str = "<aliases>") -> AliasRules:
    """Parse the TSV form; blank lines and lines starting with # are skipped."""
    rules = AliasRules()
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.rstrip("\r\n").split("\t")]
        if len(fields) < 3 and "\t" not in raw:
            raise RashomonError("E061", path=path, line=number,
                                detail="expected 'same' or 'different' then names, separated by tabs")
        rule = _rule(fields[0].lower(), [f for f in fields[1:] if f], number, path)
        getattr(rules, rule.kind).append(rule)
    check_conflicts(rules, path)
    return rules


def parse_yaml(text: str, path: str = "<aliases>") -> AliasRules:
    """Parse the YAML form, keeping line numbers of every group for error messages."""
    import yaml

    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise RashomonError("E061", path=path, line=line, detail=f"YAML syntax: {getattr(exc, 'problem', exc)}") from None
    rules = AliasRules()
    if root is None:
        return rules
    if not isinstance(root, yaml.MappingNode):
        raise RashomonError("E061", path=path, line=root.start_mark.line + 1,
                            detail="top level must be a mapping with keys 'same' and/or 'different'")
    for key_node, value_node in root.value:
        kind, line = str(key_node.value), key_node.start_mark.line + 1
        if kind not in KINDS:
            raise RashomonError("E061", path=path, line=line, detail=f"unknown key '{kind}' (use same or different)")
        if not isinstance(value_node, yaml.SequenceNode):
            raise RashomonError("E061", path=path, line=line, detail=f"'{kind}' must be a list of name lists")
        for group in value_node.value:
            gline = group.start_mark.line + 1
            if not isinstance(group, yaml.SequenceNode) or not all(isinstance(n, yaml.ScalarNode) for n in group.value):
                raise RashomonError("E061", path=path, line=gline, detail="each group must be a list of names")
            getattr(rules, kind).append(_rule(kind, [n.value for n in group.value], gline, path))
    check_conflicts(rules, path)
    return rules


def load_aliases(path: str | Path) -> AliasRules:
    """Read and validate an alias file (.tsv/.txt or .yaml/.yml)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in TSV_SUFFIXES + YAML_SUFFIXES:
        raise RashomonError("E062", suffix=suffix or "(none)", path=str(path))
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RashomonError("E060", detail="file not found", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RashomonError("E060", detail=type(exc).__name__ + (f": {exc.strerror}" if isinstance(exc, OSError) else ": not UTF-8"), path=str(path)) from None
    return parse_yaml(text, str(path)) if suffix in YAML_SUFFIXES else parse_tsv(text, str(path))


def check_conflicts(rules: AliasRules, path: str) -> None:
    """Refuse a `different` rule whose names `same` rules join (directly or through a chain)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    first_line: dict[str, int] = {}
    for rule in rules.same:
        keys = [mention_key(n) for n in rule.names]
        for key in keys:
            first_line.setdefault(key, rule.line)
        for key in keys[1:]:
            parent[find(key)] = find(keys[0])
    for rule in rules.different:
        seen: dict[str, str] = {}
        for name in rule.names:
            root = find(mention_key(name))
            if root in seen and mention_key(seen[root]) != mention_key(name):
                raise RashomonError("E063", path=path, line=rule.line, other=first_line.get(mention_key(name), "?"),
                                    detail=f"{seen[root]} / {name}")
            seen[root] = name
