"""Per-language cue lexicons for quotes, loaded once from `lang/<code>/` data files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import bundle, bundle_code
from ..model import Token


@dataclass(frozen=True)
class QuoteLexicon:
    """Word lists that drive attribution in one language."""

    lang: str
    speech: frozenset[str]
    cognition: frozenset[str]
    objective: frozenset[str]
    prepositional: frozenset[tuple[str, str]]
    source_markers: tuple[str, ...]
    person_nouns: frozenset[str]
    org_nouns: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    title_nouns: frozenset[str]
    name_nouns: frozenset[str]
    term_markers: tuple[str, ...]
    naming: frozenset[str] = frozenset()  # "call X": an object without a complement is a name, not content
    intention: frozenset[str] = frozenset()  # "wants to expand …": the subject's own infinitive is content
    regard: frozenset[str] = frozenset()  # "see X as Y": an evaluation only with its "as" complement
    complement_preps: frozenset[str] = frozenset()  # "accused X of Y": the phrase after the object
    nouns: frozenset[str] = frozenset()  # "Trump's claim that …": a noun cue with a possessor
    noun_preps: frozenset[str] = frozenset()  # "criticism of X": the preposition before the content
    light: frozenset[str] = frozenset()  # "made the case that …": the subject of the light verb is the source
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # "hoping" -> "hope" (tagger says "hop")
    # prepositional_cues rows marked "infinitive": "called on X [to resign]" reports only with it.
    needs_infinitive: frozenset[tuple[str, str]] = frozenset()

    def __post_init__(self) -> None:
        # Verbs of the prepositional table are cues too ("called for a ban", "pointed to his record").
        object.__setattr__(self, "_prep_verbs", frozenset(verb for verb, _ in self.prepositional))

    def lemma_of(self, tok: Token) -> str:
        """The token's lemma in lower case, repaired where the tagger is known to be wrong."""
        return self.lemma_fixes.get(tok.text.lower()) or tok.lemma.lower()

    def is_cue(self, lemma: str) -> bool:
        """A verb of saying, believing, intending or evaluating something."""
        return (lemma in self.speech or lemma in self.cognition or lemma in self.objective
                or lemma in self.intention or lemma in self.regard or lemma in self._prep_verbs)


@lru_cache(maxsize=None)
def lexicon(lang: str) -> QuoteLexicon:
    """The lexicon for `lang` ('en' or 'ru'; be/uk use ru)."""
    res = bundle(bundle_code(lang))
    return QuoteLexicon(
        lang=res.code,
        speech=frozenset(w.lower() for w in res.speech_verbs),
        cognition=frozenset(w.lower() for w in res.cognition_verbs),
        objective=frozenset(w.lower() for w in res.words("object_cues")),
        prepositional=frozenset((r[0], r[1]) for r in res.table("prepositional_cues") if len(r) >= 2),
        needs_infinitive=frozenset((r[0], r[1]) for r in res.table("prepositional_cues") if len(r) >= 3 and r[2] == "infinitive"),
        source_markers=tuple(sorted(res.words("source_markers"), key=len, reverse=True)),
        person_nouns=frozenset(res.words("person_nouns")),
        org_nouns=frozenset(res.words("org_nouns")),
        pronouns={r[0]: frozenset(r[1].split()) for r in res.table("pronouns") if len(r) >= 2},
        title_nouns=frozenset(res.words("quoted_title_nouns")),
        name_nouns=frozenset(res.words("quoted_name_nouns")),
        term_markers=tuple(res.words("term_markers")),
        naming=frozenset(w.lower() for w in res.naming_cues),
        intention=frozenset(w.lower() for w in res.words("intention_verbs")),
        regard=frozenset(w.lower() for w in res.words("regard_verbs")),
        complement_preps=frozenset(w.lower() for w in res.words("complement_preps")),
        nouns=frozenset(w.lower() for w in res.words("cue_nouns")),
        noun_preps=frozenset(w.lower() for w in res.words("cue_noun_preps")),
        light=frozenset(w.lower() for w in res.words("light_cue_verbs")),
        lemma_fixes={r[0].lower(): r[1].lower() for r in res.table("cue_lemma_fixes") if len(r) >= 2},
    )


@lru_cache(maxsize=1)
def merged_lexicon() -> QuoteLexicon:
    """English and Russian lists together: lemmas differ by script, so one article may mix both."""
    en, ru = lexicon("en"), lexicon("ru")
    return QuoteLexicon(
        lang="all",
        speech=en.speech | ru.speech,
        cognition=en.cognition | ru.cognition,
        objective=en.objective | ru.objective,
        prepositional=en.prepositional | ru.prepositional,
        needs_infinitive=en.needs_infinitive | ru.needs_infinitive,
        source_markers=tuple(sorted(set(en.source_markers) | set(ru.source_markers), key=len, reverse=True)),
        person_nouns=en.person_nouns | ru.person_nouns,
        org_nouns=en.org_nouns | ru.org_nouns,
        pronouns={**en.pronouns, **ru.pronouns},
        title_nouns=en.title_nouns | ru.title_nouns,
        name_nouns=en.name_nouns | ru.name_nouns,
        term_markers=tuple(set(en.term_markers) | set(ru.term_markers)),
        naming=en.naming | ru.naming,
        intention=en.intention | ru.intention,
        regard=en.regard | ru.regard,
        complement_preps=en.complement_preps | ru.complement_preps,
        nouns=en.nouns | ru.nouns,
        noun_preps=en.noun_preps | ru.noun_preps,
        light=en.light | ru.light,
        lemma_fixes={**en.lemma_fixes, **ru.lemma_fixes},
    )
