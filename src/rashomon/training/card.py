"""The model card written next to every trained techniques model."""

from __future__ import annotations

from typing import Any

CITATIONS = (
    "- PTC-2020: Da San Martino et al., *SemEval-2020 Task 11: Detection of Propaganda Techniques in "
    "News Articles* (2020); Da San Martino et al., *Fine-Grained Analysis of Propaganda in News Articles* (EMNLP 2019).\n"
    "- SemEval-2023: Piskorski et al., *SemEval-2023 Task 3: Detecting the Category, the Framing, and the "
    "Persuasion Techniques in Online News in a Multi-lingual Setup* (2023)."
)


# What the encoded stage's logistic model reads of a paragraph (its meta "vectors").
_VECTORS = {
    "words": "the mean of the paragraph's word vectors (the sentence encoder's subword embeddings averaged per word, "
             "as the token model reads them; no encoder run)",
    "sentence": "the paragraph's multilingual sentence embedding",
}


def _floors(meta: dict[str, Any]) -> str:
    """The threshold floor: one value, or per language as chosen on held-out folds."""
    cfg, floors = meta.get("config", {}), meta.get("threshold_floors")
    if not floors or not cfg.get("floor_grid"):
        return str(cfg.get("min_threshold", 0.0))
    grid = ", ".join(str(x) for x in cfg["floor_grid"])
    chosen = ", ".join(f"{v} {k}" for k, v in sorted(floors.items()))
    return f"a floor per language chosen on held-out folds from {grid} ({chosen})"


def _stage_text(stage: dict[str, Any]) -> str:
    """What the paragraph stage is and how its thresholds were chosen."""
    m = stage.get("meta", {})
    active = sum(bool(a) for a in stage.get("active", []))
    return (
        f"A logistic model per technique ({active} of {len(stage.get('labels', []))} techniques; the others keep the span "
        f"decision) over {len(stage.get('features', []))} features of each paragraph (its highest token and sentence "
        "probabilities and mean token probability, whether a span or a lexicon hit found the technique there, the "
        "article's means of those, the other techniques found in the paragraph, its length and language), L2 "
        f"{m.get('l2')}, fitted on {m.get('rows')} SemEval-2023 paragraphs of out-of-fold probabilities. Thresholds per "
        f"language were chosen for paragraph micro-F1 on predictions cross-fitted over the {m.get('cross_fit_groups')} folds: "
        f"`gate` (drop model spans in paragraphs it rejects) {stage.get('gate_thresholds')}, `label` (the default: also "
        f"mark the likeliest sentence of a paragraph it accepts) {stage.get('thresholds')}, with the paragraph's own "
        f"evidence (strongest token or sentence probability) at least {stage.get('evidence_floor') or 0}. The "
        "`newest_stage_*` rows above are its honest estimate: a stage "
        "fitted on the older articles only, whose `found` feature came from thresholds tuned without the newest fold."
    )


