"""A spaCy Matcher run only where its patterns can match.

The Matcher costs a Python call per token, pattern and predicate (`IN`, `REGEX`), so over a
whole article it cost more than everything else the timex component does. Every match of a
pattern lies in a run of tokens that each satisfy some spec of some pattern; the run holds a
token for each of the pattern's required specs (the rarest is its anchor: "days" in "two days
ago") and has at least as many tokens as there are such specs. These tests depend on the word
alone, so they are cached per lexeme; a run is kept only if it holds an anchor, and goes only
to the matchers of the labels with a pattern it passes. No match is lost: when a pattern uses
anything a word cannot decide (POS alone, "!"), the matcher runs over the whole doc.
"""

from __future__ import annotations

import json
import re

import numpy as np
from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab


class TokenTest:
    """Whether a token can satisfy one of a set of Matcher token specs, judged from its
    lexeme alone (exact words, regexes over the text, LIKE_NUM), so results are cached per word."""

    def __init__(self, specs: list[dict]) -> None:
        self.words: set[str] = set()
        self.texts: set[str] = set()
        self.like_num = False
        regexes: dict[str, list[str]] = {"LOWER": [], "TEXT": []}
        for spec in specs:
            attr = next((a for a in ("LOWER", "TEXT") if a in spec), None)
            value = spec.get(attr)
            if attr is None:
                self.like_num |= spec.get("LIKE_NUM") is True
            elif isinstance(value, str):
                (self.words if attr == "LOWER" else self.texts).add(value)
            elif set(value) == {"IN"}:
                (self.words if attr == "LOWER" else self.texts).update(value["IN"])
            else:
                regexes[attr].append(value["REGEX"])
        self.lower_re, self.text_re = (re.compile("|".join(f"(?:{r})" for r in regexes[a])) if regexes[a]
                                       else None for a in ("LOWER", "TEXT"))

    def __call__(self, text: str, lower: str, like_num: bool) -> bool:
        return (lower in self.words or text in self.texts or (self.like_num and like_num)
                or (self.lower_re is not None and self.lower_re.search(lower) is not None)
                or (self.text_re is not None and self.text_re.search(text) is not None))


def _testable(spec: dict) -> bool:
    attr = next((a for a in ("LOWER", "TEXT") if a in spec), None)
    if attr is None:
        return spec.get("LIKE_NUM") is True
    value = spec[attr]
    return isinstance(value, str) or (isinstance(value, dict) and set(value) in ({"IN"}, {"REGEX"}))


def _anchor_spec(pattern: list[dict]) -> dict | None:
    """The required spec every match of `pattern` must have a token for, chosen to be rare:
    the word list with the smallest share of function words ("the", "of"), where a regex
    counts as half common and a number as three quarters."""
    def commonness(spec: dict) -> tuple[float, int]:
        attr = next((a for a in ("LOWER", "TEXT") if a in spec), None)
        value = spec.get(attr)
        words = None if attr is None else [value] if isinstance(value, str) else value.get("IN")
        if words is None:
            return (0.75 if attr is None else 0.5, 0)
        common = sum(w in STOP_WORDS or not any(c.isalnum() for c in w) for w in words)
        return (common / len(words), len(words))
    required = [s for s in pattern if s.get("OP") in (None, "+", "1") and _testable(s)]
    return min(required, key=commonness) if required else None


