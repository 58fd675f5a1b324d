"""The statistical layer: linear models over lexical features and word vectors, stored as JSON + NPZ + text vocab.

Two linear models share one vocabulary: a token model (is this word inside a span of
technique T? from a 5-word window of lexical features plus the word vectors of a 3-word
window, see `wordvec`) and a sentence model (does this sentence contain T? from
its bag of words, prefixes, suffixes and bigrams). Weights are plain numpy arrays saved with
`np.savez_compressed` and read with `allow_pickle=False`; `model.json` carries the labels,
decision thresholds, training summary and a format version checked on load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .features import (
    BIGRAM_OFFSETS,
    LANGS,
    PREFIX_OFFSETS,
    SUFFIX_OFFSETS,
    VEC_OFFSETS,
    WORD_OFFSETS,
    Ids,
    Tokens,
    Vocab,
    misc_pairs,
    sentence_index,
    shifted,
    to_ids,
    tokenize,
)
from .groups import outside_nation_sentences
from .wordvec import project, windowed

if TYPE_CHECKING:
    from .paragraphs import ParagraphStage

FORMAT = "rashomon-techniques"
FORMAT_VERSION = 3  # 2: suffix features; 3: word-vector block (earlier models lack them)
WEIGHT_NAMES = ("tok_bias", "sent_bias", "tok_misc", "sent_misc", "tok_vec", "vec_mu", "vec_proj")
# Stored as float32, not int16: the projection's columns differ in scale by orders of magnitude.
EXACT_NAMES = ("vec_mu", "vec_proj")
# Token/sentence weight blocks: name -> (vocab kind, offsets or None for the sentence bag).
TOKEN_BLOCKS: dict[str, tuple[str, tuple[int, ...]]] = {
    "tok_words": ("words", WORD_OFFSETS),
    "tok_prefixes": ("prefixes", PREFIX_OFFSETS),
    "tok_bigrams": ("bigrams", BIGRAM_OFFSETS),
    "tok_suffixes": ("suffixes", SUFFIX_OFFSETS),
}
SENT_BLOCKS: dict[str, str] = {
    "sent_words": "words",
    "sent_prefixes": "prefixes",
    "sent_bigrams": "bigrams",
    "sent_suffixes": "suffixes",
}


class ModelFormatError(ValueError):
    """A model directory that is missing files or has another format version."""


def default_model_dir() -> Path:
    """The model shipped inside the package."""
    return Path(str(resources.files("rashomon").joinpath("models", "techniques")))


@dataclass
class Scores:
    """Model output for one text: tokens, their sentence, and per-label probabilities."""

    starts: np.ndarray
    ends: np.ndarray
    words: list[str]
    ids: Ids
    sent_of: np.ndarray  # sentence index of each token, -1 outside
    sentences: list[tuple[int, int]]
    token_prob: np.ndarray  # (n_tokens, n_labels)
    sent_prob: np.ndarray  # (n_sentences, n_labels)
    lang: str
    vectors: np.ndarray | None = None  # (n_tokens, dims) projected word vectors


@dataclass
class TechniqueModel:
    """Loaded weights, vocabulary, labels and thresholds; `score` runs it on a text."""

    labels: list[str]
    vocab: Vocab
    weights: dict[str, np.ndarray]  # dense float32 blocks, unknown row last
    thresholds: dict[str, dict[str, dict[str, float]]]  # kind (token|sentence) -> lang -> label -> p
    meta: dict[str, Any] = field(default_factory=dict)
    vector_cache: dict[str, np.ndarray] = field(default_factory=dict, repr=False)  # word -> projected vector

    @classmethod
    def load(cls, directory: str | Path | None = None) -> "TechniqueModel":
        """Read a model directory written by `save` (default: the shipped model)."""
        d = Path(directory) if directory is not None else default_model_dir()
        meta_path = d / "model.json"
        if not meta_path.is_file():
            raise ModelFormatError(f"no model.json in {d}: not a rashomon techniques model")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelFormatError(f"{meta_path}: unreadable ({exc})") from None
        if meta.get("format") != FORMAT or meta.get("format_version") != FORMAT_VERSION:
            raise ModelFormatError(
                f"{d}: model format {meta.get('format')!r} v{meta.get('format_version')} "
                f"but this rashomon reads {FORMAT!r} v{FORMAT_VERSION}; retrain with `rashomon train techniques`"
            )
        try:
            vocab = Vocab.load(d)
            weights = {}
            with np.load(d / "weights.npz", allow_pickle=False) as npz:
                for name in list(TOKEN_BLOCKS) + list(SENT_BLOCKS) + list(WEIGHT_NAMES):
                    shape = tuple(int(x) for x in npz[f"{name}.shape"])
                    dense = np.zeros(int(np.prod(shape)), dtype=np.float32)
                    idx = np.cumsum(npz[f"{name}.gap"], dtype=np.int64)
                    dense[idx] = npz[f"{name}.val"].astype(np.float32) * float(npz[f"{name}.scale"])
                    weights[name] = dense.reshape(shape)
            model = cls(meta["labels"], vocab, weights, meta["thresholds"], meta)
            model.paragraph_stage  # noqa: B018 - a bad stage fails here, as a bad model
            model.encoded_stage  # noqa: B018
            return model
        except (OSError, KeyError, ValueError, IndexError, TypeError) as exc:
            # Truncated or hand-edited directories must fail as "bad model", not as a crash.
            raise ModelFormatError(f"{d}: incomplete or corrupt model ({type(exc).__name__}: {exc})") from None

    def save(self, directory: str | Path, prune: float = 0.0) -> None:
        """Write model.json, weights.npz (sparse, int16-quantised) and the vocabulary files.

        Weights with |w| <= prune are dropped, then vocabulary entries left without any
        weight, which is what keeps the shipped model at a few MB.
        """
        if prune > 0:
            self.compact(prune)
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {}
        for name, w in self.weights.items():
            flat = w.ravel()
            keep = np.flatnonzero(flat)
            # int16 with one scale per block: ~4 significant digits, half the bytes of float32.
            scale = float(np.abs(flat[keep]).max() / 32000) if len(keep) and name not in EXACT_NAMES else 1.0
            arrays[f"{name}.shape"] = np.asarray(w.shape, dtype=np.int64)
            # Sorted positions stored as gaps: small numbers that compress well.
            arrays[f"{name}.gap"] = np.diff(keep, prepend=0).astype(np.int32)
            if name in EXACT_NAMES:
                arrays[f"{name}.val"] = flat[keep].astype(np.float32)
            else:
                arrays[f"{name}.val"] = np.round(flat[keep] / scale).astype(np.int16)
            arrays[f"{name}.scale"] = np.asarray(scale)
        np.savez_compressed(d / "weights.npz", **arrays)
        self.vocab.save(d)
        self.meta.update(format=FORMAT, format_version=FORMAT_VERSION)
        meta = dict(self.meta, labels=self.labels, thresholds=self.thresholds)
        (d / "model.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def compact(self, prune: float) -> None:
        """Zero small weights and drop vocabulary entries that no longer carry any weight."""
        for name in list(TOKEN_BLOCKS) + list(SENT_BLOCKS):
            w = self.weights[name]
            w[np.abs(w) <= prune] = 0.0
        for kind in Vocab.KINDS:
            tok = next(n for n, (k, _) in TOKEN_BLOCKS.items() if k == kind)
            sent = next(n for n, k in SENT_BLOCKS.items() if k == kind)
            n = self.vocab.size(kind)
            w_tok = self.weights[tok]
            # An empty vocabulary kind (tiny corpora, min_docs) has n = 0 rows: reshape needs the width.
            used = (w_tok[:n].reshape(n, int(np.prod(w_tok.shape[1:]))) != 0).any(1) | (self.weights[sent][:n] != 0).any(1)
            rows = np.r_[np.flatnonzero(used), n]  # the unknown row stays last
            self.weights[tok] = np.ascontiguousarray(self.weights[tok][rows])
            self.weights[sent] = np.ascontiguousarray(self.weights[sent][rows])
            self.vocab.lists[kind] = [self.vocab.lists[kind][i] for i in rows[:-1]]
        self.vocab = Vocab(*(self.vocab.lists[k] for k in Vocab.KINDS))

    @cached_property
    def paragraph_stage(self) -> "ParagraphStage | None":
        """The paragraph stage stored in model.json (`paragraphs`), None for models without one."""
        return self._stage("paragraph_stage")

    @cached_property
    def encoded_stage(self) -> "ParagraphStage | None":
        """The paragraph stage with the paragraph-vector feature (`paragraph_encoder`), None if not stored."""
        return self._stage("paragraph_stage_encoded")

    def _stage(self, key: str) -> "ParagraphStage | None":
        from .paragraphs import ParagraphStage

        d = self.meta.get(key)
        if not d:
            return None
        try:
            stage = ParagraphStage.from_json(d)
        except (KeyError, ValueError) as exc:
            raise ModelFormatError(f"{key}: {exc}") from None
        if stage.labels != self.labels:
            raise ModelFormatError(f"the {key.replace('_', ' ')}'s labels are not the model's")
        return stage

    @property
    def misc(self) -> list[str]:
        """Names of the fixed misc features (rows of tok_misc / sent_misc)."""
        return self.meta["misc"]

    def score(
        self,
        text: str,
        lang: str,
        sentences: list[tuple[int, int]],
        hits: list[tuple[str, int, int]] | None = None,
        toks: Tokens | None = None,
    ) -> Scores:
        """Token and sentence probabilities for every label; hits are (family, start, end) lexicon matches."""
        toks = toks if toks is not None else tokenize(text)
        if hits is None:
            from .lexicon import lexicon

            hits = [(h.family, h.start, h.end) for h in lexicon(lang).find(text, toks=toks)]
        ids = to_ids(toks.words, self.vocab)
        lang_row = LANGS.index(lang) if lang in LANGS else 0
        sent_of = sentence_index(toks.starts, sentences)
        mt, mf = misc_pairs(text, toks, hits, self.misc)
        vec = self.word_vectors(toks.words)
        z = self.token_logits(ids, vec) + self.weights["tok_bias"][lang_row]
        _add_rows(z, mt, self.weights["tok_misc"][mf])
        zs = self.sentence_logits(ids, sent_of, len(sentences)) + self.weights["sent_bias"][lang_row]
        keep = sent_of[mt] >= 0 if len(mt) else np.zeros(0, dtype=bool)
        if keep.any():
            pairs = np.unique(sent_of[mt[keep]] * len(self.misc) + mf[keep])
            _add_rows(zs, pairs // len(self.misc), self.weights["sent_misc"][pairs % len(self.misc)])
        # The sentence's evidence (its logit minus the label prior) shifts its tokens: a word
        # is likelier loaded in a loaded sentence.
        blend = float(self.meta.get("sentence_blend", 0.0))
        if blend and len(sentences):
            inside = sent_of >= 0
            z[inside] += blend * (zs[sent_of[inside]] - self.weights["sent_bias"][lang_row])
        _quiet_outside_groups(z, zs, self.labels, text, lang, sentences, sent_of)
        ids.misc = (mt, mf)
        return Scores(
            toks.starts, toks.ends, toks.words, ids, sent_of, sentences, _sigmoid(z), _sigmoid(zs), lang, vec
        )

    def word_vectors(self, words: list[str]) -> np.ndarray:
        """(n, dims) projected word vectors (see `wordvec`), cached per distinct word."""
        # Models trained before hyphenated words were split into parts keep their own vectors.
        parts = bool(self.meta.get("config", {}).get("vec_parts", False))
        return project(words, self.weights["vec_mu"], self.weights["vec_proj"], self.vector_cache, parts)

    def token_logits(self, ids: Ids, vectors: np.ndarray | None = None) -> np.ndarray:
        """Sum of positional weights for each token, plus the word-vector block when given (no bias)."""
        n = len(ids.words)
        z = np.zeros((n, len(self.labels)), dtype=np.float32)
        for name, (kind, offsets) in TOKEN_BLOCKS.items():
            w = self.weights[name]
            arr = getattr(ids, kind)
            unknown = w.shape[0] - 1
            for k, off in enumerate(offsets):
                z += w[shifted(arr, off, unknown), k]
        if vectors is not None and n:
            z += windowed(vectors, VEC_OFFSETS) @ self.weights["tok_vec"]
        return z

    def sentence_logits(self, ids: Ids, sent_of: np.ndarray, n_sent: int) -> np.ndarray:
        """Sum of bag-of-features weights per sentence (each distinct feature counted once)."""
        z = np.zeros((n_sent, len(self.labels)), dtype=np.float32)
        inside = sent_of >= 0
        for name, kind in SENT_BLOCKS.items():
            w = self.weights[name]
            arr = getattr(ids, kind)
            unknown = w.shape[0] - 1
            keep = inside & (arr != unknown)
            if kind == "bigrams":  # the pair must not run into the next sentence
                keep &= np.append(sent_of[1:] == sent_of[:-1], False)
            pairs = np.unique(sent_of[keep] * (unknown + 1) + arr[keep])
            _add_rows(z, pairs // (unknown + 1), w[pairs % (unknown + 1)])
        return z

    def feature_name(self, block: str, row: int, offset: int | None = None) -> str:
        """Readable name of one feature, for explanations."""
        if block in ("tok_misc", "sent_misc"):
            return f"[{self.misc[row]}]"
        kind = TOKEN_BLOCKS[block][0] if block in TOKEN_BLOCKS else SENT_BLOCKS[block]
        items = self.vocab.lists[kind]
        text = items[row] if row < len(items) else "?"
        if kind == "prefixes":
            text += "…"
        elif kind == "suffixes":
            text = "…" + text[1:]
        if offset:
            return f"{text}@{offset:+d}"
        return text


def _add_rows(z: np.ndarray, rows: np.ndarray, values: np.ndarray) -> None:
    """z[rows[i]] += values[i] for every i, repeated rows included (`np.add.at`), through the flat
    view: NumPy's fast path for one-dimensional indices, the same additions in the same order."""
    if not (z.flags.c_contiguous and values.flags.c_contiguous and values.shape == (len(rows), z.shape[1])):
        np.add.at(z, rows, values)
        return
    width = z.shape[1]
    flat = (np.asarray(rows, dtype=np.int64)[:, None] * width + np.arange(width)).reshape(-1)
    np.add.at(z.reshape(-1), flat, values.reshape(-1))


# Techniques that appeal to the article's own group (see groups.py).
GROUP_LABELS: tuple[str, ...] = ("Flag_Waving",)


def _quiet_outside_groups(
    z: np.ndarray, zs: np.ndarray, labels: list[str], text: str, lang: str,
    sentences: list[tuple[int, int]], sent_of: np.ndarray,
) -> None:
    """Push to the floor, in place, group-appeal logits of sentences whose only group is a nation kept outside.

    Applied to every score (training's out-of-fold scores too), so thresholds are tuned with it.
    """
    cols = [labels.index(l) for l in GROUP_LABELS if l in labels]
    if not cols or not sentences:
        return
    out = np.flatnonzero(outside_nation_sentences(text, lang, sentences))
    if not len(out):
        return
    for j in cols:
        zs[out, j] = -30.0  # the clip bound of _sigmoid: probability ~1e-13
        z[np.isin(sent_of, out), j] = -30.0


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
