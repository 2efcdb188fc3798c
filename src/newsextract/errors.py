"""Error classes whose messages name the file, field or option at fault."""

from __future__ import annotations


class NewsExtractError(Exception):
    """Base class: anything the CLI reports as one line instead of a traceback."""


class ArticleError(NewsExtractError):
    """An input article that cannot be processed; `source` names it."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelNotFoundError(NewsExtractError):
    def __init__(self, name: str):
        super().__init__(
            f"spaCy model {name!r} is not installed. Run `make install` (installs the default "
            f"model, pinned by hash), or `pip install {name.replace('_', '-')}` for another "
            "pipeline, then pass it with --model NAME.")
        self.name = name


class AnnotationFileError(NewsExtractError):
    """A gold or prediction file that does not validate against the models."""

    def __init__(self, path: str, detail: str):
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail
