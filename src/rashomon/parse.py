"""Language backends behind one interface: tokens, sentences and raw NER mentions.

English goes through spaCy (any installed pipeline named in settings), Russian and the
other Cyrillic languages through natasha. Each backend runs per paragraph, so headlines
stay sentences of their own and no span crosses a line break.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from .model import Article, Mention, Sentence, Token
from .settings import ModelOptions

# Backend labels → rashomon's four types; numeric labels feed other layers, not entities.
EN_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "OTHER",
    "EVENT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "PRODUCT": "OTHER",
    "LANGUAGE": "OTHER",
}
RU_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
CYRILLIC_LANGS = {"ru", "be", "uk"}


def backend_for(language: str, text: str) -> str:
    """'ru' for Cyrillic-language text, 'en' otherwise (und falls back on the script)."""
    if language in CYRILLIC_LANGS:
        return "ru"
    if language == "und":
        cyr = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
        return "ru" if cyr > len(text) / 4 else "en"
    return "en"


class Parser:
    """Component: assigns `tokens`, `sentences` and raw `mentions` from the NLP backends."""

    name = "parse"
    requires: tuple[str, ...] = ("paragraphs", "language")
    assigns: tuple[str, ...] = ("tokens", "sentences", "mentions")

    def __init__(self, opts: ModelOptions) -> None:
        self.opts = opts
        self._en = None
        self._ru = None

    @property
    def en(self):  # noqa: ANN201 - spaCy backend, loaded on first use
        if self._en is None:
            from .backends.spacy_en import SpacyBackend

            self._en = SpacyBackend(self.opts.en, self.opts.batch_size)
        return self._en

    @property
    def ru(self):  # noqa: ANN201 - natasha backend, loaded on first use
        if self._ru is None:
            from .backends.natasha_ru import NatashaBackend

            self._ru = NatashaBackend()
        return self._ru

    def __call__(self, article: Article) -> Article:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Parse a batch: all English paragraphs of the batch go through one nlp.pipe call."""
        arts = list(articles)
        jobs: dict[str, list[tuple[int, int]]] = {"en": [], "ru": []}
        for ai, art in enumerate(arts):
            art.tokens, art.sentences, art.mentions = [], [], []
            for pi, para in enumerate(art.paragraphs):
                jobs[backend_for(para.language, para.text)].append((ai, pi))
        results: dict[tuple[int, int], object] = {}
        for name, keys in jobs.items():
            if not keys:
                continue
            backend = self.en if name == "en" else self.ru
            texts = [arts[ai].paragraphs[pi].text for ai, pi in keys]
            for key, parsed in zip(keys, backend.parse_many(texts)):
                results[key] = parsed
        for ai, art in enumerate(arts):
            for pi, para in enumerate(art.paragraphs):
                _append(art, para.start, results[(ai, pi)])
        return iter(arts)


def _append(article: Article, offset: int, parsed) -> None:  # noqa: ANN001 - ParsedText
    """Shift a paragraph's parse to article offsets and append it to the layers."""
    text = article.text
    tok_base = len(article.tokens)
    sent_base = len(article.sentences)
    for s, e in parsed.sentences:
        article.sentences.append(Sentence(offset + s, offset + e, text[offset + s : offset + e]))
    for t in parsed.tokens:
        s, e = offset + t.start, offset + t.end
        article.tokens.append(
            Token(s, e, text[s:e], t.lemma, t.pos, t.dep, tok_base + t.head, sent_base + t.sent)
        )
    for s, e, label, normal in parsed.ents:
        s, e = offset + s, offset + e
        kind = EN_TYPES.get(label) or RU_TYPES.get(label)
        if kind is None:
            continue
        article.mentions.append(Mention(s, e, text[s:e], kind, normal, label))
