"""Shipped model: no pickles, small, format version checked on load, save/load round trip."""

import json
import shutil

import numpy as np
import pytest

from rashomon.techniques.model import FORMAT_VERSION, ModelFormatError, TechniqueModel, default_model_dir


def test_model_format_version_shipped_model_loads_without_pickles_and_is_small():
    d = default_model_dir()
    meta = json.loads((d / "model.json").read_text(encoding="utf-8"))
    assert meta["format_version"] == FORMAT_VERSION
    with np.load(d / "weights.npz", allow_pickle=False) as npz:
        assert all(npz[k].dtype != object for k in npz.files)
    size = sum(p.stat().st_size for p in d.iterdir() if p.is_file())
    assert size < 6_000_000
    assert (d / "MODEL_CARD.md").is_file()
    assert not list(d.glob("*.pkl")) and not list(d.glob("*.pickle"))


def test_model_format_version_other_format_version_is_refused(tmp_path):
    d = tmp_path / "m"
    shutil.copytree(default_model_dir(), d)
    meta = json.loads((d / "model.json").read_text(encoding="utf-8"))
    meta["format_version"] = FORMAT_VERSION + 1
    (d / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ModelFormatError, match="retrain"):
        TechniqueModel.load(d)


def test_model_format_version_missing_model_is_refused(tmp_path):
    with pytest.raises(ModelFormatError):
        TechniqueModel.load(tmp_path)


def test_model_format_version_save_and_load_round_trip(tmp_path):
    model = TechniqueModel.load()
    model.save(tmp_path / "copy")
    again = TechniqueModel.load(tmp_path / "copy")
    text = "The regime's puppets staged a shameful farce."
    a = model.score(text, "en", [(0, len(text))])
    b = again.score(text, "en", [(0, len(text))])
    assert np.allclose(a.token_prob, b.token_prob, atol=1e-3)
