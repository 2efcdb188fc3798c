"""The claims component's lexicons (data/claim_cues.json) and attribution constructions
(data/claim_constructions.json), loaded once and validated."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from ..errors import NewsExtractError


class ClaimCues(BaseModel):
    """Word lists that decide what counts as an attribution; unknown keys are a typo, so rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    """belief, inference and finding verbs: a cue only with a clause complement"""
    deny_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    for_verbs: frozenset[str]
    as_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    accuse_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    according_to: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_passives: frozenset[str]
    unnamed_sources: frozenset[str]
    source_things: frozenset[str]
    media_words: frozenset[str]
    via_acl_verbs: frozenset[str]
    falsity_words: frozenset[str]
    """what calling a claim false says of it ("called the report baseless"): a denial"""
    voice_nouns: frozenset[str]
    likening_verbs: frozenset[str]
    """characterisation verbs that take "to" as others take "as" ("likened Y to Z")"""
    document_nouns: frozenset[str]
    """texts that speak for their author ("a statement said"): with no author named, the
    source of the claim just before"""
    """people who speak for an institution ("a spokesperson for X"): X is the speaker"""

    @field_validator("*", mode="before")
    @classmethod
    def _lower_nonempty(cls, value: object) -> object:
        if isinstance(value, list):
            if not value or not all(isinstance(w, str) and w.strip() for w in value):
                raise ValueError("must be a non-empty list of non-empty strings")
            return frozenset(w.strip().lower() for w in value)
        return value


def load_cues(path: str | Path | None = None) -> ClaimCues:
    """Read a cue file (the packaged one by default); errors name the file and the field."""
    if path is None:
        return _packaged_cues()
    return _parse(Path(path).read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=1)
def _packaged_cues() -> ClaimCues:
    source = resources.files("newsextract.components") / "data" / "claim_cues.json"
    return _parse(source.read_text(encoding="utf-8"), "claim_cues.json")


def _parse(text: str, name: str) -> ClaimCues:
    try:
        return ClaimCues.model_validate(json.loads(text))
    except (ValueError, ValidationError) as exc:
        raise NewsExtractError(f"{name}: invalid claim cue file: {exc}") from None


KINDS = ("verb", "adjective", "noun", "phrase", "adverb", "quote", "signature")
SPEAKERS_OF_KIND = {"verb": ("subject", "none"), "adjective": ("subject",), "noun": ("subject",),
                    "phrase": ("object",), "adverb": ("none",), "quote": ("previous",),
                    "signature": ("signer",)}


class ClaimExample(BaseModel):
    """An invented sentence, the actors on its tokens (surface -> name) and the claims it
    should give as [speaker, cue, content, polarity]."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    actors: dict[str, str]
    claims: list[tuple[str | None, str, str, Literal["assert", "deny", "hedged"]]]
    contrast: bool = False
    """a sentence the construction must leave to others (or to no claim at all)"""


class Construction(BaseModel):
    """One attribution construction; `name` is the rule on the claims it makes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    about: str
    kind: Literal[KINDS]
    cues: list[str]
    voice: Literal["active", "passive", "any"]
    in_quote: bool
    speaker: Literal["subject", "none", "object", "previous", "signer"]
    content: str
    polarity: Literal["assert", "deny", "hedged"]
    final: bool
    examples: list[ClaimExample]

    @field_validator("name")
    @classmethod
    def _rule_name(cls, value: str) -> str:
        if not re.fullmatch(r"claim\.[a-z_]+", value):
            raise ValueError("a rule name is 'claim.' and lower-case words joined by '_'")
        return value


class ClaimConstructions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    constructions: list[Construction]

    @model_validator(mode="after")
    def _consistent(self) -> ClaimConstructions:
        names = [c.name for c in self.constructions]
        if len(set(names)) != len(names):
            twice = sorted({n for n in names if names.count(n) > 1})
            raise ValueError(f"duplicate construction names: {twice}")
        lexicons = set(ClaimCues.model_fields) - {"about"}
        for con in self.constructions:
            unknown = [c for c in con.cues if c.startswith("@") and c[1:] not in lexicons]
            if unknown:
                raise ValueError(f"{con.name}: unknown cue lists {unknown}")
            if con.kind in ("verb", "adjective", "noun", "phrase", "adverb") and not con.cues:
                raise ValueError(f"{con.name}: a {con.kind} construction needs cues")
            if con.speaker not in SPEAKERS_OF_KIND[con.kind]:
                raise ValueError(f"{con.name}: a {con.kind} construction's speaker is one of "
                                 f"{SPEAKERS_OF_KIND[con.kind]}, not {con.speaker!r}")
            if not con.examples:
                raise ValueError(f"{con.name}: needs at least one example")
        return self

    def lemmas(self, con: Construction, cues: ClaimCues) -> frozenset[str]:
        """The cue lemmas of a construction, with its "@list" references expanded."""
        out: set[str] = set()
        for cue in con.cues:
            out |= getattr(cues, cue[1:]) if cue.startswith("@") else {cue.lower()}
        return frozenset(out)


def load_constructions(path: str | Path | None = None) -> ClaimConstructions:
    """Read a construction file (the packaged one by default); errors name the file and entry."""
    if path is None:
        return _packaged_constructions()
    return _parse_constructions(Path(path).read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=1)
def _packaged_constructions() -> ClaimConstructions:
    source = resources.files("newsextract.components") / "data" / "claim_constructions.json"
    return _parse_constructions(source.read_text(encoding="utf-8"), "claim_constructions.json")


def _parse_constructions(text: str, name: str) -> ClaimConstructions:
    try:
        return ClaimConstructions.model_validate(json.loads(text))
    except (ValueError, ValidationError) as exc:
        raise NewsExtractError(f"{name}: invalid claim construction file: {exc}") from None
