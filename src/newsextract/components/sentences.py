"""Where the sentences of a Doc begin, for components that ask which sentence a token is in.

`Span.sent` and `Doc.sents` walk the Doc token by token on every call; the starts are listed
once and looked up by bisection.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from spacy.tokens import Doc


class Sentences:
    """Where the sentences of one Doc begin, listed once when first needed: `Span.sent` and
    `Doc.sents` walk the Doc token by token on every call."""

    def __init__(self, doc: Doc):
        self.doc = doc

    @cached_property
    def starts(self) -> list[int]:
        return [sent.start for sent in self.doc.sents]

    def index_of(self, i: int) -> int:
        """The number of the sentence that holds token `i`."""
        return bisect_right(self.starts, i) - 1

    def start_of(self, i: int) -> int:
        """Where the sentence that holds token `i` begins."""
        return self.starts[self.index_of(i)]

    def bounds(self, index: int) -> tuple[int, int]:
        """Start and end of sentence number `index`."""
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.doc)
        return self.starts[index], end
