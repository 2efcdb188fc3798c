"""Converting a processed Doc to the output: the evidence sentences of each record, and
letting go of the Doc once its result is built."""

from __future__ import annotations

import gc

from spacy.tokens import Doc

from newsextract import extract
from newsextract.articles import Article
from newsextract.pipeline import run

TEXT = ("The mayor of Northport, Anna Berg, opened the bridge on Monday. "
        "\"This bridge joins two towns. It took ten years to build,\" Berg said.")


def test_evidence_is_the_sentence_of_the_first_mention(full_nlp):
    result = extract(TEXT, published="2024-05-06", nlp=full_nlp)
    berg = next(a for a in result.actors if a.name == "Anna Berg")
    assert berg.evidence == "The mayor of Northport, Anna Berg, opened the bridge on Monday."
    monday = next(d for d in result.dates if d.text == "Monday")
    assert monday.evidence == berg.evidence


def test_evidence_of_a_quote_spans_all_its_sentences(full_nlp):
    result = extract(TEXT, published="2024-05-06", nlp=full_nlp)
    claim = next(c for c in result.claims if c.speaker == "Anna Berg")
    assert claim.content.startswith("This bridge joins two towns. It took ten years")
    assert claim.evidence.startswith("\"This bridge joins two towns.")
    assert "It took ten years to build" in claim.evidence


def test_each_doc_is_freed_once_its_result_is_built(full_nlp):
    """The records' Spans point back at their Doc; without dropping them a Doc (and its
    tensor) waits for a full garbage collection, so a long run holds dozens at once."""
    articles = [Article(doc_id=f"a{i}", text=TEXT) for i in range(4)]
    gc.collect()
    gc.disable()
    try:
        before = sum(isinstance(o, Doc) for o in gc.get_objects())
        results = [result for _, result in run(full_nlp, articles, batch_size=2)]
        after = sum(isinstance(o, Doc) for o in gc.get_objects())
    finally:
        gc.enable()
    assert [len(r.claims) for r in results] == [1, 1, 1, 1]
    assert after == before
