"""Reading token attributes for a whole Doc at once.

Building a spaCy Token object for every word costs far more than the test made on it; the
components read `doc.to_array` instead and build Tokens only where something is found.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc


@lru_cache(maxsize=256)
def string_ids(values: tuple[str, ...] | frozenset[str]) -> frozenset[int]:
    """The string ids of `values`. Ids do not depend on the vocabulary (spaCy's symbols
    included), so a word list is hashed once per process, not once per doc. A lexicon's
    frozenset can be passed as it is: it stores its own hash, so a cached lookup is cheap."""
    return frozenset(get_string_id(v) for v in values)


def token_indices(doc: Doc, attr: str, *values: str) -> list[int]:
    """Positions of the tokens whose `attr` is one of `values`, read from the Doc's array
    instead of building a Token object for every word."""
    ids = string_ids(values)
    return [i for i, key in enumerate(doc.to_array(attr).tolist()) if key in ids]


def flagged(doc: Doc, flag: str) -> list[int]:
    """Positions of the tokens with a boolean attribute set ("IS_SPACE", "LIKE_NUM")."""
    return doc.to_array(flag).nonzero()[0].tolist()


class TokenColumns:
    """Attributes of every token of one Doc, each read with `doc.to_array` when first asked
    for and then shared by the functions of a component that test the same attribute."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.read: dict[str, list[int]] = {}

    def __getitem__(self, attr: str) -> list[int]:
        if attr not in self.read:
            self.read[attr] = self.doc.to_array(attr).tolist()
        return self.read[attr]

    def positions(self, attr: str, ids: frozenset[int]) -> list[int]:
        """Positions of the tokens whose `attr` is one of the string `ids`."""
        return [i for i, key in enumerate(self[attr]) if key in ids]
