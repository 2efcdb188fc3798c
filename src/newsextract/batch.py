"""Running the pipeline over many article files: stream, isolate failures, write atomically.

One broken article never stops a batch: reading errors are collected per file, and a batch
whose processing raises is re-run one article at a time so that only the culprit fails.
Each output file is written to a temporary name and renamed, so an interrupted run never
leaves a partial JSON file behind.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
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
    """Results in input order; an article whose processing fails is reported, not raised.

    With n_process > 1, forked workers share the loaded model copy-on-write and each returns
    finished results for one chunk; at most two chunks per worker are in flight, so memory
    stays flat however many articles stream through."""
    iterator = iter(articles)
    chunks = iter(lambda: list(islice(iterator, batch_size * (1 if n_process > 1 else 4))), [])
    if n_process == 1 or "fork" not in mp.get_all_start_methods():
        outputs: Iterator[list] = (_process_chunk(nlp, chunk, batch_size) for chunk in chunks)
        yield from _collect(outputs, failures)
        return
    global _WORKER_NLP
    _WORKER_NLP = nlp
    try:
        with ProcessPoolExecutor(n_process, mp_context=mp.get_context("fork")) as pool:
            pending: deque[Future] = deque()
            for chunk in chunks:
                pending.append(pool.submit(_worker_chunk, chunk, batch_size))
                if len(pending) >= 2 * n_process:
                    yield from _collect([pending.popleft().result()], failures)
            yield from _collect((job.result() for job in pending), failures)
    finally:
        _WORKER_NLP = None


_WORKER_NLP: Language | None = None


def _worker_chunk(chunk: list[Article], batch_size: int) -> list[ArticleResult | Failure]:
    return _process_chunk(_WORKER_NLP, chunk, batch_size)


def _process_chunk(nlp: Language, chunk: list[Article],
                   batch_size: int) -> list[ArticleResult | Failure]:
    """The chunk's results; if the batch raises, re-run one by one so only the culprit fails."""
    try:
        return [r for _, r in run(nlp, chunk, batch_size)]
    except Exception:  # noqa: BLE001 - isolate the culprit below
        pass
    out: list[ArticleResult | Failure] = []
    for article in chunk:
        try:
            out.append(next(run(nlp, [article], 1))[1])
        except Exception as exc:  # noqa: BLE001 - a failure is data, not a crash
            out.append(Failure(article.doc_id, f"processing failed: {exc!r}"))
    return out


def _collect(outputs: Iterable[list], failures: list[Failure]) -> Iterator[ArticleResult]:
    for output in outputs:
        for item in output:
            if isinstance(item, Failure):
                failures.append(item)
            else:
                yield item


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
