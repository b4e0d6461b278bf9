"""A batch of articles as JSON Lines, the way CMS exports hand them over: one article a line.

Each line is an object with `id`, the article in `text` or `body`, and optionally `date`,
`lang`, `url` and `title`, which become the article's metadata (so `date` anchors the
weekday checks like front matter does). `format` may say `text`, `markdown` or `html`;
without it, a body that opens with an HTML block tag is read as HTML, anything else as plain
text. Every finding names its article (`path[id]:line:col`, and `"article"` in JSON); lines
and columns count inside the article's text, as an editor opening that article sees them.

A line that cannot be read (not JSON, not an object, no text) does not stop the batch: the
other articles are linted and a notice names the line and what is wrong with it. Blank lines
are skipped. An object without `id` is named by its line number (`line 7`).
"""
from __future__ import annotations

import json
import re

from .document import Document
from .files import Source

FORMATS = {"text": "text", "plain": "text", "markdown": "markdown", "md": "markdown", "html": "html"}
HTML_START = re.compile(r"\s*<(?:!doctype|html|body|article|section|div|p|h[1-6]|ul|ol|figure|blockquote)\b", re.I)
METADATA_KEYS = ("date", "lang", "url", "title")


class Batch(list):
    """The documents of a batch, with notices about the lines that were skipped."""

    def __init__(self, documents=(), notices=()):
        super().__init__(documents)
        self.notices = list(notices)


def batch_documents(source: Source, metadata: dict) -> Batch:
    """One Document per article line; notices for lines that are not articles."""
    batch = Batch()
    for number, line in enumerate(source.text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        article, problem = _article(line)
        if problem:
            batch.notices.append(f"{source.path}:{number}: {problem}; line skipped")
            continue
        name = article.get("id")
        name = f"line {number}" if name is None or str(name).strip() == "" else str(name)
        text = article["text"] if isinstance(article.get("text"), str) else article["body"]
        found = {k: str(article[k]) for k in METADATA_KEYS if article.get(k) not in (None, "")}
        doc = Document.from_text(text, path=source.path, format=_format(article, text),
                                 metadata={**found, **metadata}, article=name)
        if source.fallback_note and not batch:
            doc.notes.append(("encoding", source.fallback_note))
        batch.append(doc)
    return batch


def _article(line: str) -> tuple[dict, str | None]:
    try:
        article = json.loads(line)
    except json.JSONDecodeError as exc:
        return {}, f"not valid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(article, dict):
        return {}, f"expected an object with id and text, got {type(article).__name__}"
    if not any(isinstance(article.get(k), str) for k in ("text", "body")):
        return {}, f"article {article.get('id', '?')} has no text or body string"
    return article, None


def _format(article: dict, text: str) -> str:
    declared = str(article.get("format") or "").strip().lower()
    if declared in FORMATS:
        return FORMATS[declared]
    return "html" if HTML_START.match(text) else "text"


__all__ = ["batch_documents", "Batch"]
