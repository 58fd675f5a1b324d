"""Russian (and other Cyrillic) backend: natasha with the models shipped in its wheel."""

from __future__ import annotations

from . import ParsedText, ParsedToken


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
        """Parse each paragraph."""
        return [self.parse(text) for text in texts]

    def parse(self, text: str) -> ParsedText:
        """Parse one paragraph."""
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph)
        doc.parse_syntax(self.syntax)
        doc.tag_ner(self.ner)
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
