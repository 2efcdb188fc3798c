"""`norm()` of EXTRACTION_SPEC §3, shared by the scorer and the actor resolver."""

from __future__ import annotations

import re
import unicodedata

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir"})
LEADING_ARTICLES = frozenset({"the", "a", "an"})

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                         "\u2032": "'", "\u2033": '"', "\u02bc": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_PUNCT = re.compile(r"[^\w\s\x00]")


def norm(text: str, keep_honorifics: bool = False) -> str:
    """Normalise a surface string for comparison (NFKC, quotes, case, possessive, honorifics,
    leading article, punctuation except inner hyphens, white space)."""
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    s = _POSSESSIVE.sub("", s)
    s = _INNER_HYPHEN.sub("\x00", s)
    s = _PUNCT.sub(" ", s).replace("_", " ").replace("\x00", "-")
    tokens = s.split()
    if not keep_honorifics:
        tokens = [t for t in tokens if t not in HONORIFICS]
    if tokens and tokens[0] in LEADING_ARTICLES:
        tokens = tokens[1:]
    return " ".join(tokens)


def norm_tokens(text: str, keep_honorifics: bool = False) -> list[str]:
    return norm(text, keep_honorifics).split()
