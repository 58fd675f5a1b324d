"""English backend: spaCy 3.8 with the first installed pipeline named in settings."""

from __future__ import annotations

from ..errors import RashomonError
from . import ParsedText, ParsedToken


def load_spacy(names: list[str]):  # noqa: ANN201 - spacy.Language
    """Load the first installed spaCy pipeline among `names` (package names or paths)."""
    import spacy

    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RashomonError("E022", names=", ".join(names))


class SpacyBackend:
    """Tokens, sentences, dependencies and NER from spaCy."""

    def __init__(self, names: list[str], batch_size: int = 64) -> None:
        self.nlp = load_spacy(names)
        self.batch_size = batch_size

    def parse_many(self, texts: list[str]) -> list[ParsedText]:
        """Parse paragraphs with nlp.pipe."""
        return [self._convert(doc) for doc in self.nlp.pipe(texts, batch_size=self.batch_size)]

    @staticmethod
    def _convert(doc) -> ParsedText:  # noqa: ANN001 - spacy Doc
        out = ParsedText()
        sent_of = {}
        for si, sent in enumerate(doc.sents):
            out.sentences.append((sent.start_char, sent.end_char))
            for i in range(sent.start, sent.end):
                sent_of[i] = si
        for tok in doc:
            out.tokens.append(
                ParsedToken(
                    tok.idx,
                    tok.idx + len(tok.text),
                    tok.lemma_,
                    tok.pos_,
                    tok.dep_,
                    tok.head.i,
                    sent_of.get(tok.i, 0),
                )
            )
        for ent in doc.ents:
            out.ents.append((ent.start_char, ent.end_char, ent.label_, ent.text))
        return out
