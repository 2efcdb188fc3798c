"""A self-contained HTML page to review extractions: each article with its actors, gift items,
dates and claims highlighted, tables of its gifts, claims, dates and actors, and, given gold,
every row marked matched, false positive or missed, under the scorer's table and a bar chart.

All article text and every extracted string goes through `html.escape`; the page loads
nothing from the network.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter
from dataclasses import dataclass
from html import escape
from itertools import count

from .articles import Article
from .models import ArticleResult
from .scoring import MACRO_CATEGORIES, DocCategoryScore, ScoreReport, format_table

CATEGORY_COLOURS = {"actor": "#cfe8ff", "item": "#ffe0b3", "date": "#d9f2d0", "claim": "#f3d9f7"}
STATUS_COLOURS = {"matched": "#e4f7e4", "fp": "#ffd6d6", "missed": "#fff3c4"}
STATUS_TEXT = {"matched": "matched", "fp": "false positive", "missed": "missed"}
STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
.article{border-top:2px solid #999;margin-top:2em;padding-top:1em}
.text p{line-height:1.7}
mark{border-radius:3px;padding:0 2px}
""" + "".join(f"mark.{k}{{background:{v}}}" for k, v in CATEGORY_COLOURS.items()) + """
table{border-collapse:collapse;margin:0.5em 0 1em}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
""" + "".join(f"tr.{k},span.{k}{{background:{v}}}" for k, v in STATUS_COLOURS.items()) + """
.legend mark,.legend span{padding:0 4px;margin-right:1em}
pre.score{background:#f6f6f6;padding:0.5em}
"""
CSP = ('<meta http-equiv="Content-Security-Policy" '
       "content=\"default-src 'none'; style-src 'unsafe-inline'\">")
"""Belt and braces to the escaping: the page may run no script and fetch nothing."""


@dataclass
class Highlight:
    start: int
    end: int
    kind: str
    title: str


def highlights(result: ArticleResult) -> list[Highlight]:
    """Every span as properly nested highlights (outer first), so that overlaps stay visible:
    a span contained in another nests inside it, one that crosses a boundary is cut there."""
    found = [Highlight(m.start, m.end, "actor", f"actor: {a.name} ({a.kind})")
             for a in result.actors for m in a.mentions]
    found += [Highlight(g.start, g.end, "item", f"gift: {_cell(g.giver)} \u2192 "
                        f"{_cell(g.recipient)}: {g.item}") for g in result.gifts]
    found += [Highlight(d.start, d.end, "date", f"{d.type}: {d.value}" if d.value else d.type)
              for d in result.dates]
    found += [Highlight(c.start, c.end, "claim", f"claim by {_cell(c.speaker)} ({c.polarity})")
              for c in result.claims]
    tiebreak = count()
    queue = [(h.start, -h.end, next(tiebreak), h) for h in found
             if h.start is not None and h.end is not None and h.end > h.start]
    heapq.heapify(queue)
    chosen: list[Highlight] = []
    while queue:
        h = heapq.heappop(queue)[-1]
        crossing = [c.end for c in chosen if c.start <= h.start < c.end < h.end]
        if crossing:
            cut = min(crossing)
            rest = Highlight(cut, h.end, h.kind, h.title)
            heapq.heappush(queue, (cut, -h.end, next(tiebreak), rest))
            h = Highlight(h.start, cut, h.kind, h.title)
        chosen.append(h)
    return chosen


def render_text(text: str, marks: list[Highlight]) -> str:
    """The body as paragraphs with nested <mark> elements; marks open across a line break are
    closed before it and reopened after, so the HTML stays well formed."""
    out: list[str] = []
    stack: list[Highlight] = []
    opening: dict[int, list[Highlight]] = {}
    for h in marks:
        opening.setdefault(h.start, []).append(h)
    tag = lambda h: f'<mark class="{h.kind}" title="{escape(h.title)}">'  # noqa: E731
    pos = 0
    for point in sorted({h.start for h in marks} | {h.end for h in marks} | {len(text)}):
        reopen = "".join(map(tag, stack))
        out.append(escape(text[pos:point]).replace(
            "\n", f"{'</mark>' * len(stack)}</p><p>{reopen}"))
        pos = point
        while stack and stack[-1].end <= point:
            out.append("</mark>")
            stack.pop()
        for h in opening.get(point, []):
            out.append(tag(h))
            stack.append(h)
    return "".join(out)


def _cell(value: object) -> str:
    """A table cell's text: gold may give a list of acceptable actor names."""
    if isinstance(value, list):
        return " / ".join(map(str, value))
    return "" if value is None else str(value)


def _row(cells: list[object], status: str = "") -> str:
    cls = f' class="{status}"' if status else ""
    return f"<tr{cls}>" + "".join(f"<td>{escape(_cell(c))}</td>" for c in cells) + "</tr>"


