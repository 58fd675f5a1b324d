"""Read-only helpers over an article's dependency parse: children, subtrees, lookups by offset.

The parser hands over one tree per sentence (`trees.make_trees`); the walks here still
remember where they have been, so a malformed parse can cost time but never hang.
"""

from __future__ import annotations

from bisect import bisect_right

from .model import Article, Sentence, Token


# The last article's view, for `SyntaxView.of` (one entry: an article's steps run one after another).
_LAST: list[tuple[Article, list[Token], list[Sentence], "SyntaxView"]] = []


class SyntaxView:
    """Children lists and offset lookups for `article.tokens`, built once per article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.tokens: list[Token] = article.tokens
        n = len(self.tokens)
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, tok in enumerate(self.tokens):
            if tok.head != i and 0 <= tok.head < n:
                self.children[tok.head].append(i)
        self._starts = [t.start for t in self.tokens]
        self._sent_starts = [s.start for s in article.sentences]

    @classmethod
    def of(cls, article: Article) -> SyntaxView:
        """The view of an article, built once for the steps that read it in turn (quotes,
        quantities, claims): the last one is kept while the article keeps its parse."""
        last = _LAST[0] if _LAST else None
        if last is not None and last[0] is article and last[1] is article.tokens and last[2] is article.sentences:
            return last[3]
        view = cls(article)
        _LAST[:] = [(article, article.tokens, article.sentences, view)]
        return view

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering `offset`, if any."""
        i = bisect_right(self._starts, offset) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i].start <= offset < self.tokens[i].end:
            return i
        return None

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of tokens lying within [start, end)."""
        lo = bisect_right(self._starts, start - 1)
        hi = bisect_right(self._starts, end - 1)
        while hi > lo and self.tokens[hi - 1].end > end:
            hi -= 1
        return range(lo, hi)

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence containing `offset`."""
        i = bisect_right(self._sent_starts, offset) - 1
        if 0 <= i < len(self.article.sentences) and offset < self.article.sentences[i].end:
            return i
        return None

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of token i, optionally only those whose dep label starts with one of `deps`."""
        if not deps:
            return self.children[i]
        return [c for c in self.children[i] if self.tokens[c].dep.startswith(deps)]

    def subtree(self, i: int, *, exclude: set[int] | None = None) -> list[int]:
        """Token i and all its descendants (sorted), skipping the subtrees of `exclude`."""
        out, todo = [], [i]
        seen = set(exclude or ())
        while todo:
            j = todo.pop()
            if j in seen:  # excluded, or met again through a head cycle
                continue
            seen.add(j)
            out.append(j)
            todo.extend(self.children[j])
        return sorted(out)

    def span_of(self, indices: list[int]) -> tuple[int, int]:
        """Character extent of a set of tokens."""
        return self.tokens[indices[0]].start, self.tokens[indices[-1]].end

    def is_ancestor(self, a: int, b: int) -> bool:
        """True if token a dominates token b."""
        n = len(self.tokens)
        for _ in range(n):  # a tree path is never longer; a cycle stops here
            head = self.tokens[b].head
            if b == a or head == b or not 0 <= head < n:
                break
            b = head
        return b == a
