"""Running the pipeline over many article files: stream, isolate failures, write atomically.

One broken article never stops a batch: reading errors are collected per file, and a batch
whose processing raises is re-run one article at a time so that only the culprit fails.
Each output file is written to a temporary name and renamed, so an interrupted run never
leaves a partial JSON file behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from spacy.language import Language

from .articles import Article, read_article
from .errors import ArticleError
from .models import ArticleResult
from .pipeline import run


@dataclass
class Failure:
    source: str
    reason: str

    def to_json(self) -> str:
        return json.dumps({"source": self.source, "reason": self.reason}, ensure_ascii=False)


def read_all(paths: Iterable[Path], published: str | None,
             failures: list[Failure]) -> Iterator[Article]:
    """Articles from files, lazily; unreadable files and duplicate doc_ids become failures."""
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            article = read_article(path, published)
        except ArticleError as exc:
            failures.append(Failure(exc.source, exc.reason))
            continue
        if article.doc_id in seen:
            failures.append(Failure(str(path), f"duplicate doc_id {article.doc_id!r} "
                                               f"(also {seen[article.doc_id]}); skipped"))
            continue
        seen[article.doc_id] = path
        yield article


def process(nlp: Language, articles: Iterable[Article], failures: list[Failure],
            batch_size: int = 16, n_process: int = 1) -> Iterator[ArticleResult]:
    """Results in input order; an article whose processing fails is reported, not raised."""
    iterator = iter(articles)
    chunk_size = batch_size * max(1, n_process) * 4
    while chunk := list(islice(iterator, chunk_size)):
        try:
            results = [r for _, r in run(nlp, chunk, batch_size, n_process)]
        except Exception:  # noqa: BLE001 - isolate the culprit below
            results = None
        if results is not None:
            yield from results
            continue
        for article in chunk:
            try:
                yield next(run(nlp, [article], 1, 1))[1]
            except Exception as exc:  # noqa: BLE001 - a failure is data, not a crash
                failures.append(Failure(article.doc_id, f"processing failed: {exc!r}"))


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def result_json(result: ArticleResult) -> str:
    return result.model_dump_json(indent=2, exclude_none=False) + "\n"
