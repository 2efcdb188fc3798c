"""Reading article files: header, body, publication date, and every way a file can be bad."""

import datetime as dt

import pytest

from newsextract.articles import find_article_files, parse_article, read_article
from newsextract.errors import ArticleError
from newsextract.normalize import norm


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_header_and_body(tmp_path):
    path = write(tmp_path, "visit.txt", b"title: Leaders meet\npublished: 2024-06-19\n"
                 b"source: Example News\n\nFirst paragraph.\nSecond paragraph.\n")
    article = read_article(path)
    assert article.doc_id == "visit"
    assert article.published == dt.date(2024, 6, 19)
    assert article.outlet == "Example News"
    assert article.text == "First paragraph.\nSecond paragraph."
    assert article.warnings == []


def test_file_without_header_is_all_body():
    article = parse_article("Note: this is body text.\nMore.", "x")
    assert article.text.startswith("Note: this is body text.")
    assert article.published is None
    assert "no publication date" in article.warnings[0]


def test_published_option_overrides_header():
    article = parse_article("published: 2020-01-01\n\nBody.", "x", published="2021-02-03")
    assert article.published == dt.date(2021, 2, 3)


def test_invalid_published_is_a_warning_not_an_error():
    article = parse_article("published: 2024-13-45\n\nBody.", "x")
    assert article.published is None
    assert "2024-13-45" in article.warnings[0]


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"title: Only a header\npublished: 2024-01-01\n", "header only"),
    (b"\x00\x01\x02binary", "binary"),
    ("Caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_raise_an_error_naming_the_file(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert reason in str(info.value)
    assert "bad.txt" in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(tmp_path / "absent.txt")


def test_folders_expand_to_txt_files(tmp_path):
    write(tmp_path, "b.txt", b"B")
    write(tmp_path, "a.txt", b"A")
    write(tmp_path, "notes.md", b"ignored")
    assert [p.name for p in find_article_files([tmp_path])] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Putin's", "putin"),
    ("The \u201cNorth Korean\u201d leader", "north korean leader"),
    ("wood- and charcoal-burning grill", "wood and charcoal-burning grill"),
    ("Mrs Obama", "obama"),
])
def test_norm(text, expected):
    assert norm(text) == expected


def test_norm_can_keep_honorifics():
    assert norm("Mrs Obama", keep_honorifics=True) == "mrs obama"
