"""The command line on real files: a mixed batch, JSON lines, scoring, and clear errors."""

import json

from typer.testing import CliRunner

from newsextract.cli import app
from newsextract.models import ArticleResult

runner = CliRunner()
GOOD = ("published: 2024-06-19\n\nRussian President Vladimir Putin gave North Korean leader "
        "Kim Jong Un a tea set on Wednesday, Tass reported.\n")


def make_batch(folder):
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "no-header.txt").write_text("Mr Putin said the talks went well.\n", encoding="utf-8")
    (folder / "bad-date.txt").write_text(GOOD.replace("2024-06-19", "2024-13-45"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (folder / "latin1.txt").write_bytes("Caf\u00e9 talks in Z\u00fcrich.".encode("latin-1"))
    return folder


def test_mixed_batch_writes_every_good_article_and_reports_the_rest(tmp_path):
    batch = make_batch(tmp_path / "in")
    out = tmp_path / "out"
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(app, ["extract", str(batch), "--out", str(out), "--errors", str(errors),
                                 "--quiet"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == ["bad-date.json", "good.json", "no-header.json"]
    for path in out.iterdir():
        ArticleResult.model_validate_json(path.read_text(encoding="utf-8"))
    failures = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line)["reason"]
                for line in errors.read_text().splitlines()}
    assert set(failures) == {"empty.txt", "binary.txt", "latin1.txt"}
    assert "not UTF-8" in failures["latin1.txt"]
    good = ArticleResult.model_validate_json((out / "good.json").read_text())
    assert ("Vladimir Putin", "Kim Jong Un", "tea set") in {(g.giver, g.recipient, g.item)
                                                             for g in good.gifts}
    bad_date = ArticleResult.model_validate_json((out / "bad-date.json").read_text())
    assert bad_date.published is None and "2024-13-45" in bad_date.warnings[0]
    assert [d.value for d in bad_date.dates] == [None]


def test_jsonl_to_stdout_and_published_option(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Mr Putin arrived on Wednesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--jsonl", "-", "--published",
                                 "2024-06-19", "--quiet"])
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("{"))
    doc = ArticleResult.model_validate_json(line)
    assert [(d.text, d.value) for d in doc.dates] == [("Wednesday", "2024-06-19")]


def test_skip_existing_leaves_finished_articles_alone(tmp_path):
    batch = tmp_path / "in"
    batch.mkdir()
    (batch / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "good.json").write_text("kept", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(batch), "--out", str(out), "--skip-existing",
                                 "--quiet"])
    assert result.exit_code == 0
    assert (out / "good.json").read_text() == "kept"


def test_missing_model_is_one_clear_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--out", str(tmp_path / "o"),
                                 "--model", "en_core_web_nonexistent"])
    assert result.exit_code == 2
    assert "is not installed" in result.output and "make install" in result.output
    assert "Traceback" not in result.output


def test_missing_path_is_reported(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "--out",
                                 str(tmp_path / "o"), "--quiet"])
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.output


def test_score_names_the_bad_field(tmp_path):
    gold = tmp_path / "gold"
    pred = tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    (gold / "a.json").write_text(json.dumps({"doc_id": "a", "actors": [
        {"name": "X", "kind": "planet"}]}), encoding="utf-8")
    result = runner.invoke(app, ["score", str(gold), str(pred)])
    assert result.exit_code == 2
    assert "a.json" in result.output and "actors.0.kind" in result.output


def test_score_prints_the_table_with_macro_f1_last(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    doc = {"doc_id": "a", "actors": [{"name": "Vladimir Putin", "kind": "person"}],
           "dates": [{"text": "Wednesday", "type": "DATE", "value": "2024-06-19"}]}
    (gold / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(app, ["score", str(gold), str(gold), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0
    assert result.output.strip().splitlines()[-1].startswith("macro F1")
    assert json.loads((tmp_path / "r.json").read_text())["macro_f1"] == 1.0


def test_non_english_text_is_processed_with_a_warning(full_nlp):
    from newsextract import extract
    text = ("Der Präsident überreichte seinem Gast gestern eine wertvolle Vase aus Porzellan. "
            "Beide Staatschefs lobten anschließend die guten Beziehungen zwischen ihren Ländern "
            "und kündigten weitere Treffen im kommenden Jahr an, berichteten Medien.")
    result = extract(text, published="2024-06-19", nlp=full_nlp)
    assert any("does not look like English" in w for w in result.warnings)
    english = extract("Mr Putin gave Mr Kim a tea set on Wednesday, and the two leaders then "
                      "held talks that lasted about two hours in the capital, officials said.",
                      published="2024-06-19", nlp=full_nlp)
    assert english.warnings == []


def test_two_processes_give_the_same_files_as_one(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(20):
        (corpus / f"a{i:02d}.txt").write_text(GOOD.replace("tea set", f"tea set number {i}"),
                                              encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    for out, n in ((one, "1"), (two, "2")):
        result = runner.invoke(app, ["extract", str(corpus), "--out", str(out), "--n-process", n,
                                     "--batch-size", "4", "--quiet"])
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in one.iterdir())
    assert len(names) == 20 and names == sorted(p.name for p in two.iterdir())
    for name in names:
        assert (one / name).read_text() == (two / name).read_text()
