"""Word vectors of the token model: piece averages, projection, windows, explanations."""

import numpy as np
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.techniques.wordvec import PIECE_DIM, fit_projection, piece_table, project, segment_sums, windowed


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_wordvec_piece_table_rows_per_word():
    table = piece_table()
    words = ["regime", "режим", "regime", "?"]
    out = table(words)
    assert out.shape == (4, PIECE_DIM) and out.dtype == np.float32
    assert np.array_equal(out[0], out[2])
    assert np.isfinite(out).all()
    assert table([]).shape == (0, PIECE_DIM)


def test_wordvec_project_fills_cache_and_matches_uncached():
    rng = np.random.default_rng(2)
    mu, proj = rng.normal(size=PIECE_DIM).astype(np.float32), rng.normal(size=(PIECE_DIM, 4)).astype(np.float32)
    cache: dict[str, np.ndarray] = {}
    words = ["junta", "хунта", "junta"]
    a = project(words, mu, proj, cache)
    assert set(cache) == {"junta", "хунта"}
    assert np.allclose(a, project(words, mu, proj), atol=1e-4)
    assert np.allclose(a[0], a[2])


@pytest.mark.parametrize("parts, kept", [(True, {"co-op", "хунта"}), (False, set())])
def test_wordvec_raw_vectors_shared_cache_only_with_parts(monkeypatch, parts, kept):
    from rashomon.techniques import wordvec

    monkeypatch.setattr(wordvec, "WORD_CACHE", {})
    got = wordvec.raw_vectors(["co-op", "хунта", "co-op"], parts)
    assert list(got) == ["co-op", "хунта"]
    assert np.array_equal(np.stack(list(got.values())), piece_table()(["co-op", "хунта"], parts))
    assert set(wordvec.WORD_CACHE) == kept  # vectors without parts are an older model's: not shared


@pytest.mark.parametrize(
    "word, near, far",
    [
        ("shameful", "disgraceful", "wooden"),
        ("позорный", "постыдный", "деревянный"),
        ("regime", "режим", "tuesday"),  # one piece vocabulary for both scripts
    ],
)
def test_wordvec_piece_table_related_words_are_closer(word, near, far):
    v = piece_table()([word, near, far])
    assert _cos(v[0], v[1]) > _cos(v[0], v[2])


def test_wordvec_fit_projection_whitens_to_requested_scale():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(500, 20)) @ rng.normal(size=(20, 20))
    mu, proj = fit_projection(x.astype(np.float32), 8, scale=0.5)
    y = (x - mu) @ proj
    assert proj.shape == (20, 8)
    assert np.allclose(y.std(0, ddof=1), 0.5, atol=1e-3)
    cov = np.cov(y.T)
    assert np.allclose(cov - np.diag(np.diag(cov)), 0, atol=1e-3)


def test_wordvec_fit_projection_more_dims_than_data_keeps_what_exists():
    x = np.random.default_rng(1).normal(size=(5, 10)).astype(np.float32)
    _, proj = fit_projection(x, 64)
    assert proj.shape == (10, 5)


@pytest.mark.parametrize(
    "offsets, expected",
    [
        ((0,), [[1], [2], [3]]),
        ((-1, 0, 1), [[0, 1, 2], [1, 2, 3], [2, 3, 0]]),
        ((-2, 2), [[0, 3], [0, 0], [1, 0]]),
        ((5,), [[0], [0], [0]]),  # past the end: zeros, not wrap-around
    ],
)
def test_wordvec_windowed_offsets(offsets, expected):
    vec = np.asarray([[1.0], [2.0], [3.0]], dtype=np.float32)
    assert windowed(vec, offsets).tolist() == expected


def test_wordvec_windowed_and_project_empty_text():
    assert windowed(np.zeros((0, 4), dtype=np.float32), (-1, 0, 1)).shape == (0, 12)
    mu, proj = np.zeros(PIECE_DIM, dtype=np.float32), np.ones((PIECE_DIM, 3), dtype=np.float32)
    assert project([], mu, proj).shape == (0, 3)


