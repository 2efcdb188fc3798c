"""Converting a processed Doc to the output: the evidence sentences of each record."""

from __future__ import annotations

from newsextract import extract

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
