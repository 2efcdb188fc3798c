"""Reading article files (EXTRACTION_SPEC §1): a `key: value` header, an empty line, the body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleError

HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*):\s?(.*)$")
KNOWN_KEYS = {"doc_id", "published", "title", "url", "outlet", "source", "byline"}
MAX_BYTES = 1_000_000
"""Largest article file read (spaCy's default max_length is 1,000,000 characters)."""


@dataclass
class Article:
    doc_id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    warnings: list[str] = field(default_factory=list)

    def metadata(self) -> dict:
        return {"doc_id": self.doc_id, "published": self.published, "title": self.title,
                "url": self.url, "outlet": self.outlet, "byline": self.byline}


def parse_published(value: str | None, warnings: list[str]) -> dt.date | None:
    """An ISO date, or None with a warning: dates then stay unresolved instead of guessed."""
    if value is None or not value.strip():
        warnings.append("no publication date: relative dates are left without a value")
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        warnings.append(f"invalid published date {value.strip()!r}: relative dates are left "
                        "without a value")
        return None


def split_header(raw: str) -> tuple[dict[str, str], str]:
    """Header fields and body. A file whose first line is not `key: value` is all body."""
    lines = raw.split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if header:
                return header, "\n".join(lines[i + 1:])
            return {}, raw
        match = HEADER_LINE.match(line.strip())
        if not match or match.group(1).lower() not in KNOWN_KEYS:
            return {}, raw
        header[match.group(1).lower()] = match.group(2).strip()
    return header, "" if header else raw


def parse_article(raw: str, doc_id: str, published: str | None = None) -> Article:
    """Build an Article from a file's text; `published` overrides or fills in the header's."""
    header, body = split_header(raw.replace("\r\n", "\n").replace("\r", "\n"))
    body = body.strip("\n")
    if not body.strip():
        raise ArticleError(doc_id, "no body text" + (" (header only)" if header else " (empty)"))
    warnings: list[str] = []
    date = parse_published(published or header.get("published"), warnings)
    return Article(doc_id=header.get("doc_id") or doc_id, text=body, published=date,
                   title=header.get("title"), url=header.get("url"),
                   outlet=header.get("outlet") or header.get("source"),
                   byline=header.get("byline"), warnings=warnings)


def read_article(path: Path, published: str | None = None) -> Article:
    """Read one article file; every failure is an ArticleError that names the file."""
    doc_id = path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ArticleError(str(path), f"too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    if b"\x00" in data:
        raise ArticleError(str(path), "binary file (contains NUL bytes), not text")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(str(path), f"not UTF-8 (byte {exc.start}): convert it to UTF-8 "
                           "first, e.g. iconv -f latin1 -t utf-8") from None
    try:
        return parse_article(raw, doc_id, published)
    except ArticleError as exc:
        raise ArticleError(str(path), exc.reason) from None


def find_article_files(paths: list[Path]) -> list[Path]:
    """Expand folders to their `.txt` files (sorted); files are taken as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file()))
        else:
            found.append(path)
    return found
