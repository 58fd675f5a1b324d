"""Bundle attributes named after their resource files read exactly that file, after the fallback."""

from __future__ import annotations

import pytest

from rashomon.lang import FALLBACK, LanguageBundle, _Named, bundle, load_list, load_table

NAMED = {n: a for n, a in vars(LanguageBundle).items() if isinstance(a, _Named)}


def test_bundle_named_attributes_declared():
    assert set(NAMED) == {"speech_verbs", "cognition_verbs", "naming_cues", "function_words", "negations",
                          "number_words"}
    assert all(a.__doc__ and a.name == n for n, a in NAMED.items())
    assert NAMED["number_words"].load is load_table and NAMED["negations"].load is load_list


@pytest.mark.parametrize("code", ["en", "ru", "be", "uk"])
@pytest.mark.parametrize("name", sorted(NAMED))
def test_bundle_named_attribute_reads_its_file(code, name):
    res = bundle(code)
    value = getattr(res, name)
    assert value and value == NAMED[name].load(FALLBACK.get(code, code), name)
    if NAMED[name].load is load_list:
        assert value == res.words(name)
    else:
        assert value == res.table(name)
