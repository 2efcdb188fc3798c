"""Converting a processed Doc into the output format (the pydantic `ArticleResult`)."""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.tokens import Doc, Span

from .articles import Article
from .components.sentences import Sentences
from .models import ArticleResult
from .records import ActorRecord


def _name(actor: ActorRecord | None) -> str | None:
    return actor.name if actor is not None else None


class Evidence:
    """The sentence(s) a span lies in, as text. Reads the sentence boundaries once per doc:
    `span.sent.text` rebuilt both for each of the dozens of spans. `text` is the string the
    Doc was made from, which equals `doc.text` without joining every token again."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        self.sentences = Sentences(doc)

    def __call__(self, span: Span) -> str:
        first, _ = self.sentences.bounds(self.sentences.index_of(span.start))
        _, last = self.sentences.bounds(self.sentences.index_of(max(span.end - 1, span.start)))
        return self.text[self.doc[first].idx:self.doc[last - 1].idx + len(self.doc[last - 1])].strip()

    def surface(self, span: Span) -> str:
        """`span.text`, sliced from the text instead of joined from the span's tokens."""
        return self.text[span.start_char:span.end_char]


def to_result(doc: Doc, article: Article) -> ArticleResult:
    """The whole result is built as plain data and validated once: one pass of pydantic's
    validator instead of one per actor, mention, gift, date and claim."""
    evidence = Evidence(doc, article.text)
    actors = []
    for a in doc._.actors or []:
        first = a.mentions[0] if a.mentions else None
        actors.append(dict(
            name=a.name, kind=a.kind, title=a.title, affiliation=_name(a.affiliation),
            aliases=a.aliases,
            mentions=[dict(text=evidence.surface(m), start=m.start_char, end=m.end_char)
                      for m in a.mentions],
            start=first.start_char if first else None, end=first.end_char if first else None,
            evidence=evidence(first) if first else None, rule=a.rule))
    gifts = [
        dict(giver=_name(g.giver), recipient=_name(g.recipient), item=evidence.surface(g.item),
             date=g.date, start=g.item.start_char, end=g.item.end_char, evidence=evidence(g.item),
             rule=g.rule)
        for g in doc._.gifts or []
    ]
    dates = [
        dict(text=evidence.surface(t), type=t._.timex_type, value=t._.timex_value,
             start=t.start_char, end=t.end_char, evidence=evidence(t))
        for t in doc._.timexes or []
    ]
    claims = [
        dict(speaker=_name(c.speaker), via=_name(c.via),
             cue=evidence.surface(c.cue) if c.cue else None, content=c.content_text,
             polarity=c.polarity, start=c.content.start_char, end=c.content.end_char,
             evidence=evidence(c.content), rule=c.rule)
        for c in doc._.claims or []
    ]
    warnings = list(article.warnings)
    if not looks_english(doc):
        warnings.append("the text does not look like English: expect few and poor extractions")
    return ArticleResult.model_validate(dict(
        **article.metadata(), warnings=warnings, actors=actors, gifts=gifts, dates=dates,
        claims=claims))


def looks_english(doc: Doc, min_words: int = 20, min_stop_share: float = 0.15) -> bool:
    """English prose is about a third function words ("the", "of", "and"); text in another
    language has almost none. Short texts are given the benefit of the doubt."""
    flags = doc.to_array([IS_ALPHA, IS_STOP])
    words = flags[flags[:, 0] == 1]
    if len(words) < min_words:
        return True
    return words[:, 1].sum() / len(words) >= min_stop_share
