"""The `techniques` pipeline component: rules, model and scare quotes combined into Techniques.

Three sources, each explaining itself: lexicon hits ("loaded term 'camarilla' (lexicon
en/tech_loaded_language)"), the statistical model ("model (words): 0.71; top features ...")
and the quotes layer's scare-quote decision. Spans of one technique that overlap are merged
into one record whose explanation lists every source, so an analyst sees all the evidence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Literal

from ..intervals import Cover, trim_space
from ..lang import bundle_code
from ..model import Article, QuotedPhrase, Technique
from .features import split_sentences, tokenize
from .formats import guess_language
from .lexicon import FAMILIES, RuleHit, lexicon
from .paragraphs import PARAGRAPH_VECTORS
from ..pipeline import component

RuleMode = Literal["all", "confirmed", "off"]
StageMode = Literal["gate", "label", "off"]
SCARE_SCORE = 0.8


@component("techniques", requires=("quoted", "sentences", "tokens", "language"), assigns=("techniques",))
class TechniqueDetector:
    """Component: assigns `techniques` from lexicons, the statistical model and scare quotes."""

    def __init__(self, model_dir: str | Path | None = None, use_model: bool = True, rules: RuleMode = "all",
                 paragraph_stage: StageMode = "label", paragraph_encoder: bool = True) -> None:
        self.model_dir = model_dir
        self.use_model = use_model
        self.rules = rules
        self.paragraph_stage = paragraph_stage
        # The stage variant with the paragraph-vector feature (techniques.paragraphs.line_vectors):
        # more accurate on unseen articles; cheap with word vectors, costly with the sentence encoder.
        self.paragraph_encoder = paragraph_encoder
        self._model = None

    @property
    def model(self):  # noqa: ANN201 - TechniqueModel, loaded on first use
        if self._model is None:
            from .model import TechniqueModel

            self._model = TechniqueModel.load(self.model_dir)
        return self._model

    def load(self) -> "TechniqueDetector":
        """Load the model now; a bad model directory becomes user error E090."""
        from ..errors import RashomonError
        from .model import ModelFormatError, default_model_dir

        if self.use_model:
            try:
                self.model  # noqa: B018
            except ModelFormatError as exc:
                raise RashomonError("E090", path=self.model_dir or default_model_dir(), detail=exc) from None
            self._stage()  # a stage this version cannot read fails here (E094), once
        return self

    def _stage(self):  # noqa: ANN202 - ParagraphStage | None
        """The paragraph stage the settings ask for, None when off. With `paragraph_encoder`, the
        model's encoder variant when it has one (a model trained without it, or before it existed,
        keeps its plain stage); E094 if that variant reads paragraph vectors this version does not know."""
        if self.paragraph_stage == "off":
            return None
        stage = self.model.encoded_stage if self.paragraph_encoder else None
        if stage is None:
            return self.model.paragraph_stage
        vectors = stage.meta.get("vectors", "sentence")
        if vectors not in PARAGRAPH_VECTORS:
            from ..errors import RashomonError
            from .model import default_model_dir

            raise RashomonError("E094", path=self.model_dir or default_model_dir(), vectors=vectors)
        return stage

    def __call__(self, article: Article) -> Article:
        sentences = [(s.start, s.end) for s in article.sentences]
        lemmas = {(t.start, t.end): t.lemma for t in article.tokens if t.lemma}
        groups = _language_groups(article)
        if len(groups) <= 1:
            article.techniques = self.detect(article.text, article.language, sentences, article.quoted, lemmas)
            return article
        # A Russian paragraph inside an English article gets Russian lexicons and thresholds:
        # detect once per script group, keep each group's spans inside its own paragraphs.
        found: list[Technique] = []
        for lang, ranges in groups.items():
            inside = Cover(ranges).contains_span  # paragraphs by start: no scan per span
            sents = [(a, b) for a, b in sentences if inside(a, b)]
            quoted = [q for q in article.quoted if inside(q.start, q.end)]
            found += [t for t in self.detect(article.text, lang, sents, quoted, lemmas) if inside(t.start, t.start + 1)]
        article.techniques = sorted(found, key=lambda t: (t.start, t.end, t.label))
        return article

    def predict(self, text: str, article_id: str = "", language: str | None = None) -> list[Technique]:
        """Techniques of a bare text without the parser (own sentence splitter); evaluate_* predict_fn."""
        return self.detect(text, language or guess_language(text))

    def detect(
        self,
        text: str,
        language: str,
        sentences: list[tuple[int, int]] | None = None,
        quoted: Iterable[QuotedPhrase] = (),
        lemmas: dict[tuple[int, int], str] | None = None,
    ) -> list[Technique]:
        """All techniques of one text, sorted by position."""
        lang = bundle_code(language)
        sents = sentences or split_sentences(text)
        found: list[Technique] = []
        support: dict[str, Cover] = {}
        toks = tokenize(text)  # shared by the lexicon and the model
        sent_index = _SentenceIndex(sents)
        hits = lexicon(lang).find(text, lemmas, toks)
        rule_found: list[Technique] = []
        model_found: list[Technique] = []
        if self.use_model:
            from .decode import decode, explain

            model = self.model
            sc = model.score(text, lang, sents, [(h.family, h.start, h.end) for h in hits], toks)
            if self.rules == "confirmed":
                support = {label: Cover((s, e) for s, e, _ in spans) for label, spans in _support(model, sc).items()}
        if self.rules != "off":
            rule_found = [_rule_technique(text, hit, lang, sents, sent_index) for hit in hits
                          if self.rules != "confirmed" or _confirmed(hit, support)]
        if self.use_model:
            spans = decode(model, sc)
            stage = self._stage()
            if stage is not None:
                from .decode import explain_paragraph
                from .paragraphs import listed_lines, regate

                # The stage re-decides each paragraph's techniques from all its evidence (docs/quality_history.md).
                lines = listed_lines(text, sents)
                keep, added = regate(stage, text, sc, lines, spans, [(t.label, t.start, t.end) for t in rule_found],
                                     label_lines=self.paragraph_stage == "label")
                spans = [m for m, k in zip(spans, keep) if k]
                model_found = [_technique(text, a[0], a[1], a[2], explain_paragraph(sc, model.labels, a), a[3]) for a in added]
            model_found = [_technique(text, m.label, m.start, m.end, explain(model, sc, m), m.score)
                           for m in spans] + model_found
        found += model_found + rule_found
        for q in quoted:
            if q.role == "scare" and q.end > q.start:
                why = f"quoted phrase with no speech cue: {q.reason}" if q.reason else "quoted phrase with no speech cue"
                found.append(_technique(text, "Scare_Quotes", q.start, q.end, why, SCARE_SCORE))
        return merge(found, text)


def _language_groups(article: Article) -> dict[str, list[tuple[int, int]]]:
    """Paragraph ranges by model language ('en' or 'ru'); paragraphs of unknown language follow the article."""
    base = bundle_code(article.language)
    groups: dict[str, list[tuple[int, int]]] = {}
    for p in article.paragraphs:
        lang = base if p.language in ("und", "") else bundle_code(p.language)
        groups.setdefault(lang, []).append((p.start, p.end))
    return groups


def _technique(text: str, label: str, start: int, end: int, explanation: str, score: float) -> Technique:
    """A Technique with surrounding whitespace trimmed so text[start:end] is the span text."""
    start, end = trim_space(text, start, end)
    return Technique(label, start, end, text[start:end], explanation, round(float(score), 3))


class _SentenceIndex:
    """The first sentence (in list order) holding an offset, by bisection over sorted sentences."""

    def __init__(self, sents: list[tuple[int, int]]) -> None:
        self.ordered = all(sents[i][0] <= sents[i + 1][0] for i in range(len(sents) - 1))
        self.sents = sents
        self.cover = Cover(sents)

    def holding(self, pos: int) -> tuple[int, int] | None:
        """First (s, e) with s <= pos < e."""
        if not self.ordered:  # never from the parser or the splitter; kept exact anyway
            return next(((s, e) for s, e in self.sents if s <= pos < e), None)
        k = self.cover.first_stabbing(pos)
        return self.sents[k] if k is not None else None


def _rule_technique(text: str, hit: RuleHit, lang: str, sents: list[tuple[int, int]],
                    index: _SentenceIndex | None = None) -> Technique:
    what = FAMILIES[hit.family][1]
    start, end = hit.start, hit.end
    if hit.extent == "sentence":
        found = (index or _SentenceIndex(sents)).holding(hit.start)
        if found is not None:
            start, end = found[0], max(found[1], hit.end)
    why = f"{what} '{text[hit.start:hit.end]}' (lexicon {lang}/tech_{hit.family}: {hit.entry})"
    return _technique(text, hit.label, start, end, why, hit.score)


def _support(model, sc) -> dict[str, list[tuple[int, int, float]]]:  # noqa: ANN001
    """Per label, (start, end) of sentences where the model gives at least half its sentence threshold."""
    out: dict[str, list[tuple[int, int, float]]] = {}
    th = model.thresholds["sentence"].get(sc.lang, {})
    for j, label in enumerate(model.labels):
        t = th.get(label, 1.01) / 2
        out[label] = [(s, e, float(p)) for (s, e), p in zip(sc.sentences, sc.sent_prob[:, j]) if p >= t]
    return out


def _confirmed(hit: RuleHit, support: dict[str, Cover]) -> bool:
    cover = support.get(hit.label)
    return cover is not None and cover.first_stabbing(hit.start) is not None


def merge(found: list[Technique], text: str) -> list[Technique]:
    """Merge overlapping spans of the same label; explanations joined, best score kept."""
    out: list[Technique] = []
    by_label: dict[str, list[Technique]] = {}
    for t in found:
        by_label.setdefault(t.label, []).append(t)
    for label, items in by_label.items():
        items.sort(key=lambda t: (t.start, -t.end))
        cur: Technique | None = None
        for t in items:
            if cur is not None and t.start < cur.end:
                end = max(cur.end, t.end)
                why = cur.explanation if t.explanation in cur.explanation else f"{cur.explanation}; {t.explanation}"
                cur = Technique(label, cur.start, end, text[cur.start : end], why, max(cur.score, t.score))
            else:
                if cur is not None:
                    out.append(cur)
                cur = t
        if cur is not None:
            out.append(cur)
    out.sort(key=lambda t: (t.start, t.end, t.label))
    return out


def rule_spans(text: str, language: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of the rule layer alone on a bare text (training and evaluation hook)."""
    lang = bundle_code(language)
    sents = split_sentences(text)
    index = _SentenceIndex(sents)
    return [(t.label, t.start, t.end) for t in (_rule_technique(text, h, lang, sents, index) for h in lexicon(lang).find(text))]
