"""The benchmark's corpus generator: deterministic, N articles, unique doc ids (no timings here)."""

import importlib.util
import sys
from pathlib import Path

from newsextract.articles import read_article

spec = importlib.util.spec_from_file_location("bench", Path(__file__).parents[1] / "benchmarks" / "bench.py")
bench = sys.modules["bench"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def test_make_corpus_is_deterministic_with_unique_ids(tmp_path):
    first = bench.make_corpus(tmp_path / "a", 15)
    second = bench.make_corpus(tmp_path / "b", 15)
    assert len(first) == 15
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    articles = [read_article(p) for p in first]
    assert len({a.doc_id for a in articles}) == 15
    sources = len(list(bench.CORPUS.glob("*.txt")))
    assert articles[0].text != articles[sources].text
    assert sorted(articles[0].text.split("\n")) == sorted(articles[sources].text.split("\n"))
