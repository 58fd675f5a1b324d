"""Per-language cue lexicons for quotes, loaded once from `lang/<code>/` data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import bundle, bundle_code


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

    def is_cue(self, lemma: str) -> bool:
        """A verb of saying, believing, or evaluating something."""
        return lemma in self.speech or lemma in self.cognition or lemma in self.objective


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
        source_markers=tuple(sorted(res.words("source_markers"), key=len, reverse=True)),
        person_nouns=frozenset(res.words("person_nouns")),
        org_nouns=frozenset(res.words("org_nouns")),
        pronouns={r[0]: frozenset(r[1].split()) for r in res.table("pronouns") if len(r) >= 2},
        title_nouns=frozenset(res.words("quoted_title_nouns")),
        name_nouns=frozenset(res.words("quoted_name_nouns")),
        term_markers=tuple(res.words("term_markers")),
        naming=frozenset(w.lower() for w in res.naming_cues),
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
        source_markers=tuple(sorted(set(en.source_markers) | set(ru.source_markers), key=len, reverse=True)),
        person_nouns=en.person_nouns | ru.person_nouns,
        org_nouns=en.org_nouns | ru.org_nouns,
        pronouns={**en.pronouns, **ru.pronouns},
        title_nouns=en.title_nouns | ru.title_nouns,
        name_nouns=en.name_nouns | ru.name_nouns,
        term_markers=tuple(set(en.term_markers) | set(ru.term_markers)),
        naming=en.naming | ru.naming,
    )
