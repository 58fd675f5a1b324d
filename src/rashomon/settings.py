"""One typed options object built from the packaged defaults plus a user config file."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RashomonError


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IngestOptions(_Section):
    max_bytes: int = Field(gt=0)
    title_from_first_line: bool
    url_timeout: float = Field(gt=0)


class LanguageOptions(_Section):
    languages: list[str]
    paragraph_fallback: bool
    min_paragraph_chars: int = Field(ge=0)


class PipelineOptions(_Section):
    components: list[str]


class ModelOptions(_Section):
    en: list[str]
    batch_size: int = Field(gt=0)


class TechniqueOptions(_Section):
    model: str
    rules: Literal["all", "confirmed", "off"]


class AnalysisOptions(_Section):
    max_seconds: float = Field(gt=0, le=86400)
    max_rss_mb: int = Field(ge=256, le=1_048_576)


class Options(_Section):
    """Every setting rashomon reads; see defaults.toml for meanings."""

    ingest: IngestOptions
    language: LanguageOptions
    pipeline: PipelineOptions
    models: ModelOptions
    techniques: TechniqueOptions
    analysis: AnalysisOptions


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


def load_options(config: str | Path | None = None, **overrides: Any) -> Options:
    """Defaults, then the user's TOML file, then keyword overrides like ingest={'max_bytes': 10}."""
    data = default_dict()
    label = "<defaults>"
    if config is not None:
        label = str(config)
        try:
            user = tomllib.loads(Path(config).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise RashomonError("E030", path=label, detail=str(exc).splitlines()[0]) from None
        data = _merge(data, user)
    data = _merge(data, overrides)
    try:
        return Options.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RashomonError("E031", path=label, detail=f"{where}: {first['msg']}") from None
