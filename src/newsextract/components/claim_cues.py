"""The claims component's lexicons (data/claim_cues.json), loaded once and validated."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

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
