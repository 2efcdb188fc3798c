"""The review page: escaping, highlights, gold marking, and a real headless browser."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsextract.articles import Article
from newsextract.cli import app
from newsextract.models import ArticleResult
from newsextract.review import render_page
from newsextract.scoring import score_results

TEXT = ("Mr Otieno gave Ms Dubois a carved mask on Monday. <script>alert('x')</script>\n"
        "\u201cIt is a fine gift,\u201d Ms Dubois said.")


def result_for(nlp, text=TEXT):
    from newsextract import extract
    return extract(text, published="2023-05-17", doc_id="visit", nlp=nlp)


def test_article_text_is_escaped_and_highlighted(full_nlp):
    result = result_for(full_nlp)
    page = render_page([(Article("visit", TEXT), result)])
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    for kind in ("actor", "item", "date", "claim"):
        assert f'<mark class="{kind}"' in page
    assert 'title="actor: Mr Otieno (person)"' in page
    assert 'title="gift: Mr Otieno \u2192 Ms Dubois"' in page


def test_gold_marks_rows_and_adds_the_score_table(full_nlp):
    result = result_for(full_nlp)
    gold = ArticleResult.model_validate({
        "doc_id": "visit", "published": "2023-05-17",
        "actors": [{"name": "Otieno", "kind": "person", "aliases": ["Mr Otieno"]},
                   {"name": "Dubois", "kind": "person", "aliases": ["Ms Dubois"]}],
        "gifts": [{"giver": "Otieno", "recipient": "Dubois", "item": "carved mask"},
                  {"giver": "Dubois", "recipient": "Otieno", "item": "book"}]})
    page = render_page([(Article("visit", TEXT), result)], score_results([gold], [result]))
    assert '<pre class="score">' in page and "macro F1" in page and "<svg" in page
    assert '<tr class="matched"><td>Mr Otieno</td>' in page
    assert '<tr class="missed"><td>Dubois</td><td>Otieno</td><td>book</td>' in page


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(chromium() is None, reason="chromium is not installed "
                    "(.ci/run installs Debian's package; elsewhere: apt-get install chromium)")
def test_page_in_a_headless_browser(tmp_path):
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    article = tmp_path / "visit.txt"
    article.write_text("published: 2023-05-17\n\n" + TEXT + "\n", encoding="utf-8")
    page = tmp_path / "report.html"
    outcome = CliRunner().invoke(app, ["show", str(article), str(corpus / "putin-kim-gifts-2024.txt"),
                                       "--gold", str(corpus.parent / "gold"), "--out", str(page)])
    assert outcome.exit_code == 0, outcome.output
    flags = [chromium(), "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(flags + ["--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert dom.count('<mark class="actor"') >= 5
    assert '<mark class="item"' in dom and '<mark class="claim"' in dom
    assert "<h3>Gifts</h3>" in dom and "Aurus limousine" in dom
    assert "<script>" not in dom.split("<body>", 1)[1]
    shot = Path(__file__).resolve().parents[1] / "docs" / "review-screenshot.png" \
        if os.environ.get("NEWSEXTRACT_SCREENSHOT") else tmp_path / "shot.png"
    subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.stat().st_size > 10_000
