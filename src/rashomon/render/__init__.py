"""Output writers for `analyze`: JSON (the contract), a text summary, HTML pages.

Writers stream: each article is written as it finishes and then forgotten, so memory does
not grow with the batch. The JSON document is the same contract as ever,
`{"rashomon": VERSION, "articles": [...], "errors": [...]}`, written piece by piece.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterable

from ..errors import RashomonError
from ..model import Article

FORMATS = ("json", "text", "html")


def error_dicts(errors: Iterable[RashomonError]) -> list[dict[str, str]]:
    """Errors as JSON records: code, message, path."""
    return [{"code": e.code, "message": str(e), "path": e.path or ""} for e in errors]


class Writer:
    """Streams articles in one format to stdout or a file; `close(errors)` ends the document."""

    def __init__(self, out: Path | None) -> None:
        self.out = out
        self.count = 0
        self._fh: IO[str] | None = None

    def _stream(self) -> IO[str]:
        if self._fh is None:
            if self.out is None:
                self._fh = sys.stdout
            else:
                self.out.parent.mkdir(parents=True, exist_ok=True)
                self._fh = open(self.out, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()
        return self._fh

    def add(self, article: Article) -> None:
        """Write one analysed article."""
        raise NotImplementedError

    def close(self, errors: list[RashomonError]) -> None:
        """Finish the output (errors go into the JSON document) and close the file."""
        if self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()
        elif self._fh is sys.stdout:
            sys.stdout.flush()


class JsonWriter(Writer):
    """The analyze document, one article at a time."""

    def __init__(self, out: Path | None) -> None:
        super().__init__(out)
        self._started = False

    def add(self, article: Article) -> None:
        from ..serialize import article_dict

        fh = self._head()
        body = json.dumps(article_dict(article), ensure_ascii=False, indent=2).replace("\n", "\n    ")
        fh.write(("," if self.count else "") + "\n    " + body)
        self.count += 1

    def _head(self) -> IO[str]:
        fh = self._stream()
        if not self._started:
            from .. import __version__

            fh.write('{\n  "rashomon": ' + json.dumps(__version__) + ',\n  "articles": [')
            self._started = True
        return fh

    def close(self, errors: list[RashomonError]) -> None:
        fh = self._head()
        fh.write("\n  ]" if self.count else "]")
        if errors:
            body = json.dumps(error_dicts(errors), ensure_ascii=False, indent=2).replace("\n", "\n  ")
            fh.write(',\n  "errors": ' + body)
        fh.write("\n}\n")
        super().close(errors)


class TextWriter(Writer):
    """The plain-text summary, one block per article."""

    def add(self, article: Article) -> None:
        from .text import render_text

        block = render_text(article)
        self._stream().write(("\n" if self.count else "") + block + ("" if block.endswith("\n") else "\n"))
        self.count += 1

    def close(self, errors: list[RashomonError]) -> None:
        if self.count == 0 and self.out is not None:
            self._stream()  # an empty file, as before
        super().close(errors)


class HtmlWriter(Writer):
    """A page per article: to stdout, to one `.html` file, or into a directory.

    File names come from `file_stem(article.id)` and are checked to stay inside the
    directory, so an id like `../../x` or `a/b` can neither escape nor fail.
    """

    def __init__(self, out: Path | None) -> None:
        super().__init__(out)
        self.single = out is not None and out.suffix.lower() in (".html", ".htm")
        self._held: Article | None = None  # a single-file target waits to see if a second article comes

    def add(self, article: Article) -> None:
        from .html import render_article_page

        if self.out is None:
            self._stream().write(render_article_page(article) + "\n")
        elif self.single and self.count == 0:
            self._held = article
        else:
            if self._held is not None:
                self._page(self._held)
                self._held = None
            self._page(article)
        self.count += 1

    def _page(self, article: Article) -> None:
        from ..ingest.ids import file_stem
        from .html import render_article_page

        assert self.out is not None
        folder = self.out.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        target = (folder / f"{file_stem(article.id)}.html").resolve()
        if target.parent != folder:  # cannot happen with file_stem; refuse rather than escape
            raise RashomonError("E014", id=article.id, path=article.source)
        target.write_text(render_article_page(article), encoding="utf-8")

    def close(self, errors: list[RashomonError]) -> None:
        from .html import render_article_page

        if self._held is not None and self.out is not None:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self.out.write_text(render_article_page(self._held), encoding="utf-8")
        elif self.out is not None and not self.single and self.count:
            sys.stderr.write(f"wrote {self.count} page(s) to {self.out}/\n")
        super().close(errors)


def open_writer(fmt: str, out: Path | None) -> Writer:
    """A streaming writer for `fmt` ('json', 'text', 'html'); E050 for anything else."""
    writers = {"json": JsonWriter, "text": TextWriter, "html": HtmlWriter}
    if fmt not in writers:
        raise RashomonError("E050", fmt=fmt, choices=", ".join(FORMATS))
    return writers[fmt](out)


def write_output(articles: Iterable[Article], errors: list[RashomonError], fmt: str, out: Path | None) -> None:
    """Write analysed articles in `fmt` to stdout or `out` (a directory for several HTML pages)."""
    writer = open_writer(fmt, out)
    for art in articles:
        writer.add(art)
    writer.close(errors)