class AnchoredMatcher:
    """Token patterns by label; calling it gives the (start, end) of every match in a doc."""

    def __init__(self, vocab: Vocab, patterns: dict[str, list[list[dict]]]) -> None:
        flat = [p for group in patterns.values() for p in group]
        self.filtered = all(spec.get("OP") != "!" and _testable(spec) for p in flat for spec in p) \
            and all(_anchor_spec(p) is not None for p in flat)
        groups = patterns if self.filtered else {"ALL": flat}
        self.matchers: list[Matcher] = []
        for label, group in groups.items():
            matcher = Matcher(vocab)
            matcher.add(label, group)
            self.matchers.append(matcher)
        self.token = TokenTest([spec for p in flat for spec in p])
        self.anchors = [TokenTest([_anchor_spec(p) for p in group]) for group in groups.values()] \
            if self.filtered else []
        spec_bits: dict[str, int] = {}
        required_specs: list[dict] = []
        self.requirements: list[list[tuple[int, int]]] = []
        """Per label, per pattern: the bits of the specs it requires a token for, and its shortest length."""
        for group in groups.values() if self.filtered else []:
            needs = []
            for pattern in group:
                specs = [spec for spec in pattern if spec.get("OP") in (None, "+", "1")]
                bits = 0
                for spec in specs:
                    key = json.dumps(spec, sort_keys=True)
                    if key not in spec_bits:
                        spec_bits[key] = 1 << len(required_specs)
                        required_specs.append(spec)
                    bits |= spec_bits[key]
                needs.append((bits, len(specs)))
            self.requirements.append(needs)
        self.required = [TokenTest([spec]) for spec in required_specs]
        self._cache: dict[int, tuple[int, int]] = {}
        self.longest_requirement = max((shortest for needs in self.requirements for _, shortest in needs),
                                       default=0)
        self._labels_cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        if not self.filtered:
            return [(start, end) for _, start, end in self.matchers[0](doc)]
        found = []
        for start, end, labels in self.runs(doc):
            run = doc[start:end]
            for k, matcher in enumerate(self.matchers):
                if labels >> k & 1:
                    found.extend((start + s, start + e) for _, s, e in matcher(run))
        return found

    def classify(self, vocab: Vocab, orth: int) -> tuple[int, int]:
        """The word's kind (bit k: it can anchor a match of label k; -1: it can only be inside a
        match) and the bits of the required pattern specs it satisfies."""
        found = self._cache.get(orth)
        if found is None:
            lexeme = vocab[orth]
            args = (lexeme.orth_, lexeme.lower_, lexeme.like_num)
            kind = sum(1 << k for k, anchor in enumerate(self.anchors) if anchor(*args))
            if not kind and self.token(*args):
                kind = -1
            found = kind, sum(1 << j for j, test in enumerate(self.required) if test(*args))
            self._cache[orth] = found
        return found

    def runs(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Maximal runs of possible match tokens holding an anchor, with the bits of the labels
        having a pattern whose required specs all have a token in the run and that fits its length.

        Words are classified from the per-lexeme cache and the runs found with array operations;
        only the tokens of anchored runs are looked at one by one."""
        known = self._cache.get
        classes = [known(orth) or self.classify(doc.vocab, orth) for orth in doc.to_array(ORTH).tolist()]
        kinds = np.array([kind for kind, _ in classes], dtype=np.int64)
        inside = np.concatenate(([0], (kinds != 0).astype(np.int8), [0]))
        edges = np.flatnonzero(np.diff(inside))
        starts, ends = edges[::2], edges[1::2]
        if not len(starts):
            return []
        anchored_labels = np.bitwise_or.reduceat(np.maximum(kinds, 0), starts)
        runs = []
        for start, end, anchored in zip(starts.tolist(), ends.tolist(), anchored_labels.tolist()):
            if not anchored:
                continue
            present = 0
            for _, required in classes[start:end]:
                present |= required
            labels = self.possible_labels(anchored, present, min(end - start, self.longest_requirement))
            if labels:
                runs.append((start, end, labels))
        return runs

    def possible_labels(self, anchored: int, present: int, length: int) -> int:
        """Bits of the anchored labels with a pattern needing no spec outside `present` and no more
        than `length` tokens; cached, as the same few combinations recur."""
        key = (anchored, present, length)
        labels = self._labels_cache.get(key)
        if labels is None:
            labels = sum(1 << k for k, needs in enumerate(self.requirements) if anchored >> k & 1
                         and any(shortest <= length and bits & present == bits for bits, shortest in needs))
            self._labels_cache[key] = labels
        return labels
