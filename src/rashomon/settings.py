"""One typed options object built from the packaged defaults plus a user config file."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import RashomonError

# A config is a few kB; the cap keeps a config pointing at /dev/zero from filling memory (E032).
MAX_CONFIG_BYTES = 1_000_000
# tomllib's time grows with the square of a dotted key's depth (100,000 parts: minutes), so a
# file with more structure ('.', '[', '{' outside strings and comments) than any real config
# (a few dozen) is refused before parsing (E030); at this cap tomllib takes ~0.1 s at worst.
MAX_CONFIG_STRUCTURE = 5000
_TOML_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')
# spaCy's own nlp.max_length: one paragraph longer than this makes spaCy refuse the text (E088).
SPACY_MAX_CHARS = 1_000_000


class _Section(BaseModel):
    # inf/nan are valid TOML floats but never a sensible timeout or budget.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class IngestOptions(_Section):
    max_bytes: int = Field(gt=0, le=1 << 30)
    max_chars: int = Field(gt=0, le=SPACY_MAX_CHARS)
    title_from_first_line: bool
    url_timeout: float = Field(gt=0, le=3600)
    allow_private: bool
    follow_links: bool


class LanguageOptions(_Section):
    languages: list[str] = Field(min_length=1, max_length=100)
    paragraph_fallback: bool
    min_paragraph_chars: int = Field(ge=0, le=SPACY_MAX_CHARS)

    @field_validator("languages")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        """Only ISO 639-1 codes lingua knows, in lower case (anything else fails at detection)."""
        from lingua import Language

        known = {lang.iso_code_639_1.name.lower() for lang in Language.all()}
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise ValueError(f"unknown language code(s) {unknown}; use lower-case ISO 639-1 codes such as 'en', 'ru'")
        return codes


class PipelineOptions(_Section):
    components: list[str] = Field(max_length=100)


class ModelOptions(_Section):
    en: list[str] = Field(min_length=1, max_length=100)
    batch_size: int = Field(gt=0, le=10_000)


class TechniqueOptions(_Section):
    model: str = Field(max_length=4096)
    rules: Literal["all", "confirmed", "off"]
    paragraph_stage: Literal["gate", "label", "off"]
    paragraph_encoder: bool


class AnalysisOptions(_Section):
    max_seconds: float = Field(gt=0, le=86400)
    max_rss_mb: int = Field(ge=256, le=1_048_576)
    worker_articles: int = Field(ge=1, le=1_000_000)


class CompareOptions(_Section):
    min_confidence: float = Field(ge=0, le=1)


class WatchOptions(_Section):
    interval: float = Field(gt=0, le=30 * 86400)
    max_backoff: float = Field(gt=0, le=30 * 86400)
    max_items: int = Field(ge=1, le=10_000)
    item_attempts: int = Field(ge=1, le=100)
    near_duplicate: float = Field(gt=0, le=1)


class Options(_Section):
    """Every setting rashomon reads; see defaults.toml for meanings."""

    ingest: IngestOptions
    language: LanguageOptions
    pipeline: PipelineOptions
    models: ModelOptions
    techniques: TechniqueOptions
    analysis: AnalysisOptions
    compare: CompareOptions
    watch: WatchOptions


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def default_dict() -> dict[str, Any]:
    """The packaged defaults as a plain dict."""
    raw = resources.files("rashomon").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def read_config(path: Path) -> dict[str, Any]:
    """A user TOML file as a dict: E030 unreadable, not TOML or nested too deeply; E032 too large."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise RashomonError("E030", path=path, detail=exc.strerror or str(exc)) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise RashomonError("E032", path=path, limit=MAX_CONFIG_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RashomonError("E030", path=path, detail="not UTF-8") from None
    structure = 0
    for line in text.split("\n"):
        bare = _TOML_STRING.sub("", line).split("#", 1)[0]
        structure += sum(map(bare.count, ".[{"))
        if structure > MAX_CONFIG_STRUCTURE:
            raise RashomonError("E030", path=path, detail="nested too deeply")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RashomonError("E030", path=path, detail=str(exc).splitlines()[0]) from None
    except RecursionError:
        raise RashomonError("E030", path=path, detail="nested too deeply") from None


def load_options(config: str | Path | None = None, **overrides: Any) -> Options:
    """Defaults, then the user's TOML file, then keyword overrides like ingest={'max_bytes': 10}."""
    data = default_dict()
    label = "<defaults>"
    if config is not None:
        label = str(config)
        data = _merge(data, read_config(Path(config)))
    data = _merge(data, overrides)
    try:
        return Options.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        if _has_key(overrides, first["loc"]):
            label = "(command-line options)"
        raise RashomonError("E031", path=label, detail=f"{where}: {first['msg']}") from None


def _has_key(data: dict[str, Any], loc: tuple[Any, ...]) -> bool:
    """True if the dotted location `loc` was set in `data` (to blame a flag, not the file)."""
    node: Any = data
    for part in loc:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True
