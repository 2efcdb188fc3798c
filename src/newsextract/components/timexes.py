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

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..records import register_extensions
from .anchored_matcher import AnchoredMatcher
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
_MONTH_VALUE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON"})
"""Entities whose words are a name, not a time: "the Sunday Times", "Democracy Now!"."""
Pieces = list[tuple[Span, Resolution]]
"""Resolvable parts of a candidate, with their resolutions."""


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


def _year_from_range_end(left: Span, res_left: Resolution, right: Span,
                         res_right: Resolution) -> Resolution:
    """"May 7 to 10, 2021", "March to June 2021": a range's start without a year of its own
    takes the year its end states (the year before, when its month comes later)."""
    value, end = res_left[1], res_right[1]
    if not (value and end and _MONTH_VALUE.match(value) and _MONTH_VALUE.match(end)) \
            or any(_YEAR.match(t.text) for t in left) or not any(_YEAR.match(t.text) for t in right):
        return res_left
    year = int(end[:4]) - (value[5:7] > end[5:7])
    return res_left[0], f"{year:04d}{value[4:]}"


def inside_name(span: Span) -> bool:
    """The span is part of a longer name ("Sunday" in "the Sunday Times"): a name entity runs
    on into it from before, or out of it past its end. A name inside the span ("BC" tagged ORG
    in "57 BC") does not count."""
    doc, first = span.doc, span[0]
    after = doc[span.end] if span.end < len(doc) else None
    return (first.ent_iob_ == "I" and first.ent_type_ in NAME_LABELS) or (
        after is not None and after.ent_iob_ == "I" and after.ent_type_ in NAME_LABELS)


def span_tense(span: Span) -> Tense:
    """Clause tense, moved one step forward after "until" ("postponed until Saturday" is ahead)."""
    tense = clause_tense(span)
    if span.start and span.doc[span.start - 1].lower_ in _FORWARD_PREPOSITIONS:
        return "present" if tense == "past" else "future"
    return tense


class TimexRecognizer:
    """Detect, trim and resolve TIMEX3 expressions; writes `doc._.timexes`."""

    def __init__(self, nlp: Language, name: str, use_entities: bool = True,
                 entity_labels: tuple[str, ...] = ("DATE", "TIME")) -> None:
        register_extensions()
        self.name = name
        self.use_entities = use_entities
        self.entity_labels = set(entity_labels)
        self.matcher = AnchoredMatcher(nlp.vocab, matcher_patterns())
        lex = lexicon()
        self.trim_leading = set(lex["trim_leading"])
        self.trim_trailing = set(lex["trim_trailing"])
        self.separators = set(lex["range_separators"])

    def __call__(self, doc: Doc) -> Doc:
        anchor = doc._.published
        if isinstance(anchor, str):
            anchor = dt.date.fromisoformat(anchor[:10])
        elif isinstance(anchor, dt.datetime):
            anchor = anchor.date()
        candidates: dict[tuple[int, int], None] = {}
        if self.use_entities:
            candidates.update(((e.start, e.end), None) for e in doc.ents if e.label_ in self.entity_labels)
        candidates.update((match, None) for match in self.matcher(doc))
        resolved: dict[tuple[int, int], Resolution] = {}
        pieces: list[Span] = []
        parts_by_extent: dict[tuple[int, int], Pieces] = {}
        # longest first: the end of a range informs its start ("May 7 to 10, 2021"), so the
        # range's reading of "May 7" wins over that of a shorter candidate with the same words
        for start, end in sorted(candidates, key=lambda c: c[0] - c[1]):
            for piece, res in self._pieces(doc[start:end], anchor, parts_by_extent):
                if inside_name(piece):
                    continue
                if resolved.setdefault((piece.start, piece.end), res) is res:
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
        while start < end:
            token = doc[start]
            if not (token.lower_ in self.trim_leading or token.is_space
                    or (token.dep_ == "det" and not start < token.head.i < end)
                    or (token.dep_ == "poss" and token.pos_ == "PRON")
                    or (token.lower_ in ("a", "an") and start + 1 < end and doc[start + 1].like_num)):
                break
            start += 1
        while end > start:
            token = doc[end - 1]
            if not (token.lower_ in self.trim_trailing or token.is_space):
                break
            end -= 1
        if end - start > 1 and doc[end - 1].lower_ in _ATTACHED_WORDS:
            end -= 1
        return doc[start:end] if end > start else None

    def _resolve(self, span: Span, anchor: dt.date | None) -> Resolution | None:
        """The tense is passed as a function: most expressions never need it."""
        return resolve([t.text for t in span], anchor, lambda: span_tense(span))

    def _pieces(self, span: Span, anchor: dt.date | None,
                parts_by_extent: dict[tuple[int, int], Pieces]) -> Pieces:
        """The trimmed span's resolvable parts, found once per extent: a model entity and a pattern
        match often trim to the same words ("the last week", "last week")."""
        span = self._trim(span)
        if span is None:
            return []
        extent = (span.start, span.end)
        if extent not in parts_by_extent:
            parts_by_extent[extent] = self._parts(span, anchor, parts_by_extent)
        return parts_by_extent[extent]

    def _parts(self, span: Span, anchor: dt.date | None,
               parts_by_extent: dict[tuple[int, int], Pieces]) -> Pieces:
        """The span's resolvable parts: itself, or the two ends of a range, or what follows a stray comma."""
        doc = span.doc
        tokens = list(span)
        commas = [t.i for t in tokens if t.text == ","]
        if commas and self._resolve(doc[span.start:commas[0]], anchor) is None:
            rest = self._trim(doc[commas[0] + 1:span.end])
            return self._pieces(rest, anchor, parts_by_extent) if rest is not None else []
        for k in range(1, len(tokens) - 1):
            if tokens[k].lower_ not in self.separators or tokens[k + 1].lower_ in ("a", "an", "half"):
                continue
            i = tokens[k].i
            left, right = self._trim(doc[span.start:i]), self._trim(doc[i + 1:span.end])
            if left is None or right is None:
                continue
            split = self._split_range(left, right, anchor)
            if split:
                return split
        whole = resolve([t.text for t in tokens], anchor, lambda: span_tense(span))
        return [(span, whole)] if whole else []

    def _split_range(self, left: Span, right: Span, anchor: dt.date | None) -> Pieces:
        """Both ends of "X - Y" / "X to Y" when they are dates, or "12 and 18 months" (unit shared)."""
        res_left, res_right = self._resolve(left, anchor), self._resolve(right, anchor)
        words = [t.text for t in right if t.text != ","]
        if res_left and res_left[1] and _DAY.match(res_left[1]) and res_right is None and \
                len(words) == 2 and words[0].isdigit() and _YEAR.match(words[1]):
            res_right = ("DATE", f"{words[1]}{res_left[1][4:8]}{int(words[0]):02d}")
        if res_left and res_right:
            res_left = _year_from_range_end(left, res_left, right, res_right)
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
