"""Reading token attributes for a whole Doc at once.

Building a spaCy Token object for every word costs far more than the test made on it; the
components read `doc.to_array` instead and build Tokens only where something is found.
"""

from __future__ import annotations

from spacy.tokens import Doc


def token_indices(doc: Doc, attr: str, *values: str) -> list[int]:
    """Positions of the tokens whose `attr` is one of `values`, read from the Doc's array
    instead of building a Token object for every word."""
    hashes = {doc.vocab.strings[v] for v in values}
    return [i for i, h in enumerate(doc.to_array(attr).tolist()) if h in hashes]


def flagged(doc: Doc, flag: str) -> list[int]:
    """Positions of the tokens with a boolean attribute set ("IS_SPACE", "LIKE_NUM")."""
    return doc.to_array(flag).nonzero()[0].tolist()
