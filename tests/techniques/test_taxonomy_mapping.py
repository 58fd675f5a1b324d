"""Taxonomy: 23 SemEval-2023 labels plus Scare_Quotes, and the one PTC-2020 mapping table."""

from rashomon.techniques.taxonomy import (
    LABELS,
    PTC2020_LABELS,
    PTC2020_TO_SEMEVAL2023,
    SEMEVAL2023_LABELS,
    to_ptc2020,
    to_semeval2023,
)


def test_taxonomy_mapping_taxonomy_has_23_semeval_labels_plus_scare_quotes():
    assert len(SEMEVAL2023_LABELS) == 23
    assert len(set(LABELS)) == 24 and "Scare_Quotes" in LABELS


def test_taxonomy_mapping_every_ptc_label_maps_into_the_taxonomy_and_back():
    assert len(PTC2020_LABELS) == 14
    for old, new in PTC2020_TO_SEMEVAL2023.items():
        assert new in SEMEVAL2023_LABELS
        assert to_semeval2023(old) == new
        assert to_ptc2020(new) == old


def test_taxonomy_mapping_merged_2023_labels_fold_back_to_their_ptc_group():
    assert to_ptc2020("Straw_Man") == "Whataboutism,Straw_Men,Red_Herring"
    assert to_ptc2020("Appeal_to_Popularity") == "Bandwagon,Reductio_ad_hitlerum"
    assert to_ptc2020("Questioning_the_Reputation") is None
    assert to_ptc2020("Scare_Quotes") is None
