"""`newsextract_timexes`: find time expressions and resolve them against `doc._.published`.

Candidates are the model's DATE/TIME entities plus token patterns from
`data/timex_patterns.json` (for what the small model misses). Each candidate is trimmed to the
TIMEX3 extent (no leading preposition), split at ranges ("2009-2010", "57 BC-AD 935"), and kept
only if `timex_normalize.resolve` understands it. Bare months and weekdays follow the tense of
the governing verb.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..records import register_extensions
from .timex_lexicon import lexicon, matcher_patterns
from .timex_normalize import Resolution, Tense, resolve

_PAST_TAGS = {"VBD"}
_FORWARD_PREPOSITIONS = {"until", "till", "til"}
_FUTURE_AUX = frozenset(lexicon()["future_auxiliaries"])
_INTENT_VERBS = frozenset(lexicon()["intent_verbs"])
"""An infinitive after an intention verb is ahead ("hope to sign it in January")."""
_ATTACHED_WORDS = {"earlier", "later", "before", "after"}
_YEAR = re.compile(r"^\d{4}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def clause_tense(span: Span) -> Tense:
    """Tense of the clause the span sits in, from its governing verb and that verb's auxiliaries."""
    token: Token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return "present"
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") and token.tag_ in ("VB", "VBG"):
        return clause_tense(token.doc[token.head.i:token.head.i + 1])
    words = {a.lower_ for a in auxes} | {token.lower_}
    intended = token.dep_ == "xcomp" and token.head.lemma_ in _INTENT_VERBS
    if words & _FUTURE_AUX or intended or (token.head.lower_ == "going" and token.dep_ == "xcomp"):
        return "future"
    if token.tag_ in _PAST_TAGS or any(a.tag_ in _PAST_TAGS for a in auxes):
        return "past"
    if token.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


def span_tense(span: Span) -> Tense:
    """Clause tense, moved one step forward after "until" ("postponed until Saturday" is ahead)."""
    tense = clause_tense(span)
    if span.start and span.doc[span.start - 1].lower_ in _FORWARD_PREPOSITIONS:
        return "present" if tense == "past" else "future"
    return tense


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


class MatchFilter:
    """Where the timex Matcher needs to run. The Matcher costs a Python call per token and
    predicate, so running it on the whole doc was most of this component's time; it now runs
    only on runs of tokens that can be part of a match (`token`) and that hold a token every
    match of some pattern needs (`anchor`), which skips no match. None when a pattern uses
    something a lexeme cannot decide."""

    def __init__(self, patterns: list[list[dict]]) -> None:
        specs = [spec for pattern in patterns for spec in pattern]
        anchors = [_anchor_spec(p) for p in patterns]
        self.token = TokenTest(specs)
        self.anchor = TokenTest([a for a in anchors if a is not None])
        self._cache: dict[int, int] = {}

    @classmethod
    def build(cls, patterns: dict[str, list[list[dict]]]) -> MatchFilter | None:
        flat = [p for group in patterns.values() for p in group]
        specs = [spec for p in flat for spec in p]
        if any(spec.get("OP") == "!" or not _testable(spec) for spec in specs):
            return None
        if any(_anchor_spec(p) is None for p in flat):
            return None
        return cls(flat)

    def classify(self, lexeme) -> int:
        """0: never in a match; 1: may be in one; 2: may also be a match's anchor."""
        found = self._cache.get(lexeme.orth)
        if found is None:
            args = (lexeme.orth_, lexeme.lower_, lexeme.like_num)
            found = 2 if self.anchor(*args) else 1 if self.token(*args) else 0
            self._cache[lexeme.orth] = found
        return found

    def runs(self, doc: Doc) -> list[tuple[int, int]]:
        """Maximal runs of possible match tokens that hold at least one anchor."""
        vocab = doc.vocab
        runs: list[tuple[int, int]] = []
        start, anchored = -1, False
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):
            kind = self.classify(vocab[orth])
            if kind and start < 0:
                start, anchored = i, False
            if kind == 2:
                anchored = True
            elif not kind and start >= 0:
                if anchored:
                    runs.append((start, i))
                start = -1
        if start >= 0 and anchored:
            runs.append((start, len(doc)))
        return runs


