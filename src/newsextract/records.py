"""What the components write on a Doc, and the `Doc._`/`Span._`/`Token._` extensions.

Components exchange spaCy objects (spans, tokens) plus these small records; the conversion to
the pydantic output format happens once, in `newsextract.result.to_result`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token


@dataclass(eq=False)
class ActorRecord:
    """One real-world entity with every mention the text uses for it."""

    name: str
    kind: str
    mentions: list[Span] = field(default_factory=list)
    title: str | None = None
    affiliation: ActorRecord | None = None
    titled_forms: list[str] = field(default_factory=list)
    rule: str | None = None

    @property
    def aliases(self) -> list[str]:
        """Every other surface form: mentions, then title + name forms ("President Keller")."""
        seen = {self.name}
        out = []
        for text in [span.text for span in self.mentions] + self.titled_forms:
            if text not in seen:
                seen.add(text)
                out.append(text)
        return out


@dataclass(eq=False)
class GiftRecord:
    giver: ActorRecord | None
    recipient: ActorRecord | None
    item: Span
    trigger: Token
    date: str | None = None
    rule: str | None = None


DOUBLE_QUOTES = "\"\u201c\u201d"


@dataclass(eq=False)
class ClaimRecord:
    """`content` is the claim's extent; `omit` are spans inside it that are not part of what
    was claimed (the attribution between two halves of a quote, a hedge adverb)."""

    speaker: ActorRecord | None
    content: Span
    cue: Span | None
    polarity: str = "assert"
    via: ActorRecord | None = None
    omit: list[Span] = field(default_factory=list)
    rule: str | None = None

    @property
    def content_text(self) -> str:
        """The content without omitted spans, and without quote marks left unpaired by the
        content's bounds."""
        doc = self.content.doc
        dropped = {i for span in self.omit for i in range(span.start, span.end)}
        text = "".join(doc[i].text_with_ws for i in range(self.content.start, self.content.end)
                       if i not in dropped).strip()
        if sum(text.count(q) for q in DOUBLE_QUOTES) % 2:
            text = text.translate({ord(q): None for q in DOUBLE_QUOTES}).strip()
        return text


def register_extensions() -> None:
    """Register the namespaced extensions once; never overwrite a user's own."""
    doc_defaults = {"published": None, "actors": None, "gifts": None, "timexes": None,
                    "claims": None, "mentions": None}
    for name, default in doc_defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("timex_type", "timex_value"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Token.has_extension("actor"):
        Token.set_extension("actor", default=None)
