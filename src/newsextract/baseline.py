"""The off-the-shelf alternative a user has without newsextract, scored beside it.

Actors: the raw `en_core_web_sm` PERSON/ORG/GPE/NORP entities, one actor per distinct text.
Dates: its DATE and TIME entities, with no value. Claims: textacy's `direct_quotations`.
Gifts: none (no off-the-shelf tool extracts them). textacy gives up on a document with an odd
number of quotation marks; such a document gets no baseline claims.
"""

from __future__ import annotations

from spacy.language import Language

from .articles import Article
from .models import Actor, ArticleResult, Claim, TimeExpression

ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "organization",
                "GPE": "country"}


def baseline_results(nlp: Language, articles: list[Article]) -> list[ArticleResult]:
    from textacy.extract import direct_quotations

    results = []
    disabled = [name for name in nlp.pipe_names if name.startswith("newsextract_")]
    with nlp.select_pipes(disable=disabled):
        for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
            actors: dict[str, Actor] = {}
            for ent in doc.ents:
                if ent.label_ in ENTITY_KINDS and ent.text not in actors:
                    actors[ent.text] = Actor(name=ent.text, kind=ENTITY_KINDS[ent.label_])
            dates = [TimeExpression(text=e.text, type="TIME" if e.label_ == "TIME" else "DATE")
                     for e in doc.ents if e.label_ in {"DATE", "TIME"}]
            claims = []
            try:
                quotes = list(direct_quotations(doc))
            except ValueError:
                quotes = []
            for quote in quotes:
                speaker = " ".join(t.text for t in quote.speaker) or None
                content = " ".join(t.text for t in quote.content).strip("\"'\u201c\u201d ")
                claims.append(Claim(speaker=speaker, cue=" ".join(t.text for t in quote.cue),
                                    content=content))
            results.append(ArticleResult(doc_id=article.doc_id, published=article.published,
                                         actors=list(actors.values()), dates=dates,
                                         claims=claims))
    return results