def _key(entry: dict, fields: tuple[str, ...]) -> str:
    """Identifies a prediction in the scorer's false positives (offsets tell equal rows apart)."""
    return json.dumps([entry.get(f) for f in fields + ("start", "end")], default=str)


def table(title: str, fields: tuple[str, ...], predicted: list[dict],
          score: DocCategoryScore | None) -> str:
    """A table of predictions; given the document's score, each is marked matched or false
    positive, and the missed gold rows follow."""
    unmatched = Counter(_key(e, fields) for e in score.false_positives) if score else Counter()
    rows = []
    for entry in predicted:
        status = ""
        if score is not None:
            key = _key(entry, fields)
            status = "fp" if unmatched[key] > 0 else "matched"
            unmatched[key] -= 1
        cells = [entry.get(f) for f in fields]
        rows.append(_row(cells + ([STATUS_TEXT[status]] if status else []), status))
    if score is not None:
        rows += [_row([e.get(f) for f in fields] + ["missed"], "missed")
                 for e in score.false_negatives]
    head = "".join(f"<th>{escape(h)}</th>" for h in fields + (("status",) if score else ()))
    return f"<h3>{escape(title)}</h3><table><tr>{head}</tr>{''.join(rows)}</table>"


TABLES = (  # title, columns, ArticleResult list, the scorer's category that marks its rows
    ("Gifts", ("giver", "recipient", "item", "date", "rule"), "gifts", "gifts"),
    ("Claims", ("speaker", "via", "cue", "polarity", "content", "rule"), "claims", "claims"),
    ("Dates", ("text", "type", "value"), "dates", "dates_strict"),
    ("Actors", ("name", "kind", "title", "affiliation", "rule"), "actors", "actors"),
)


def bar_chart(report: ScoreReport) -> str:
    """P, R and F1 per category as an inline SVG bar chart."""
    bars = []
    for row, name in enumerate(MACRO_CATEGORIES):
        score = report.categories[name]
        y = 20 + row * 50
        bars.append(f'<text x="0" y="{y + 12}" font-size="12">{escape(name)}</text>')
        for i, (label, value, colour) in enumerate((("P", score.precision, "#7aa6d9"),
                                                      ("R", score.recall, "#e0a458"),
                                                      ("F1", score.f1, "#6bbf6b"))):
            width = round(300 * value)
            bars.append(f'<rect x="90" y="{y + i * 13}" width="{width}" height="11" '
                        f'fill="{colour}"><title>{label} {value:.3f}</title></rect>'
                        f'<text x="{95 + width}" y="{y + i * 13 + 10}" font-size="10">'
                        f'{label} {value:.2f}</text>')
    height = 30 + len(MACRO_CATEGORIES) * 50
    return (f'<svg class="chart" width="460" height="{height}" role="img" '
            f'aria-label="precision, recall and F1 per category">{"".join(bars)}</svg>')


def render_page(pairs: list[tuple[Article, ArticleResult]],
                report: ScoreReport | None = None) -> str:
    """The whole review page for articles and their results (and a score report)."""
    def scored(doc_id: str) -> str:
        if report is None:
            return ""
        doc = report.per_doc.get(doc_id)
        return f" (macro F1 {doc.macro_f1:.2f})" if doc is not None else " (no gold)"

    index = "".join(
        f'<li><a href="#{escape(r.doc_id)}">{escape(r.doc_id)}</a>: {len(r.actors)} actors, '
        f"{len(r.gifts)} gifts, {len(r.dates)} dates, {len(r.claims)} claims"
        f"{scored(r.doc_id)}</li>"
        for _, r in pairs)
    parts = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\">", CSP,
             "<title>newsextract review</title>", f"<style>{STYLE}</style></head><body>",
             "<h1>newsextract review</h1>"]
    if report is not None:
        parts.append(f'<pre class="score">{escape(format_table(report))}</pre>'
                     f"{bar_chart(report)}")
    legend = "".join(f'<mark class="{k}">{k}</mark>' for k in CATEGORY_COLOURS)
    if report is not None:
        legend += "".join(f'<span class="{k}">{v} row</span>' for k, v in STATUS_TEXT.items())
    parts.append(f'<p class="legend">{legend}</p><ul class="index">{index}</ul>')
    for article, result in pairs:
        doc_score = report.per_doc.get(result.doc_id) if report is not None else None
        text = render_text(article.text, highlights(result))
        parts.append(f'<section class="article" id="{escape(result.doc_id)}">'
                     f"<h2>{escape(article.title or result.doc_id)}</h2>"
                     f'<div class="text"><p>{text}</p></div>')
        data = result.model_dump(mode="json")
        for title, fields, entries, category in TABLES:
            score = doc_score.categories[category] if doc_score is not None else None
            parts.append(table(title, fields, data[entries], score))
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)
