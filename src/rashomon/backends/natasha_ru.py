"""Russian (and other Cyrillic) backend: natasha with the models shipped in its wheel."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, TypeVar

from . import ParsedText, ParsedToken
from ..lang import load_list
from ..morph import complete_nominative
from .spacy_en import char_batches

# Paragraphs parsed together: enough sentences to fill natasha's batches of 8, while the
# tagged documents held at once stay small (a 1,000,000-character article goes in pieces).
BATCH_CHARS = 20_000
LEMMA_MEMO = 200_000  # (word, POS, features) -> lemma entries kept before the memo starts over


T = TypeVar("T")


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
        for model in (self.morph, self.syntax, self.ner):
            model.infer.encoder = _memo_encoder(model.infer.encoder)
        self._lemmas: dict[tuple, str | None] = {}
        self._tag_feats: dict[str, tuple[str, dict[str, str]]] = {}  # 'NOUN|Case=Nom|...' -> (POS, features)

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
        from natasha.doc import DocSpan, sent_words
        from slovnet.bio import bio_spans
        from slovnet.conll import parse_conll_tag

        docs = [Doc(text) for text in texts]
        for doc in docs:
            doc.segment(self.segmenter)
            split_glued_sentences(doc)
        sents = [sent for doc in docs for sent in doc.sents]
        words = [sent_words(sent) for sent in sents]
        # natasha's steps (`natasha.doc`), reading slovnet's tags without its markup objects.
        feats_of = self._tag_feats
        for sent, tags in zip(sents, _by_length(self._tags(self.morph), words, len), strict=True):
            for tok, tag in zip(sent.tokens, tags):
                parsed = feats_of.get(tag)
                if parsed is None:
                    parsed = feats_of[tag] = parse_conll_tag(tag)
                tok.pos, tok.feats = parsed[0], dict(parsed[1])
        for sent, (ids, heads, rels) in zip(sents, _by_length(self._tags(self.syntax), words, len), strict=True):
            for tok, id_, head, rel in zip(sent.tokens, ids, heads, rels):
                tok.rel = rel
                tok.id, tok.head_id = id_, head  # made sentence-unique below, as natasha's offset_syntax
        for doc in docs:
            for sent_id, sent in enumerate(doc.sents, 1):
                for tok in sent.tokens:
                    tok.id, tok.head_id = f"{sent_id}_{tok.id}", f"{sent_id}_{tok.head_id}"
            doc.spans = []  # natasha leaves a blank text without NER
        # NER tags the tokens segmentation found: slovnet would re-tokenise each text with the
        # same razdel and find every token again by its text.
        tagged = [doc for doc in docs if doc.text.strip()]
        tokens = [[tok.text for tok in doc.tokens] for doc in tagged]
        for doc, tags in zip(tagged, _by_length(self._tags(self.ner), tokens, len), strict=True):
            doc.spans = [DocSpan(s.start, s.stop, s.type, doc.text[s.start : s.stop]) for s in bio_spans(doc.tokens, tags)]
            doc.envelop_span_tokens()
            doc.envelop_sent_spans()
        return [self._convert(doc) for doc in docs]

    @staticmethod
    def _tags(model) -> Callable[[list[list[str]]], Iterable]:  # noqa: ANN001 - a natasha tagger
        """slovnet's inference for word lists, in its batches, up to the decoded tags (its `Infer.__call__`
        builds markup objects from them)."""
        infer = model.infer
        return lambda items: infer.decoder(infer.process(infer.encoder(items)))

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
        lemmas = self._lemmas
        if len(lemmas) > LEMMA_MEMO:
            lemmas.clear()
        for si, sent in enumerate(doc.sents):
            for tok in sent.tokens:
                # natasha's lemma is a function of the word, its POS and features: most repeat.
                key = (tok.text, tok.pos, tuple(tok.feats.items()) if tok.feats else ())
                if key in lemmas:
                    tok.lemma = lemmas[key]
                else:
                    try:
                        tok.lemmatize(self.morph_vocab)
                    except ValueError:
                        # pymorphy2 asks unicodedata.name() of every letter; letters without a name
                        # in this Python's Unicode tables (e.g. Tangut U+17000) raise. Keep the text.
                        tok.lemma = None
                    lemmas[key] = tok.lemma
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
            normal = span.normal or span.text
            if span.normal:
                normal = complete_nominative(span.text, normal, span.type)  # «Барака Обамы» → «Барак Обама», not «Барак Обамы»
            out.ents.append((span.start, span.stop, span.type, normal))
        return out


_STOPS = frozenset(".!?…")
_CURLY_OPEN, _CURLY_CLOSE = frozenset("«“„"), frozenset("»”")
_OPENERS = _CURLY_OPEN | {'"'}
_QUOTE_CLOSERS = _CURLY_CLOSE | {'"'}
_CLOSERS = _QUOTE_CLOSERS | {")"}


@lru_cache(maxsize=1)
def _glued_keep() -> frozenset[str]:
    """lang/ru/glued_stops.txt: words a period joins to the next word."""
    return frozenset(load_list("ru", "glued_stops"))


def split_glued_sentences(doc) -> None:  # noqa: ANN001 - a segmented natasha Doc
    """Split the sentences razdel left whole at a stop glued to a capitalised word: «…не
    знала».Как сообщается …», «… Быковская.Руководитель …» (scraped news loses the space or line
    break). The stop must follow a word of two or more letters or a closing quote, and the word
    after it must read like a sentence start; `lang/ru/glued_stops.txt` lists the words a period
    joins to a name or abbreviates («Яндекс.Дзен», «ул.Ленина»)."""
    from natasha.doc import DocSent

    keep = _glued_keep()
    out = []
    for sent in doc.sents:
        toks, first = sent.tokens, 0
        for k in range(1, len(toks) - 1):
            mark, before, after = toks[k], toks[k - 1], toks[k + 1]
            if mark.text not in _STOPS or after.start != mark.stop or before.stop != mark.start:
                continue
            # «… Быковскую."Практически все …»: a quotation mark glued to the next word opens it.
            opening = after.text in _OPENERS and k + 2 < len(toks) and toks[k + 2].start == after.stop
            if not _starts_sentence(toks, k + 2 if opening else k + 1):
                continue  # «США.ЕС», «т.Е.»: not a sentence start
            if not (before.text in _CLOSERS or before.text.isalpha() and len(before.text) >= 2
                    and before.text.lower() not in keep):
                continue
            out.append(_sent(DocSent, doc.text, toks[first : k + 1]))
            first = k + 1
        out.append(sent if first == 0 else _sent(DocSent, doc.text, toks[first:]))
    doc.sents = _join_quoted_titles(DocSent, doc.text, out)


_TITLE_WORDS = 12  # words a quoted title with a stop inside may hold («Sapiens. Краткая история человечества»)


def _join_quoted_titles(cls, text: str, sents: list) -> list:  # noqa: ANN001 - natasha's DocSent
    """Sentences razdel split inside a short quoted title, joined again: «автор книги «Sapiens.» |
    «Краткая история человечества» и других работ» is one sentence. The quotation opens in one
    sentence and closes early in the next, followed by a word, not by the comma or dash of a remark
    («Мы пришли. Мы ушли», — сказал он: two sentences of speech)."""
    out: list = []
    for sent in sents:
        prev = out[-1] if out else None
        at = _open_quote(prev.tokens) if prev is not None else None
        if at is not None:
            inner_before = len(prev.tokens) - at - 1
            close = next((k for k, t in enumerate(sent.tokens) if t.text in _QUOTE_CLOSERS), None)
            if close is not None and inner_before + close <= _TITLE_WORDS and close + 1 < len(sent.tokens) \
                    and sent.tokens[close + 1].text[:1].isalpha() and sent.tokens[close + 1].start > sent.tokens[close].stop:
                out[-1] = cls(prev.start, sent.stop, text[prev.start : sent.stop], tokens=prev.tokens + sent.tokens)
                continue
        out.append(sent)
    return out


def _open_quote(tokens: list) -> int | None:  # noqa: ANN001 - natasha DocTokens
    """The index of a quotation mark the sentence opens and does not close, else None."""
    depth, last, straight = 0, None, []
    for k, t in enumerate(tokens):
        if t.text in _CURLY_OPEN:
            depth, last = depth + 1, k
        elif t.text in _CURLY_CLOSE and depth:
            depth -= 1
        elif t.text == '"':
            straight.append(k)
    if depth == 1 and last is not None:
        return last
    return straight[-1] if len(straight) % 2 == 1 and depth == 0 else None


def _starts_sentence(toks: list, k: int) -> bool:  # noqa: ANN001 - natasha DocTokens
    """Whether token k reads like a sentence's first word: capitalised with lower case after
    («Рассмотрев»), or a one-letter word before a lower-case one («В предстоящих матчах»)."""
    word = toks[k].text
    if word[:1].isupper() and word[1:2].islower():
        return True
    return len(word) == 1 and word.isupper() and k + 1 < len(toks) and toks[k + 1].start > toks[k].stop \
        and toks[k + 1].text[:1].islower()


def _sent(cls, text: str, tokens: list):  # noqa: ANN001, ANN202 - natasha's DocSent and DocTokens
    return cls(tokens[0].start, tokens[-1].stop, text[tokens[0].start : tokens[-1].stop], tokens=tokens)


def _by_length(run: Callable[[list], Iterable[T]], items: list, size: Callable[[object], int]) -> list[T]:
    """`list(run(items))`, with the items run shortest first so natasha's batches of 8 pad little.

    slovnet zeroes padded positions after every layer, so an item's result does not depend on
    its batch mates (tests/backends/test_natasha_batches.py); sorting only cuts the padding,
    which was 45% of the morphology and syntax input on 40 real articles.
    """
    order = sorted(range(len(items)), key=lambda i: size(items[i]))
    out: list = [None] * len(items)
    for i, result in zip(order, run([items[i] for i in order]), strict=True):
        out[i] = result
    return out


def _memo_encoder(base):  # noqa: ANN001, ANN202 - slovnet's WordShapeEncoder
    """slovnet's word/shape encoder with each word's ids remembered: every model re-encodes
    every word of every sentence (a shape regex and two vocabulary lookups), and words repeat."""
    from slovnet.exec.encoders import WordShapeEncoder
    from slovnet.shape import word_shape

    class MemoEncoder(WordShapeEncoder):
        def __init__(self) -> None:
            super().__init__(base.words_vocab, base.shapes_vocab, base.batch_size)
            self.memo: dict[str, tuple[int, int]] = {}

        def item(self, words):  # noqa: ANN001, ANN202 - as WordShapeEncoder.item
            memo, word_ids, shape_ids = self.memo, [], []
            if len(memo) > LEMMA_MEMO:
                memo.clear()
            for word in words:
                ids = memo.get(word)
                if ids is None:
                    ids = memo[word] = (self.words_vocab.encode(word.lower()), self.shapes_vocab.encode(word_shape(word)))
                word_ids.append(ids[0])
                shape_ids.append(ids[1])
            return word_ids, shape_ids

    return MemoEncoder()