def test_wordvec_project_without_dimensions_is_empty_rows():
    mu, proj = np.zeros(PIECE_DIM, dtype=np.float32), np.zeros((PIECE_DIM, 0), dtype=np.float32)
    cache: dict[str, np.ndarray] = {}
    assert project(["regime", "junta"], mu, proj, cache).shape == (2, 0)
    assert not cache


@pytest.fixture(scope="module")
def shipped():
    from rashomon.techniques.model import TechniqueModel

    return TechniqueModel.load()


def test_wordvec_shipped_model_scores_carry_vectors(shipped):
    text = "The treasonous puppets staged a farce."
    sc = shipped.score(text, "en", [(0, len(text))])
    assert sc.vectors.shape == (len(sc.words), shipped.weights["vec_proj"].shape[1])
    without = shipped.token_logits(sc.ids)
    with_vec = shipped.token_logits(sc.ids, sc.vectors)
    assert not np.allclose(without, with_vec)


def test_wordvec_unseen_word_still_gets_vector_evidence(shipped):
    word = "treasonousness"
    assert word not in shipped.vocab.index["words"]
    vec = shipped.word_vectors([word])
    assert np.linalg.norm(vec) > 0.1


def test_wordvec_explanation_names_vector_evidence(shipped):
    from rashomon.techniques.decode import ModelSpan, top_features

    text = "They are shameful, disgraceful traitors."
    sc = shipped.score(text, "en", [(0, len(text))])
    tok = sc.words.index("disgraceful")
    span = ModelSpan("Loaded_Language", int(sc.starts[tok]), int(sc.ends[tok]), 0.9, "token", tok)
    names = [name for name, _ in top_features(shipped, sc, span, k=50)]
    assert any(n.startswith("≈") for n in names)


@pytest.mark.parametrize("dims", [0, 4])
def test_wordvec_training_with_and_without_vectors_round_trips(tmp_path, dims):
    from rashomon.techniques.formats import GoldArticle, GoldSpan
    from rashomon.techniques.model import TechniqueModel
    from rashomon.training import TrainConfig
    from rashomon.training.data import prepare
    from rashomon.training.fit import fit

    text = "The corrupt regime lied again. Officials met on Tuesday. The shameful junta lied."
    arts = []
    for i in range(4):
        spans = [GoldSpan("Loaded_Language", 4, 11), GoldSpan("Loaded_Language", 61, 69)]
        arts.append(GoldArticle(str(i), text, "en", spans, [], "ptc2020"))
    labels = ["Loaded_Language"]
    cfg = TrainConfig(min_count=1, iters_token=5, iters_sentence=5, vec_dims=dims)
    model = fit([prepare(g, labels) for g in arts], labels, cfg)
    assert model.weights["tok_vec"].shape == (3 * dims, 1)
    model.save(tmp_path / "m")
    again = TechniqueModel.load(tmp_path / "m")
    a = model.score(text, "en", [(0, 30), (31, 56), (57, len(text))])
    b = again.score(text, "en", [(0, 30), (31, 56), (57, len(text))])
    assert a.vectors.shape == (len(a.words), dims)
    assert np.allclose(a.token_prob, b.token_prob, atol=1e-3)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=20), st.integers(1, 5))
def test_wordvec_segment_sums_match_a_loop(lens, dims):
    # Runs of every length, empty ones included (a word without pieces: zeros).
    lens = np.asarray(lens, dtype=np.int64)
    rows = np.random.default_rng(len(lens)).normal(size=(int(lens.sum()), dims)).astype(np.float32)
    out = segment_sums(rows, lens)
    at = 0
    for i, n in enumerate(lens):
        assert np.allclose(out[i], rows[at : at + n].sum(0), atol=1e-5)
        at += n
    assert out.shape == (len(lens), dims)
