"""Russian (and other Cyrillic) backend: natasha with the models shipped in its wheel."""

from __future__ import annotations

from . import ParsedText, ParsedToken
from .spacy_en import char_batches

# Paragraphs parsed together: enough sentences to fill natasha's batches of 8, while the
# tagged documents held at once stay small (a 1,000,000-character article goes in pieces).
BATCH_CHARS = 20_000


class NatashaBackend:
    """razdel segmentation, slovnet morphology/syntax/NER, pymorphy lemmas and normal forms."""

    def __init__(self) -> None:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        emb = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        self.morph = NewsMorphTagger(emb)
        self.syntax = NewsSyntaxParser(emb)
        self.ner = NewsNERTagger(emb)

    def parse_many(self, texts: list[str]) -> list[ParsedText]:
        """Parse each paragraph; the models see the sentences (and texts) of many at once.

        natasha's `Doc` runs each model once per document, so paragraph by paragraph its
        batches of 8 were mostly a sentence or two: 20% more CPU than the same text as one
        document. Here the sentences of up to `BATCH_CHARS` characters of paragraphs go
        through each model together (natasha's own steps, `natasha.doc`, in its order), and
        each paragraph gets the parse it gets alone (tests/backends/test_natasha_batches.py).
        """
        out: list[ParsedText] = []
        for group in char_batches(texts, len(texts), BATCH_CHARS):
            out.extend(self._parse_group(group))
        return out

    def _parse_group(self, texts: list[str]) -> list[ParsedText]:
        from natasha import Doc
        from natasha.doc import adapt_spans, inject_morph, inject_syntax, offset_syntax, sent_words

        docs = [Doc(text) for text in texts]
        for doc in docs:
            doc.segment(self.segmenter)
        sents = [sent for doc in docs for sent in doc.sents]
        words = [sent_words(sent) for sent in sents]
        for sent, markup in zip(sents, self.morph.map(words), strict=True):
            inject_morph(sent.tokens, markup.tokens)
        for sent, markup in zip(sents, self.syntax.map(words), strict=True):
            inject_syntax(sent.tokens, markup.tokens)
        for doc in docs:
            for sent_id, sent in enumerate(doc.sents, 1):
                offset_syntax(sent_id, sent.tokens)
            doc.spans = []  # natasha leaves a blank text without NER
        tagged = [doc for doc in docs if doc.text.strip()]
        for doc, markup in zip(tagged, self.ner.map([doc.text for doc in tagged]), strict=True):
            doc.spans = list(adapt_spans(doc, markup.spans))
            doc.envelop_span_tokens()
            doc.envelop_sent_spans()
        return [self._convert(doc) for doc in docs]

    def parse(self, text: str) -> ParsedText:
        """Parse one paragraph."""
        return self.parse_many([text])[0]

    def _convert(self, doc) -> ParsedText:  # noqa: ANN001 - natasha Doc
        """Lemmas, normal forms and paragraph-local indices from a tagged natasha Doc."""
        out = ParsedText()
        index: dict[str, int] = {}
        for si, sent in enumerate(doc.sents):
            out.sentences.append((sent.start, sent.stop))
            for tok in sent.tokens:
                index[tok.id] = len(index)
        for si, sent in enumerate(doc.sents):
            for tok in sent.tokens:
                try:
                    tok.lemmatize(self.morph_vocab)
                except ValueError:
                    # pymorphy2 asks unicodedata.name() of every letter; letters without a name
                    # in this Python's Unicode tables (e.g. Tangut U+17000) raise. Keep the text.
                    tok.lemma = None
                me = index[tok.id]
                head = index.get(tok.head_id, me)  # root's head_id is '<sent>_0'
                out.tokens.append(
                    ParsedToken(tok.start, tok.stop, tok.lemma or tok.text.lower(), tok.pos or "", tok.rel or "", head, si)
                )
        for span in doc.spans:
            try:
                span.normalize(self.morph_vocab)
            except ValueError:  # same unnamed-letter failure as above
                span.normal = None
            out.ents.append((span.start, span.stop, span.type, span.normal or span.text))
        return out