def model_card(meta: dict[str, Any], table: str, size_bytes: int) -> str:
    """Markdown card: data, terms, method, headline metrics and the per-technique table."""
    tr = meta.get("training", {})
    cv = meta.get("cross_validation", {})
    cfg = meta.get("config", {})
    lines = [
        "# rashomon techniques model",
        "",
        f"Format `{meta.get('format')}` version {meta.get('format_version')}; {size_bytes / 1e6:.1f} MB on disk; "
        "weights in `weights.npz` (int16-quantised sparse arrays, the word-vector projection in float32, loaded with "
        "`allow_pickle=False`), "
        "vocabularies in `vocab_*.txt`, labels and thresholds in `model.json`. No pickles.",
        "",
        "## Data",
        f"Trained on {tr.get('articles')} annotated articles ({tr.get('articles_by_language')}), "
        f"{tr.get('spans')} technique spans, from: {', '.join(tr.get('data', []))}. Training splits only.",
        "",
        "Terms: the corpora are research data released by their authors for research on propaganda and "
        "persuasion detection; they are not redistributed here. The weights are derived statistics "
        "(feature weights over words, word prefixes, suffixes and bigrams seen at least "
        f"{cfg.get('min_count')} times and in at least {cfg.get('min_docs', 1)} distinct articles, and a projection of the "
        "encoder's subword embeddings); check the corpora's terms before using this model commercially.",
        "",
        CITATIONS,
        "",
        "## Method",
        "Two logistic-regression layers per technique (all techniques fitted jointly by full-batch Adam with a "
        f"small L2 penalty; weights with |w| <= {cfg.get('prune')} then dropped) over lexical features and word vectors: a token model "
        "(words at offsets -2..+2, 5-letter prefixes and 3-letter suffixes at -1..+1, bigrams, repetition, quotation and "
        f"lexicon cues, and {cfg.get('vec_dims')}-dimensional word vectors at -1..+1: the multilingual sentence encoder's "
        "subword embeddings averaged per word"
        + (", a hyphenated word as the mean of its parts" if cfg.get("vec_parts") else "")
        + ", projected on their principal components) and a sentence model (bag of the same lexical features). "
        + (
            "Lexical features of names (their share of mid-sentence uses written capitalised)"
            + (f" in {cfg['name_script'].capitalize()} script" if cfg.get("name_script") else "")
            + " get an extra L2 of "
            f"{cfg.get('name_l2')} x that share (the sentence model in proportion to its own L2): names describe "
            "the story, not the technique. "
            if cfg.get("name_l2")
            else ""
        )
        + 
        f"Token logits receive {meta.get('sentence_blend')} of their "
        "sentence's logit. Per-language, per-technique token and sentence thresholds were tuned on out-of-fold "
        "probabilities (paragraph micro-F1 plus, for English, "
        f"{cfg.get('span_weight', 1.0)} x label-aware span F1), never below {_floors(meta)}. "
        f"A run of tokens above its threshold grows over neighbours scoring at least {meta.get('run_extend', 1.0)} x the threshold.",
        "",
        "## Cross-validated quality",
        f"{cv.get('folds')}-fold cross-validation; a group (never split between folds) is an article id across corpora "
        "(a PTC-2020 article and its SemEval-2023 copy) merged with every article whose text nearly duplicates it "
        "(5-word shingles, containment >= 0.3). Everything data-dependent is fitted inside each fold (vocabulary and its "
        "pruning, word-vector projection, weights); nested: each fold was decoded with thresholds tuned on the other folds, "
        "with the rule layer on (the shipped default) and the fold models pruned as shipped. "
        + (
            "Fold 0 holds the newest "
            f"{cfg.get('time_share', 0) * 100:.0f}% of each language's SemEval-2023 ids (ids follow collection time): "
            "the `newest` rows are that shift-aware hold-out, the estimate to trust for unseen articles; the other "
            "rows cover the random folds 1..k-1."
            + (
                " Fold scheme `time`: fold 0 is scored by the model fitted on all older articles and each older fold "
                "by the model fitted on the other older folds only, so the newest articles set no weight that scored "
                "an older fold (their rows come from models fitted on less data, so they are low)."
                if cfg.get("fold_scheme") == "time"
                else ""
            )
            if cfg.get("time_share")
            else ""
        ),
        "",
        "| metric | value |",
        "|---|---:|",
    ]
    for key, value in cv.items():
        if key != "folds":
            lines.append(f"| {key} | {value:.3f} |")
    lines += ["", "Per technique (F1, gold count in brackets):", "", table, ""]
    stage = meta.get("paragraph_stage")
    if stage:
        lines += [
            "## Paragraph stage",
            _stage_text(stage),
            "",
        ]
    encoded = meta.get("paragraph_stage_encoded")
    if encoded:
        m = encoded.get("meta", {})
        lines += [
            "By default (`techniques.paragraph_encoder = true`) a second stage is used: the same features plus one per "
            "technique, a logistic model (L2 "
            f"{m.get('encoder_l2')}) over {_VECTORS.get(m.get('vectors', 'sentence'), _VECTORS['sentence'])}, fitted on its folds' "
            f"cross-fitted values; thresholds {encoded.get('thresholds')}, evidence floor "
            f"{encoded.get('evidence_floor') or 0}. Its honest estimate is the `newest_stage_encoded` rows.",
            "",
        ]
    lines += [
        "## Limitations",
        "Lexical features and context-free word vectors only: techniques that live in argument structure (Straw_Man, Red_Herring, "
        "Whataboutism, Obfuscation, Consequential_Oversimplification) are rarely found. Russian has about 140 "
        "training articles. Scores are classifier probabilities, not calibrated confidences across techniques. "
        "The shipped lexicons (the rule layer) were written and pruned while looking at training articles; they "
        "cannot be refitted per fold, so the figures above, which include them, are optimistic by their share "
        "(see docs/quality_history.md). The English training articles are all PTC-era news (2017-2019) annotated as PTC "
        "re-labellings; articles annotated afresh for SemEval-2023 carry about twice as many labels per paragraph "
        "(Russian: 1.31 against English 0.63), so expect lower recall on them.",
    ]
    return "\n".join(lines) + "\n"
