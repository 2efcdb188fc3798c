"""Word lists for time expressions, read once from `data/timex_*.json` (kept out of the code)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Parse `components/data/<name>` from the installed package."""
    return json.loads(resources.files("newsextract.components").joinpath("data", name).read_text("utf-8"))


def lexicon() -> dict[str, Any]:
    return load_data("timex_lexicon.json")


def _expand(value: Any, lex: dict[str, Any]) -> Any:
    """Replace "$name" placeholders by `{"IN": [...]}` over the lexicon entry `name` (its keys)."""
    if isinstance(value, str) and value.startswith("$"):
        words: list[str] = []
        for part in value[1:].split("|"):
            entry = lex[part]
            words.extend(entry if isinstance(entry, list) else entry.keys())
        return {"IN": sorted(set(words))}
    if isinstance(value, dict):
        return {k: _expand(v, lex) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, lex) for v in value]
    return value


@lru_cache(maxsize=None)
def matcher_patterns() -> dict[str, list[list[dict[str, Any]]]]:
    """Token patterns by label, with lexicon placeholders expanded."""
    lex = lexicon()
    raw = load_data("timex_patterns.json")
    return {label: [_expand(p, lex) for p in patterns] for label, patterns in raw.items()}
