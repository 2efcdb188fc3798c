"""TimeML reader and TE3-style scorer of `benchmarks/tempeval3.py`, on a hand-made snippet."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "tempeval3.py"
_spec = importlib.util.spec_from_file_location("tempeval3", _PATH)
te3 = importlib.util.module_from_spec(_spec)
sys.modules["tempeval3"] = te3  # dataclasses look their module up here
_spec.loader.exec_module(te3)

SNIPPET = """<?xml version="1.0" ?>
<TimeML>
<DOCID>toy_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-05-04" functionInDocument="CREATION_TIME">May 4, 2020</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2020-05-01">Friday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3> &amp; will meet <TIMEX3 tid="t3" type="DATE" value="2020-W20">next week</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def doc():
    return te3.parse_tml(SNIPPET)


def test_reader_gets_dct_text_and_offsets(doc):
    assert doc.doc_id == "toy_1"
    assert doc.dct == dt.date(2020, 5, 4)
    assert "&amp;" not in doc.text and " & will meet " in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2020-05-01"), ("three hours", "DURATION", "PT3H"), ("next week", "DATE", "2020-W20")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


def test_scores_strict_relaxed_and_attributes(doc):
    gold = doc.timexes
    friday, hours, week = gold
    system = [
        te3.Timex(friday.start - 3, friday.end, "on Friday", "DATE", "2020-05-01"),  # relaxed only, value ok
        te3.Timex(hours.start, hours.end, hours.text, "DURATION", "PT2H"),          # strict, wrong value
        te3.Timex(0, 3, "The", "DATE", "PRESENT_REF"),                             # spurious
    ]
    counts = te3.score_doc(gold, system)
    assert (counts.gold, counts.system, counts.strict) == (3, 3, 1)
    assert (counts.relaxed_gold, counts.relaxed_system, counts.type_ok, counts.value_ok) == (2, 2, 2, 1)
    m = te3.metrics(counts)
    assert m["strict"] == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert m["relaxed"] == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert m["value"] == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_report_ends_with_machine_readable_line(doc):
    counts = te3.score_doc(doc.timexes, list(doc.timexes))
    lines = te3.report(counts).splitlines()
    assert lines[-1] == "tempeval3 value_f1 1.000"
    assert any(line.startswith("HeidelTime") and "77.61" in line for line in lines)
