"""Every real article in the development corpora (`../shared/data`) and the seeds, as Articles.

One reader per corpus, each yielding `CorpusItem(corpus, path, language, article)` with the
article's text exactly as the corpus holds it (files read with `newline=""`: the Russian
SemEval-2023 files are CRLF and their offsets count the CR). `iter_corpora` chains them and
drops texts already seen. "Seen" compares letters and digits only, lowercased: PTC-2020's
371 training articles are all inside SemEval-2023 en, but re-paragraphed and re-punctuated
there (`Right? !` vs `Right?!`), so a byte hash would keep both copies.
Used by `benchmarks/soak.py` and its CI sample; the annotation readers live beside the
evaluations that need them (techniques.formats, evaluation.brat).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from ..errors import RashomonError
from ..ingest.text import article_from_text
from ..model import Article
from ..techniques.formats import guess_language, read_text


_NOT_ALNUM = re.compile(r"[\W_]+")


def text_key(text: str) -> str:
    """A hash of the text's letters and digits, lowercased: one key per article, however laid out."""
    return hashlib.sha256(_NOT_ALNUM.sub("", text).lower().encode("utf-8", "surrogatepass")).hexdigest()


class CorpusItem(NamedTuple):
    """One real article: which corpus, where it came from, the corpus's language, the Article.

    `article` is the RashomonError (E002/E011) when a corpus text has no letters, so one bad
    text is reported and the rest go on.
    """

    corpus: str
    path: str
    language: str
    article: Article | RashomonError


def _item(corpus: str, path: str, language: str, text: str, *, title_from_first_line: bool = True,
          **meta: str | None) -> CorpusItem:
    """A CorpusItem for one text, with metadata set; a letterless text becomes its error."""
    try:
        art = article_from_text(text, path, title_from_first_line=title_from_first_line)
    except RashomonError as err:
        return CorpusItem(corpus, path, language, err)
    for key, value in meta.items():
        setattr(art, key, value)
    return CorpusItem(corpus, path, language, art)


def _text_files(folder: Path, corpus: str, language: str, pattern: str = "*.txt") -> Iterator[CorpusItem]:
    """Plain-text articles, one per file, in name order."""
    for path in sorted(folder.glob(pattern)):
        yield _item(corpus, str(path), language, read_text(path))


def read_ptc2020(data: Path) -> Iterator[CorpusItem]:
    """PTC-2020 training articles (English)."""
    return _text_files(data / "ptc2020" / "train-articles", "ptc2020", "en", "article*.txt")


def read_semeval2023(data: Path, language: str) -> Iterator[CorpusItem]:
    """SemEval-2023 Task 3 subtask 3 training articles in one language ('en' or 'ru')."""
    folder = data / "semeval2023" / language / "train-articles-subtask-3"
    return _text_files(folder, f"semeval2023-{language}", language, "article*.txt")


def read_polnear(data: Path) -> Iterator[CorpusItem]:
    """PolNeAR training texts (English)."""
    return _text_files(data / "polnear" / "train" / "text", "polnear", "en")


def basil_text(record: dict) -> str:
    """Title, a blank line, then one paragraph per line with its sentences joined by spaces."""
    paragraphs = [" ".join(s.strip() for s in para if s.strip()) for para in record.get("body-paragraphs") or []]
    body = "\n\n".join(p for p in paragraphs if p)
    title = (record.get("title") or "").strip()
    return f"{title}\n\n{body}" if title else body


def read_basil(data: Path) -> Iterator[CorpusItem]:
    """BASIL articles (English), with outlet and date from the record."""
    for path in sorted((data / "basil" / "articles").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        yield _item("basil", str(path), "en", basil_text(record),
                    outlet=record.get("source") or None, published=record.get("date") or None)


def read_tgcontest(data: Path) -> Iterator[CorpusItem]:
    """Both texts of every tgcontest pair (Russian news), each once, titled from the pair."""
    path = data / "tgcontest_ru_dev" / "pairs.jsonl"
    if not path.exists():
        return
    seen: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            pair = json.loads(line)
            for side in ("first", "second"):
                text = pair.get(f"{side}_text") or ""
                key = text_key(text)
                if not text.strip() or key in seen:
                    continue
                seen.add(key)
                yield _item("tgcontest", f"{path}:{line_no}:{side}", pair.get("lang") or "ru", text,
                            title_from_first_line=False, title=pair.get(f"{side}_title") or None)


def read_seeds(seeds: Path) -> Iterator[CorpusItem]:
    """The seed articles; language by script (they are the project's own inputs)."""
    for path in sorted(seeds.glob("*.txt")):
        text = read_text(path)
        yield _item("seeds", str(path), guess_language(text), text)


def readers(data: Path, seeds: Path) -> dict[str, Callable[[], Iterator[CorpusItem]]]:
    """Corpus name -> reader, in soak order (PTC-2020 before SemEval-2023 en, which holds it)."""
    return {
        "ptc2020": lambda: read_ptc2020(data),
        "semeval2023-en": lambda: read_semeval2023(data, "en"),
        "semeval2023-ru": lambda: read_semeval2023(data, "ru"),
        "polnear": lambda: read_polnear(data),
        "basil": lambda: read_basil(data),
        "tgcontest": lambda: read_tgcontest(data),
        "seeds": lambda: read_seeds(seeds),
    }


def iter_corpora(data: Path, seeds: Path, names: Iterable[str] | None = None) -> Iterator[CorpusItem]:
    """Every article of the named corpora (all by default), each distinct text once."""
    table = readers(data, seeds)
    unknown = sorted(set(names or ()) - set(table))
    if unknown:
        raise ValueError(f"unknown corpus {', '.join(unknown)}; known: {', '.join(table)}")
    seen: set[str] = set()
    for name in names or table:
        for item in table[name]():
            key = text_key(item.article.text) if isinstance(item.article, Article) else item.path
            if key not in seen:
                seen.add(key)
                yield item
