"""The evidence named in a model span's explanation: the k strongest positive features, exactly as
reading every feature window (`features.shifted`) and sorting them all would name them."""

from __future__ import annotations

import numpy as np
import pytest

from rashomon.techniques.decode import ModelSpan, decode, top_features
from rashomon.techniques.features import VEC_OFFSETS, shifted, split_sentences
from rashomon.techniques.model import SENT_BLOCKS, TOKEN_BLOCKS

from .conftest import ROOT, SEEDS, need


def reference(model, sc, span, k=3):  # noqa: ANN001, ANN201
    """The straightforward reading: a whole shifted array per window, every feature named."""
    j = model.labels.index(span.label)
    contrib = []
    if span.source == "token":
        for block, (kind, offsets) in TOKEN_BLOCKS.items():
            w = model.weights[block]
            unknown = w.shape[0] - 1
            for o, off in enumerate(offsets):
                row = int(shifted(getattr(sc.ids, kind), off, unknown)[span.token])
                if row != unknown:
                    contrib.append((float(w[row, o, j]), model.feature_name(block, row, off)))
        if sc.vectors is not None and sc.vectors.shape[1]:
            dims, v = sc.vectors.shape[1], model.weights["tok_vec"]
            for o, off in enumerate(VEC_OFFSETS):
                t = span.token + off
                if 0 <= t < len(sc.words):
                    contrib.append((float(sc.vectors[t] @ v[o * dims : (o + 1) * dims, j]),
                                    f"≈{sc.words[t]}" + (f"@{off:+d}" if off else "")))
        if sc.ids.misc is not None:
            mt, mf = sc.ids.misc
            for f in set(mf[mt == span.token].tolist()):
                contrib.append((float(model.weights["tok_misc"][f, j]), model.feature_name("tok_misc", f)))
    else:
        idx = np.flatnonzero(sc.sent_of == span.token)
        for block, kind in SENT_BLOCKS.items():
            w = model.weights[block]
            for row in set(getattr(sc.ids, kind)[idx].tolist()):
                if row != w.shape[0] - 1:
                    contrib.append((float(w[row, j]), model.feature_name(block, row)))
        if sc.ids.misc is not None:
            mt, mf = sc.ids.misc
            for f in set(mf[np.isin(mt, idx)].tolist()):
                contrib.append((float(model.weights["sent_misc"][f, j]), model.feature_name("sent_misc", f)))
    contrib.sort(reverse=True)
    return [(name, weight) for weight, name in contrib[:k] if weight > 0]


@pytest.mark.slow
@pytest.mark.parametrize("k", [1, 3, 8])
def test_decode_top_features_same_as_reading_every_feature(detector, k):
    model = detector.model
    texts = [(p.read_text(encoding="utf-8"), "en") for p in sorted(need(SEEDS).glob("*.txt"))]
    texts.append(((ROOT / "tests" / "fixtures" / "ru_summit.txt").read_text(encoding="utf-8"), "ru"))
    checked = {"token": 0, "sentence": 0}
    for text, lang in texts:
        sc = model.score(text, lang, split_sentences(text))
        spans = decode(model, sc)
        # Every label at both edges of its windows too, not only what the thresholds let through.
        spans += [ModelSpan(label, 0, 1, 0.5, "token", t) for label in model.labels[:4] for t in (0, len(sc.words) - 1)]
        spans += [ModelSpan(label, 0, 1, 0.5, "sentence", len(sc.sentences) - 1) for label in model.labels[:4]]
        for span in spans:
            assert top_features(model, sc, span, k) == reference(model, sc, span, k)
            checked[span.source] += 1
    assert checked["token"] > 20 and checked["sentence"] > 5
