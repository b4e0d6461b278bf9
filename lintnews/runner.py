"""One run over many files: discovery, reading, linting, progress. Used by the CLI and the API."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

from .articles import discover, documents
from .config import Config
from .document import Document
from .engine import Linter
from .errors import InputError
from .files import BinaryFile, decode, format_for, read_source
from .finding import Finding


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    skipped: bool = False


def lint_file(linter: Linter, path: str) -> FileResult:
    """Lint one path. Unreadable and binary files become notices, not exceptions."""
    result = FileResult(path)
    try:
        source = read_source(path)
    except InputError as exc:
        result.notices.append(str(exc))
        result.skipped = True
        return result
    except BinaryFile:
        result.notices.append(f"{path}: binary file, skipped")
        result.skipped = True
        return result
    if not source.text.strip():
        result.notices.append(f"{path}: empty file, nothing to check")
        return result
    for doc in documents(source, format_for(path) or "text"):
        out = linter.lint(doc)
        result.findings.extend(out.findings)
        result.notices.extend(out.notices)
    return result


class Progress:
    """A one-line counter on stderr, only when stderr is a terminal and the run is long."""

    def __init__(self, total: int, stream=None):
        self.stream = stream or sys.stderr
        self.total = total
        self.on = total > 1 and self.stream.isatty()
        self.done = 0

    def step(self, path: str) -> None:
        if not self.on:
            return
        self.done += 1
        self.stream.write(f"\r\x1b[Klintnews: {self.done}/{self.total} {path[-60:]}")
        self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def lint_paths(paths, config: Config | None = None, linter: Linter | None = None):
    """Lint files and directories; yields a FileResult per file, in command-line order."""
    config = config or Config()
    linter = linter or Linter(config)
    files = discover(paths, config.include, config.exclude)
    progress = Progress(len(files))
    try:
        for path in files:
            yield lint_file(linter, path)
            progress.step(path)
    finally:
        progress.close()


def lint_text(text: str, path: str = "<text>", config: Config | None = None, format: str | None = None,
              metadata: dict | None = None, linter: Linter | None = None) -> list[Finding]:
    """Lint a string as if it were the file `path`; returns its findings, sorted."""
    linter = linter or Linter(config or Config())
    fmt = format or format_for(path) or "text"
    findings = []
    from .files import Source

    for doc in documents(Source(path, text), fmt, metadata):
        findings.extend(linter.lint(doc).findings)
    return findings


__all__ = ["lint_paths", "lint_text", "lint_file", "FileResult", "Document", "decode"]
