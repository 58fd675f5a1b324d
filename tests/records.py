"""Test helpers over the model's records: every dataclass an Article holds, and instances with
every field set to a distinct non-default value (so a field some writer drops cannot pass)."""

from __future__ import annotations

import itertools
import typing
from dataclasses import fields, is_dataclass

from rashomon.model import Article


def records(cls: type, seen: set[type] | None = None) -> set[type]:
    """Every dataclass reachable from `cls` through its field annotations."""
    seen = set() if seen is None else seen
    seen.add(cls)
    for hint in typing.get_type_hints(cls).values():
        for part in (hint, *typing.get_args(hint), *(a for h in typing.get_args(hint) for a in typing.get_args(h))):
            if isinstance(part, type) and is_dataclass(part) and part not in seen:
                records(part, seen)
    return seen


def sample(hint, counter):
    """A distinct non-default value of the annotated type (so a dropped field cannot pass)."""
    n = next(counter)
    if isinstance(hint, type) and is_dataclass(hint):
        return filled(hint, counter)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return args[-1]
    if origin is list:
        return [sample(args[0], counter), sample(args[0], counter)]
    if origin is dict:
        return {f"k{n}": n, f"l{n}": [n, f"v{n}"]}
    if args and type(None) in args:
        return sample(next(a for a in args if a is not type(None)), counter)
    return {int: n, float: n + 0.25, str: f"s{n}"}.get(hint, f"s{n}")


def filled(cls: type, counter=None):
    """An instance of `cls` with every field set to a distinct non-default value."""
    counter = counter or itertools.count(1)
    hints = typing.get_type_hints(cls)
    return cls(**{f.name: sample(hints[f.name], counter) for f in fields(cls)})


RECORDS = sorted(records(Article), key=lambda c: c.__name__)
LAYER_RECORDS = [c for c in RECORDS if c is not Article]


class Drawn:
    """Iterates over `items` and counts how many the consumer has drawn so far (`count`): a
    batch driver's read-ahead is `count` minus the results it has handed out."""

    def __init__(self, items: list) -> None:
        self.items = items
        self.count = 0

    def __iter__(self):  # noqa: ANN204 - a generator of the items
        for item in self.items:
            self.count += 1
            yield item
