"""The output and gold format (EXTRACTION_SPEC §2) as pydantic models.

One schema serves both: gold is the minimal hand-written form, the extractor's output adds
offsets and evidence. Unknown keys are rejected so that a typo in a gold file is an error
that names the field instead of a silently ignored annotation.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal["person", "organization", "country"]
TimexType = Literal["DATE", "DURATION", "TIME", "SET"]
Polarity = Literal["assert", "deny", "hedged"]

ActorRef = str | list[str] | None
"""An actor name; gold may give a list of which any one is accepted (spec §2.2, §2.4)."""


class Entry(BaseModel):
    """Fields every gold entry may carry (spec §2) and every output entry may add."""

    model_config = ConfigDict(extra="forbid")

    optional: bool = False
    note: str | None = None
    start: int | None = Field(default=None, description="character offset in the body")
    end: int | None = None
    evidence: str | None = Field(default=None, description="the sentence it was read from")
    rule: str | None = Field(default=None, description="the construction or rule that produced "
                             "it (e.g. gift.give_passive), so an error points at its rule")


class Mention(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    start: int
    end: int


class Actor(Entry):
    name: str
    kind: ActorKind
    title: str | None = None
    affiliation: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class Gift(Entry):
    giver: ActorRef
    recipient: ActorRef
    item: str
    item_aliases: list[str] = Field(default_factory=list)
    date: str | None = None


class TimeExpression(Entry):
    text: str
    type: TimexType
    value: str | None = None


class Claim(Entry):
    speaker: ActorRef
    via: ActorRef = None
    cue: str | None = None
    content: str
    polarity: Polarity = "assert"


class ArticleResult(BaseModel):
    """One article's extraction (or gold annotation)."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    model: str | None = Field(default=None, description="the spaCy pipeline that produced it")
    warnings: list[str] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    gifts: list[Gift] = Field(default_factory=list)
    dates: list[TimeExpression] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
