"""The review page: escaping, highlights, gold marking, and a real headless browser."""

import os
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.articles import Article
from newsextract.cli import app
from newsextract.models import ArticleResult
from newsextract.review import render_page
from newsextract.scoring import score_results

ROOT = Path(__file__).resolve().parents[1]
PAYLOAD = ("<script>document.title='PWNED'</script>"
           "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">")
TEXT = (f"Mr Otieno gave Ms Dubois a carved mask on Monday. {PAYLOAD}\n"
        "\u201cIt is a fine gift,\u201d Ms Dubois said.")


def result_for(nlp, text=TEXT):
    from newsextract import extract
    return extract(text, published="2023-05-17", doc_id="visit", nlp=nlp)


class Nesting(HTMLParser):
    """Fails on an end tag that does not close the innermost open element."""

    VOID = {"meta", "br", "img", "rect"}

    def __init__(self):
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            assert self.open and self.open.pop() == tag, f"</{tag}> closes {self.open}"


def assert_well_formed(page: str) -> None:
    parser = Nesting()
    parser.feed(page)
    assert parser.open == []


def test_article_text_is_escaped_and_highlighted(full_nlp):
    result = result_for(full_nlp)
    page = render_page([(Article("visit", TEXT), result)])
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt;" in page
    for kind in ("actor", "item", "date", "claim"):
        assert f'<mark class="{kind}"' in page
    assert 'title="actor: Mr Otieno (person)"' in page
    assert 'title="gift: Mr Otieno \u2192 Ms Dubois: carved mask"' in page
    assert_well_formed(page)


def test_page_is_self_contained():
    page = render_page([(Article("a", "Hello."), ArticleResult(doc_id="a"))])
    assert not re.search(r"<(script|link|iframe)|\b(src|href)=\"?(https?:)?//", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_overlapping_spans_nest_or_are_cut_and_keep_the_text():
    text = "Kim said the gift from Mr Putin\narrived on 19 June with a tea set."
    span = lambda s: (text.index(s), text.index(s) + len(s))  # noqa: E731
    putin, item = span("Mr Putin"), span("gift from Mr Putin")
    claim = span("the gift from Mr Putin\narrived")
    date = span("arrived on 19 June")  # crosses the claim's end
    result = ArticleResult.model_validate({
        "doc_id": "x",
        "actors": [{"name": "Vladimir Putin", "kind": "person",
                    "mentions": [{"text": "Mr Putin", "start": putin[0], "end": putin[1]}]}],
        "gifts": [{"giver": "Vladimir Putin", "recipient": "Kim", "item": "gift from Mr Putin",
                   "start": item[0], "end": item[1]}],
        "dates": [{"text": text[slice(*date)], "type": "DATE", "start": date[0], "end": date[1]}],
        "claims": [{"speaker": "Kim", "content": text[claim[0]:claim[1]],
                    "start": claim[0], "end": claim[1]}]})
    page = render_page([(Article("x", text), result)])
    assert_well_formed(page)
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", body)) == text.replace("\n", "")
    assert '<mark class="item" title="gift: Vladimir Putin \u2192 Kim: gift from Mr Putin">' \
           'gift from <mark class="actor" title="actor: Vladimir Putin (person)">Mr Putin' in body
    assert "Mr Putin</mark></mark></mark></p><p><mark class=\"claim\"" in body
    assert '<mark class="date" title="DATE">arrived</mark></mark><mark class="date" title="DATE">' \
           " on 19 June</mark>" in body


def test_gold_marks_rows_and_adds_the_score_table():
    text = "Otieno gave Dubois a mask. Otieno gave Dubois a mask. Otieno gave Dubois a drum."
    gift = lambda item, at: {"giver": "Otieno", "recipient": "Dubois", "item": item,  # noqa: E731
                             "start": at, "end": at + len(item)}
    actors = [{"name": "Otieno", "kind": "person"}, {"name": "Dubois", "kind": "person"}]
    pred = ArticleResult.model_validate({"doc_id": "visit", "actors": actors, "gifts": [
        gift("mask", 21), gift("mask", 48), gift("drum", 75)]})
    gold = ArticleResult.model_validate({"doc_id": "visit", "actors": actors, "gifts": [
        {"giver": "Otieno", "recipient": "Dubois", "item": "mask"},
        {"giver": ["Dubois", "Otieno"], "recipient": "Otieno", "item": "book"}]})
    page = render_page([(Article("visit", text), pred)], score_results([gold], [pred]))
    assert page.index('<pre class="score">') < page.index("<svg") < page.index('class="index"')
    assert "macro F1" in page and "<rect" in page and "(macro F1 " in page
    rows = re.findall(r'<tr class="(\w+)"><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>', page)
    gifts = [r for r in rows if r[3] in ("mask", "drum", "book")]
    assert gifts == [("matched", "Otieno", "Dubois", "mask"), ("fp", "Otieno", "Dubois", "mask"),
                     ("fp", "Otieno", "Dubois", "drum"),
                     ("missed", "Dubois / Otieno", "Otieno", "book")]
    assert "<td>false positive</td>" in page and "<td>missed</td>" in page
    assert_well_formed(page)


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(chromium() is None, reason="chromium is not installed "
                    "(.ci/run installs Debian's package; elsewhere: apt-get install chromium)")
def test_page_in_a_headless_browser(tmp_path):
    """The real DOM: highlights and tables are there, the article's markup is inert text."""
    article = tmp_path / "visit.txt"
    article.write_text("published: 2023-05-17\n\n" + TEXT + "\n", encoding="utf-8")
    page = tmp_path / "report.html"
    putin_kim = ROOT / "corpus" / "putin-kim-gifts-2024.txt"
    outcome = CliRunner().invoke(app, ["show", str(article), str(putin_kim),
                                       "--gold", str(ROOT / "gold"), "--out", str(page)])
    assert outcome.exit_code == 0, outcome.output
    flags = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    run = subprocess.run(flags + ["--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120)
    dom = run.stdout
    assert "</html>" in dom, run.stderr[-2000:]
    assert dom.count('<mark class="actor" title="actor: ') >= 5
    assert all(f'<mark class="{kind}"' in dom for kind in ("item", "claim", "date"))
    assert "<h3>Gifts</h3>" in dom and "Aurus limousine" in dom and '<tr class="matched">' in dom
    assert "<title>newsextract review</title>" in dom and "PWNED</title>" not in dom
    assert 'data-pwned="' not in dom
    body = dom.split("<body>", 1)[1]
    assert "<script" not in body and "<img" not in body and "&lt;script&gt;document.title" in body
    shot = ROOT / "docs" / "review-screenshot.png" if os.environ.get("NEWSEXTRACT_SCREENSHOT") \
        else tmp_path / "shot.png"
    subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.stat().st_size > 10_000