class TimexRecognizer:
    """Detect, trim and resolve TIMEX3 expressions; writes `doc._.timexes`."""

    def __init__(self, nlp: Language, name: str, use_entities: bool = True,
                 entity_labels: tuple[str, ...] = ("DATE", "TIME")) -> None:
        register_extensions()
        self.name = name
        self.use_entities = use_entities
        self.entity_labels = set(entity_labels)
        self.matcher = Matcher(nlp.vocab)
        for label, patterns in matcher_patterns().items():
            self.matcher.add(label, patterns)
        lex = lexicon()
        self.trim_leading = set(lex["trim_leading"])
        self.trim_trailing = set(lex["trim_trailing"])
        self.separators = set(lex["range_separators"])
        self.match_filter = MatchFilter.build(matcher_patterns())

    def _runs(self, doc: Doc) -> list[Doc | Span]:
        """The stretches a match can lie in (the whole doc when the patterns cannot be filtered)."""
        if self.match_filter is None:
            return [doc]
        return [doc[start:end] for start, end in self.match_filter.runs(doc)]

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.published
        if isinstance(anchor, str):
            anchor = dt.date.fromisoformat(anchor[:10])
        elif isinstance(anchor, dt.datetime):
            anchor = anchor.date()
        candidates: dict[tuple[int, int], None] = {}
        if self.use_entities:
            candidates.update(((e.start, e.end), None) for e in doc.ents if e.label_ in self.entity_labels)
        for run in self._runs(doc):
            candidates.update(((run.start + s, run.start + e), None) for _, s, e in self.matcher(run))
        resolved: dict[tuple[int, int], Resolution] = {}
        pieces: list[Span] = []
        for start, end in candidates:
            for piece, res in self._pieces(doc[start:end], anchor):
                resolved[(piece.start, piece.end)] = res
                pieces.append(piece)
        timexes = sorted(filter_spans(pieces), key=lambda s: s.start)
        for span in timexes:
            kind, value = resolved[(span.start, span.end)]
            if kind == "TIME" and anchor is not None and value and value.startswith(anchor.isoformat()):
                day = self._context_day(span, timexes, resolved)
                if day is not None:
                    value = day.isoformat() + value[len(anchor.isoformat()):]
                    resolved[(span.start, span.end)] = (kind, value)
            span._.timex_type, span._.timex_value = kind, value
        doc._.timexes = timexes
        return doc

    def _trim(self, span: Span) -> Span | None:
        """Drop leading prepositions, punctuation and determiners of a noun outside the span
        ("the 40 year old [jet]"), and trailing punctuation or relation words ("two days [later]")."""
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].lower_ in self.trim_leading or doc[start].is_space
                               or (doc[start].dep_ == "det" and not start < doc[start].head.i < end)
                               or (doc[start].dep_ == "poss" and doc[start].pos_ == "PRON")
                               or (doc[start].lower_ in ("a", "an") and start + 1 < end and doc[start + 1].like_num)):
            start += 1
        while end > start and (doc[end - 1].lower_ in self.trim_trailing or doc[end - 1].is_space):
            end -= 1
        if end - start > 1 and doc[end - 1].lower_ in _ATTACHED_WORDS:
            end -= 1
        return doc[start:end] if end > start else None

    def _resolve(self, span: Span, anchor: dt.date | None) -> Resolution | None:
        return resolve([t.text for t in span], anchor, span_tense(span))

    def _pieces(self, span: Span, anchor: dt.date | None) -> list[tuple[Span, Resolution]]:
        """The span's resolvable parts: itself, or the two ends of a range, or what follows a stray comma."""
        span = self._trim(span)
        if span is None:
            return []
        doc = span.doc
        commas = [t.i for t in span if t.text == ","]
        if commas and self._resolve(doc[span.start:commas[0]], anchor) is None:
            rest = self._trim(doc[commas[0] + 1:span.end])
            return self._pieces(rest, anchor) if rest is not None else []
        for i in range(span.start + 1, span.end - 1):
            if doc[i].lower_ not in self.separators or doc[i + 1].lower_ in ("a", "an", "half"):
                continue
            left, right = self._trim(doc[span.start:i]), self._trim(doc[i + 1:span.end])
            if left is None or right is None:
                continue
            split = self._split_range(left, right, anchor)
            if split:
                return split
        whole = self._resolve(span, anchor)
        return [(span, whole)] if whole else []

    def _split_range(self, left: Span, right: Span, anchor: dt.date | None) -> list[tuple[Span, Resolution]]:
        """Both ends of "X - Y" / "X to Y" when they are dates, or "12 and 18 months" (unit shared)."""
        res_left, res_right = self._resolve(left, anchor), self._resolve(right, anchor)
        number = right[0].text if len(right) == 1 and right[0].text.isdigit() else ""
        if res_left and res_left[1] and res_right is None and number:
            value = res_left[1]
            if _YEAR.match(value) and len(number) <= 2:
                res_right = ("DATE", value[:4 - len(number)] + number)
            elif _DAY.match(value) and 1 <= int(number) <= 31:
                res_right = ("DATE", f"{value[:8]}{int(number):02d}")
        shared_unit = res_left is None and len(left) == 1 and left[0].like_num
        if shared_unit and res_right and res_right[0] == "DURATION":
            res_left = resolve([left[0].text] + [t.text for t in right if not t.like_num], anchor)
        if not (res_left and res_right) or res_left[0] != res_right[0]:
            return []
        if res_left[0] == "DURATION" and not shared_unit:
            return []
        return [(left, res_left), (right, res_right)]

    @staticmethod
    def _context_day(span: Span, timexes: list[Span], resolved: dict[tuple[int, int], Resolution]) -> dt.date | None:
        """The day a clock time belongs to: "7:10 a.m. on April 10th", else the last day the
        article named before it (the day its narrative is on), else the publication day."""
        def day_of(other: Span) -> dt.date | None:
            value = resolved[(other.start, other.end)][1] or ""
            try:
                return dt.date.fromisoformat(value[:10]) if len(value) >= 10 and value[4] == "-" else None
            except ValueError:
                return None

        doc, sent = span.doc, span.sent
        after = [t for t in timexes if span.end <= t.start <= span.end + 3 and t.sent == sent]
        if after and any(tok.lower_ == "on" for tok in doc[span.end:after[0].start]):
            if (day := day_of(after[0])) is not None:
                return day
        before = [t for t in timexes if t.end <= span.start and day_of(t)]
        return day_of(before[-1]) if before else None


@Language.factory("newsextract_timexes", default_config={"use_entities": True,
                                                         "entity_labels": ["DATE", "TIME"]})
def make_timexes(nlp: Language, name: str, use_entities: bool, entity_labels: list[str]) -> TimexRecognizer:
    return TimexRecognizer(nlp, name, use_entities, tuple(entity_labels))
