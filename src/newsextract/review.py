"""A self-contained HTML page to review extractions: each article with its actors, gift items,
dates and claims highlighted, tables of gifts and claims, and, given gold, every row marked
matched, false positive or missed, under the scorer's table and a bar chart.

All article text and every extracted string goes through `html.escape`; the page loads
nothing from the network.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from .articles import Article
from .models import ArticleResult
from .scoring import ScoreReport, format_table

CATEGORY_COLOURS = {"actor": "#cfe8ff", "item": "#ffe0b3", "date": "#d9f2d0", "claim": "#f3d9f7"}
STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
.article{border-top:2px solid #999;margin-top:2em;padding-top:1em}
.text p{line-height:1.7}
mark{border-radius:3px;padding:0 2px}
""" + "".join(f"mark.{k}{{background:{v}}}" for k, v in CATEGORY_COLOURS.items()) + """
table{border-collapse:collapse;margin:0.5em 0 1em}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
tr.fp{background:#ffd6d6} tr.missed{background:#fff3c4} tr.matched{background:#e4f7e4}
pre.score{background:#f6f6f6;padding:0.5em}
.legend mark{margin-right:1em}
"""


@dataclass
class Highlight:
    start: int
    end: int
    kind: str
    title: str


def highlights(result: ArticleResult) -> list[Highlight]:
    """Non-overlapping highlights, longest first where two overlap (claims hold the others)."""
    found = [Highlight(m.start, m.end, "actor", f"actor: {a.name} ({a.kind})")
             for a in result.actors for m in a.mentions]
    found += [Highlight(g.start, g.end, "item", f"gift: {g.giver} \u2192 {g.recipient}")
              for g in result.gifts if g.start is not None]
    found += [Highlight(d.start, d.end, "date", f"{d.type} {d.value}")
              for d in result.dates if d.start is not None]
    found += [Highlight(c.start, c.end, "claim", f"claim by {c.speaker} ({c.polarity})")
              for c in result.claims if c.start is not None]
    chosen: list[Highlight] = []
    for h in sorted(found, key=lambda h: (h.start, -(h.end - h.start))):
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    inner = [h for h in found if h not in chosen and any(
        c.start <= h.start and h.end <= c.end and c.kind == "claim" for c in chosen)]
    return sorted(chosen + inner, key=lambda h: (h.start, -(h.end - h.start)))


def render_text(text: str, marks: list[Highlight]) -> str:
    """The body with <mark> elements; a mark inside a claim nests within it."""
    out: list[str] = []
    stack: list[Highlight] = []
    pos = 0
    events = sorted({h.start for h in marks} | {h.end for h in marks} | {len(text)})
    opening = {}
    for h in marks:
        opening.setdefault(h.start, []).append(h)
    for point in events:
        out.append(escape(text[pos:point]))
        pos = point
        while stack and stack[-1].end <= point:
            out.append("</mark>")
            stack.pop()
        for h in opening.get(point, []):
            if stack and h.end > stack[-1].end:
                continue
            out.append(f'<mark class="{h.kind}" title="{escape(h.title)}">')
            stack.append(h)
    out.extend("</mark>" for _ in stack)
    return "".join(out).replace("\n", "</p><p>")


def _row(cells: list[str], status: str = "") -> str:
    cls = f' class="{status}"' if status else ""
    return f"<tr{cls}>" + "".join(f"<td>{escape('' if c is None else str(c))}</td>"
                                   for c in cells) + "</tr>"


def _key(entry: dict, fields: tuple[str, ...]) -> str:
    return json.dumps([entry.get(f) for f in fields], ensure_ascii=False, default=str)


def table(title: str, headers: list[str], fields: tuple[str, ...], predicted: list[dict],
          fps: list[dict] | None, fns: list[dict] | None) -> str:
    """A table of predictions, marked matched or false positive, then the missed gold rows."""
    fp_keys = {_key(e, fields) for e in fps or []}
    rows = []
    for entry in predicted:
        status = "" if fps is None else ("fp" if _key(entry, fields) in fp_keys else "matched")
        rows.append(_row([entry.get(f) for f in fields] + ([status] if fps is not None else []),
                         status))
    for entry in fns or []:
        rows.append(_row([entry.get(f) for f in fields] + ["missed"], "missed"))
    head = "".join(f"<th>{escape(h)}</th>" for h in headers + (["status"] if fps is not None else []))
    return f"<h3>{escape(title)}</h3><table><tr>{head}</tr>{''.join(rows)}</table>"


TABLES = (
    ("Gifts", ["giver", "recipient", "item", "date"], ("giver", "recipient", "item", "date"), "gifts"),
    ("Claims", ["speaker", "via", "cue", "polarity", "content"],
     ("speaker", "via", "cue", "polarity", "content"), "claims"),
    ("Dates", ["text", "type", "value"], ("text", "type", "value"), "dates_strict"),
    ("Actors", ["name", "kind", "title", "affiliation"], ("name", "kind", "title", "affiliation"),
     "actors"),
)


def bar_chart(report: ScoreReport) -> str:
    """P, R and F1 per category as an inline SVG bar chart."""
    bars = []
    names = ["actors", "gifts", "dates_strict", "claims"]
    for row, name in enumerate(names):
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
    height = 30 + len(names) * 50
    return f'<svg class="chart" width="460" height="{height}" role="img">{"".join(bars)}</svg>'


def render_page(pairs: list[tuple[Article, ArticleResult]],
                report: ScoreReport | None = None) -> str:
    """The whole review page for articles and their results (and a score report)."""
    index = "".join(
        f'<li><a href="#{escape(r.doc_id)}">{escape(r.doc_id)}</a>: {len(r.actors)} actors, '
        f"{len(r.gifts)} gifts, {len(r.dates)} dates, {len(r.claims)} claims</li>"
        for _, r in pairs)
    parts = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\">",
             "<title>newsextract review</title>", f"<style>{STYLE}</style></head><body>",
             "<h1>newsextract review</h1>"]
    if report is not None:
        parts.append(f'<pre class="score">{escape(format_table(report))}</pre>{bar_chart(report)}')
    legend = "".join(f'<mark class="{k}">{k}</mark>' for k in CATEGORY_COLOURS)
    parts.append(f'<p class="legend">{legend}</p><ul class="index">{index}</ul>')
    for article, result in pairs:
        doc_score = report.per_doc.get(result.doc_id) if report is not None else None
        parts.append(f'<section class="article" id="{escape(result.doc_id)}">'
                     f"<h2>{escape(article.title or result.doc_id)}</h2>"
                     f'<div class="text"><p>{render_text(article.text, highlights(result))}</p></div>')
        data = result.model_dump(mode="json")
        for title, headers, fields, category in TABLES:
            cat = doc_score.categories[category] if doc_score is not None else None
            parts.append(table(title, headers, fields, data[category.split("_")[0]],
                               cat.false_positives if cat else None,
                               cat.false_negatives if cat else None))
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)
