"""Assembling and running the pipeline: the spaCy model plus the newsextract components."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language

from .articles import Article, parse_published
from .config import DEFAULT_MODEL
from .errors import ModelNotFoundError
from .models import ArticleResult
from .records import register_extensions
from .result import to_result


COMPONENTS = ("newsextract_timexes", "newsextract_mentions", "newsextract_actors",
              "newsextract_gifts", "newsextract_claims")


def load(model: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline `model` with the newsextract components added after its own."""
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        if "E050" in str(exc) or "E941" in str(exc):
            raise ModelNotFoundError(model) from None
        raise
    if nlp.lang != "en":
        raise ModelNotFoundError(model)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def run(nlp: Language, articles: Iterable[Article],
        batch_size: int = 16) -> Iterator[tuple[Article, ArticleResult]]:
    """Process articles in batches with `nlp.pipe`; the publication date reaches the
    components through the Doc before they run. Single-process on purpose: spaCy's own
    `n_process` cannot ship these Docs (a `date` in `Doc._`, Spans in the results) through
    msgpack, so parallelism lives in `batch.process`, which forks whole runs instead.

    Each Doc's extension data is dropped once its result is built: the records hold Spans,
    which hold the Doc, and that cycle kept every Doc (tensor included) alive until the next
    full garbage collection, dozens at a time."""
    pairs = ((a.text, a) for a in articles)
    docs = nlp.pipe(_with_published(nlp, pairs), batch_size=batch_size, as_tuples=True)
    for doc, article in docs:
        result = to_result(doc, article)
        doc.user_data.clear()
        yield article, result


def _with_published(nlp: Language, pairs):
    for text, article in pairs:
        doc = nlp.make_doc(text)
        doc._.published = article.published
        yield doc, article


def extract(text: str, published: str | dt.date | None = None, doc_id: str = "article",
            nlp: Language | None = None) -> ArticleResult:
    """Extract actors, gifts, dates and claims from one article body."""
    nlp = nlp or _default_nlp()
    article = Article(doc_id=doc_id, text=text)
    if isinstance(published, dt.date):
        article.published = published
    else:
        article.published = parse_published(published, article.warnings)
    return next(run(nlp, [article]))[1]


_NLP_CACHE: dict[str, Language] = {}


def _default_nlp() -> Language:
    if DEFAULT_MODEL not in _NLP_CACHE:
        _NLP_CACHE[DEFAULT_MODEL] = load(DEFAULT_MODEL)
    return _NLP_CACHE[DEFAULT_MODEL]
