"""newsextract: actors, gifts, dates and claims from news articles, as source-linked JSON.

`extract(text, published=...)` returns an `ArticleResult`; `load(model=...)` returns the spaCy
pipeline with the newsextract components, for use in your own spaCy code.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["extract", "load", "ArticleResult", "__version__"]


def __getattr__(name: str):
    """Import the pipeline lazily so that `import newsextract` (and `--help`) stays fast."""
    if name in ("extract", "load"):
        from . import pipeline
        return getattr(pipeline, name)
    if name == "ArticleResult":
        from .models import ArticleResult
        return ArticleResult
    raise AttributeError(name)
