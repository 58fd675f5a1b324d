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


# spaCy's working memory grows with the tokens of one nlp.pipe batch: 64 paragraphs of a
# 48,000-character article took ~47 MB more at once than a short one (tracemalloc; 12 MB
# with 3,000-character batches), and a worker's peak then followed the longest article seen.
# Parses do not depend on batch mates. Larger batches parse faster: on the paragraphs of 40 PTC
# articles 6.88 CPU-s with 5,000 characters, 6.68 with 20,000, 6.55 with 100,000; a
# 200,000-character article raised the peak RSS by the same 107 MB with 5,000 and 20,000.
BATCH_CHARS = 20_000

# spaCy makes a no-break or thin space its own SPACE token inside the sentence, and the parser
# then loses the clause ("McCain says the\u00a0Republican movement …" had no subject): the parser
# reads such spaces as plain ones. One character for one, so every offset stays as it was.
_ODD_SPACES = str.maketrans({c: " " for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                                           "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})


def plain_spaces(text: str) -> str:
    """`text` with each Unicode space separator (no-break, thin, …) made a plain space, same length."""
    return text.translate(_ODD_SPACES)


def char_batches(texts: list[str], max_docs: int, max_chars: int) -> list[list[str]]:
    """Consecutive groups of at most `max_docs` texts and, past the first text, `max_chars` characters."""
    groups: list[list[str]] = []
    cur: list[str] = []
    size = 0
    for text in texts:
        if cur and (len(cur) >= max_docs or size + len(text) > max_chars):
            groups.append(cur)
            cur, size = [], 0
        cur.append(text)
        size += len(text)
    if cur:
        groups.append(cur)
    return groups


# spaCy's string ids (lemma, POS and label hashes) to their text: ids are hashes of the text, so
# they mean the same in every pipeline.
_NAMES: dict[int, str] = {}


class SpacyBackend:
    """Tokens, sentences, dependencies and NER from spaCy."""

    def __init__(self, names: list[str], batch_size: int = 64) -> None:
        from .ruler import speed_up_attribute_ruler

        self.nlp = load_spacy(names)
        self.batch_size = batch_size
        # The same attributes at a tenth of the ruler's time (backends/ruler.py).
        self.fast_ruler = speed_up_attribute_ruler(self.nlp)

    def parse_many(self, texts: list[str]) -> list[ParsedText]:
        """Parse paragraphs with nlp.pipe, in batches bounded in paragraphs and in characters."""
        out: list[ParsedText] = []
        for group in char_batches(texts, self.batch_size, BATCH_CHARS):
            docs = self.nlp.pipe([plain_spaces(t) for t in group], batch_size=len(group))
            out.extend(self._convert(doc, text) for doc, text in zip(docs, group))
        return out

    @staticmethod
    def _convert(doc, text: str) -> ParsedText:  # noqa: ANN001 - spacy Doc
        # One array read instead of four Python attribute lookups per token: the conversion was
        # about a twentieth of the parse step.
        from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, POS

        out = ParsedText()
        n = len(doc)
        sent_of = [0] * n
        for si, sent in enumerate(doc.sents):
            out.sentences.append((sent.start_char, sent.end_char))
            sent_of[sent.start : sent.end] = [si] * (sent.end - sent.start)
        if n:
            strings = doc.vocab.strings
            names = _NAMES
            if len(names) > 500_000:
                names.clear()  # bounded: lemmas are an open vocabulary
            cols = doc.to_array([IDX, LENGTH, LEMMA, POS, DEP, HEAD]).tolist()
            for i, (idx, length, lemma, pos, dep, head) in enumerate(cols):
                try:
                    lemma_s, pos_s, dep_s = names[lemma], names[pos], names[dep]
                except KeyError:  # a string id not seen yet: spaCy's store has it (0 is no value)
                    for key in (lemma, pos, dep):
                        names.setdefault(key, strings[key] if key else "")
                    lemma_s, pos_s, dep_s = names[lemma], names[pos], names[dep]
                if head >= 2**63:  # HEAD is the offset to the head, stored unsigned
                    head -= 2**64
                out.tokens.append(ParsedToken(idx, idx + length, lemma_s, pos_s, dep_s, i + head, sent_of[i]))
        for ent in doc.ents:
            out.ents.append((ent.start_char, ent.end_char, ent.label_, text[ent.start_char:ent.end_char]))
        return out
