"""The technique labels rashomon emits and the one table mapping PTC-2020 names onto them.

Labels follow SemEval-2023 Task 3 (Piskorski et al. 2023) in its official spelling, plus
`Scare_Quotes`. The PTC-2020 corpus (Da San Martino et al. 2020) uses 14 older names;
`PTC2020_TO_SEMEVAL2023` is the single place they are translated.
"""

from __future__ import annotations

# SemEval-2023 Task 3 subtask 3: 23 techniques, grouped as in the task description.
SEMEVAL2023_LABELS: tuple[str, ...] = (
    # attack on reputation
    "Name_Calling-Labeling",
    "Guilt_by_Association",
    "Doubt",
    "Appeal_to_Hypocrisy",
    "Questioning_the_Reputation",
    # justification
    "Flag_Waving",
    "Appeal_to_Authority",
    "Appeal_to_Popularity",
    "Appeal_to_Values",
    "Appeal_to_Fear-Prejudice",
    # distraction
    "Straw_Man",
    "Red_Herring",
    "Whataboutism",
    # simplification
    "Causal_Oversimplification",
    "False_Dilemma-No_Choice",
    "Consequential_Oversimplification",
    # call
    "Slogans",
    "Conversation_Killer",
    "Appeal_to_Time",
    # manipulative wording
    "Loaded_Language",
    "Obfuscation-Vagueness-Confusion",
    "Exaggeration-Minimisation",
    "Repetition",
)

SCARE_QUOTES = "Scare_Quotes"

# Everything the techniques layer may emit.
LABELS: tuple[str, ...] = SEMEVAL2023_LABELS + (SCARE_QUOTES,)

# PTC-2020 (SemEval-2020 Task 11) name -> SemEval-2023 name.
# Rows marked "lossy" merge several 2023 techniques under one 2020 name; we map them to the
# 2023 technique that the 2020 guideline examples mostly illustrate, and `SEMEVAL2023_TO_PTC2020`
# folds the whole group back when scoring against PTC gold.
#   PTC-2020 name                          SemEval-2023 name
PTC2020_TO_SEMEVAL2023: dict[str, str] = {
    "Appeal_to_Authority": "Appeal_to_Authority",
    "Appeal_to_fear-prejudice": "Appeal_to_Fear-Prejudice",
    "Bandwagon,Reductio_ad_hitlerum": "Guilt_by_Association",  # lossy: Bandwagon = Appeal_to_Popularity
    "Black-and-White_Fallacy": "False_Dilemma-No_Choice",
    "Causal_Oversimplification": "Causal_Oversimplification",
    "Doubt": "Doubt",
    "Exaggeration,Minimisation": "Exaggeration-Minimisation",
    "Flag-Waving": "Flag_Waving",
    "Loaded_Language": "Loaded_Language",
    "Name_Calling,Labeling": "Name_Calling-Labeling",
    "Repetition": "Repetition",
    "Slogans": "Slogans",
    "Thought-terminating_Cliches": "Conversation_Killer",
    "Whataboutism,Straw_Men,Red_Herring": "Whataboutism",  # lossy: also Straw_Man, Red_Herring
}

# SemEval-2023 name -> PTC-2020 name, for scoring against PTC gold; 2023-only techniques
# (Questioning_the_Reputation, Appeal_to_Values, ...) and Scare_Quotes have no PTC name.
SEMEVAL2023_TO_PTC2020: dict[str, str] = {v: k for k, v in PTC2020_TO_SEMEVAL2023.items()}
SEMEVAL2023_TO_PTC2020.update(
    {
        "Appeal_to_Popularity": "Bandwagon,Reductio_ad_hitlerum",
        "Straw_Man": "Whataboutism,Straw_Men,Red_Herring",
        "Red_Herring": "Whataboutism,Straw_Men,Red_Herring",
    }
)

PTC2020_LABELS: tuple[str, ...] = tuple(sorted(PTC2020_TO_SEMEVAL2023))

# Techniques whose annotated spans are short phrases (median under ~40 characters in the
# SemEval-2023 training spans); the others are clause- or sentence-long arguments. The
# decoder locates the former as word runs and reports the latter as whole sentences.
PHRASE_LABELS: frozenset[str] = frozenset(
    {
        "Loaded_Language",
        "Name_Calling-Labeling",
        "Repetition",
        "Exaggeration-Minimisation",
        "Flag_Waving",
        "Slogans",
        "Conversation_Killer",
        "Appeal_to_Time",
        "Scare_Quotes",
    }
)


def to_semeval2023(label: str) -> str:
    """The SemEval-2023 name of a PTC-2020 or SemEval-2023 label; ValueError if unknown."""
    if label in LABELS:
        return label
    try:
        return PTC2020_TO_SEMEVAL2023[label]
    except KeyError:
        raise ValueError(f"unknown technique label {label!r}") from None


def to_ptc2020(label: str) -> str | None:
    """The PTC-2020 name of a SemEval-2023 label, or None when PTC-2020 has no such class."""
    if label in PTC2020_TO_SEMEVAL2023:
        return label
    return SEMEVAL2023_TO_PTC2020.get(label)


# How the paragraph stage's own spans explain themselves (techniques.decode.explain_paragraph):
# a paragraph judged to use the technique, shown on its likeliest sentence, not a span the model found.
PARAGRAPH_EXPLANATION = "paragraph stage: "


def paragraph_level(explanation: str) -> bool:
    """Whether a technique's explanation marks a paragraph-level judgement (not a found span)."""
    return explanation.startswith(PARAGRAPH_EXPLANATION)
