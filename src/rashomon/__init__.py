"""rashomon: who says what, and where accounts diverge, across news articles.

Library first: `analyze_texts`, `analyze_paths` and `Article` are the public API; the CLI,
HTML report and web app are thin layers over them. Importing this package loads no model.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import Analyzer, analyze_paths, analyze_text  # noqa: E402
from .errors import RashomonError  # noqa: E402
from .model import Article  # noqa: E402
from .settings import Options, load_options  # noqa: E402

__all__ = [
    "Analyzer",
    "Article",
    "Options",
    "RashomonError",
    "__version__",
    "analyze_paths",
    "analyze_text",
    "load_options",
]
