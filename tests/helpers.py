"""Small helpers for tests: lint a string with chosen rules."""
from __future__ import annotations

from lintnews.config import Config, parse_date
from lintnews.document import Document
from lintnews.engine import Linter

_linters: dict = {}


def linter_for(select=None, **options) -> Linter:
    key = (tuple(select) if select else None, tuple(sorted(options.items())))
    if key not in _linters:
        if "date" in options:
            options["date"] = parse_date(options["date"])
        _linters[key] = Linter(Config(select=tuple(select) if select else None, **options))
    return _linters[key]


def lint(text: str, select=None, format: str = "text", path: str = "article.txt", notes=(), **options):
    doc = Document.from_text(text, path=path, format=format)
    doc.notes.extend(notes)
    result = linter_for(select, **options).lint(doc)
    assert not result.errors, result.errors  # a rule that raised is a bug, not an absence of findings
    return result.findings
