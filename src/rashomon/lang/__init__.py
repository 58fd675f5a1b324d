"""Per-language resources: data files under `lang/`, one loader, one bundle per language.

Word lists are `.txt` (one entry per line) and tables are `.tsv` (tab-separated cells).
The one comment rule for every data file: a line whose first non-blank character is `#` is
a comment, and blank lines are skipped; there are no end-of-line comments, so `#` may
appear inside an entry. Every file is read once per process and cached.

A missing file raises E135 unless it is listed in `OPTIONAL`. Belarusian and Ukrainian use
the Russian resources: that fallback is declared once, in `FALLBACK`, and applied by
`bundle_code` and `bundle`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Callable, Generic, TypeVar, overload

from ..errors import RashomonError

T = TypeVar("T")

# The languages with their own resource folder, and the languages that borrow one.
RESOURCE_LANGS: tuple[str, ...] = ("en", "ru")
FALLBACK: dict[str, str] = {"be": "ru", "uk": "ru"}
# Resources a language may lack on purpose: the code reads them as empty there.
OPTIONAL: frozenset[tuple[str, str]] = frozenset({
    ("ru", "prepositional_cues.tsv"),  # Russian marks attribution with "по словам", a source marker
    ("ru", "surname_suffixes.txt"),  # the Russian model tags -ov/-enko surnames itself
    ("ru", "entity_stopwords.txt"),  # only consulted with surname_suffixes
    # English attribution constructions (quotes/reported.py); Russian ones are read by the
    # Russian clause rules (quotes/reported_ru.py) and «по словам»-style source markers.
    ("ru", "intention_verbs.txt"),
    ("ru", "regard_verbs.txt"),
    ("ru", "complement_preps.txt"),
    ("ru", "cue_nouns.txt"),
    ("ru", "cue_noun_preps.txt"),
    ("ru", "light_cue_verbs.txt"),
    ("ru", "cue_lemma_fixes.tsv"),
    # English reporting frames after a quotation; a Russian remark after «, —» takes any verb
    # (quotes/direct.py, _dash_frame).
    ("ru", "frame_verbs.txt"),
    ("ru", "addressee_verbs.txt"),
    ("ru", "contact_verbs.txt"),  # "emailed supporters saying …": an English participle's frame
    ("ru", "occasion_nouns.txt"),  # "opened a rally blasting …": the same frame
    ("ru", "as_frames.txt"),  # «как отметил X, «…»» is the Russian marker rule's
    ("ru", "subordinators.txt"),  # the closing frame "…, he said." is English
    # English adjectives of belief after "be" ("are convinced that"); Russian has «уверен, что» in its own rules.
    ("ru", "belief_adjectives.txt"),
})


def bundle_code(language: str, default: str = "en") -> str:
    """The resource language for `language`: itself, its fallback (be/uk -> ru), else `default`."""
    code = FALLBACK.get(language, language)
    return code if code in RESOURCE_LANGS else default


def parse_rows(text: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a data file's text: comments and blank lines dropped, cells split on tabs and stripped."""
    rows = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def read_text(*parts: str) -> str:
    """The text of `rashomon/lang/<parts...>`; E135 if the file is missing."""
    node = resources.files("rashomon").joinpath("lang", *parts)
    if not node.is_file():
        raise RashomonError("E135", path="/".join(("lang", *parts)))
    return node.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def read_rows(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `rashomon/lang/<parts...>` under the one comment rule; E135 if the file is missing."""
    return parse_rows(read_text(*parts))


def _resource_rows(lang: str, filename: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `lang/<lang>/<filename>`; empty for a declared optional resource that is absent."""
    if (lang, filename) in OPTIONAL and not resources.files("rashomon").joinpath("lang", lang, filename).is_file():
        return ()
    return read_rows(lang, filename)


@lru_cache(maxsize=None)
def load_list(lang: str, name: str) -> tuple[str, ...]:
    """Entries of `lang/<lang>/<name>.txt`; E135 if missing and not declared optional."""
    return tuple("\t".join(row) for row in _resource_rows(lang, f"{name}.txt"))


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """Lower-cased entries of `lang/<code>/<name>.txt` of every resource language, as one set."""
    return frozenset(w.lower() for lang in RESOURCE_LANGS for w in load_list(lang, name))


@lru_cache(maxsize=None)
def load_table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `lang/<lang>/<name>.tsv` split on tabs; E135 if missing and not declared optional."""
    return _resource_rows(lang, f"{name}.tsv")


class _Named(Generic[T]):
    """A bundle attribute that is the resource file of the same name, read by `load`."""

    def __init__(self, load: Callable[[str, str], T], doc: str) -> None:
        self.load = load
        self.name = ""
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, bundle: None, owner: type) -> _Named[T]: ...
    @overload
    def __get__(self, bundle: LanguageBundle, owner: type) -> T: ...

    def __get__(self, bundle: LanguageBundle | None, owner: type) -> T | _Named[T]:
        return self if bundle is None else self.load(bundle.code, self.name)


class LanguageBundle:
    """One language's resources by name, each read on first use and cached."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __repr__(self) -> str:
        return f"LanguageBundle({self.code!r})"

    def words(self, name: str) -> tuple[str, ...]:
        """The word list `lang/<code>/<name>.txt`."""
        return load_list(self.code, name)

    def table(self, name: str) -> tuple[tuple[str, ...], ...]:
        """The table `lang/<code>/<name>.tsv`."""
        return load_table(self.code, name)

    def technique_cues(self, family: str) -> tuple[str, ...]:
        """Lexicon entries of one technique family (`tech_<family>.txt`)."""
        return self.words(f"tech_{family}")

    # Resources read as attributes; each is the file of its own name.
    speech_verbs = _Named(load_list, "Verbs of saying.")
    cognition_verbs = _Named(load_list, "Verbs of believing and thinking.")
    naming_cues = _Named(load_list, 'Verbs of naming ("call X"): an object without a complement is a name.')
    function_words = _Named(load_list, "Closed-class words that carry no content.")
    negations = _Named(load_list, "Negation words.")
    number_words = _Named(load_table, "Rows (word, value, kind) of spelled-out numbers.")


def bundle(code: str) -> LanguageBundle:
    """The resources of `code` after the be/uk -> ru fallback; E136 for a language without any."""
    resolved = FALLBACK.get(code, code)
    if resolved not in RESOURCE_LANGS:
        raise RashomonError("E136", language=code, known=", ".join((*RESOURCE_LANGS, *FALLBACK)))
    return _bundle(resolved)


@lru_cache(maxsize=None)
def _bundle(code: str) -> LanguageBundle:
    return LanguageBundle(code)
