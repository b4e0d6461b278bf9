"""Applying fixes: in passes until nothing changes, then written back byte for byte.

`apply_fixes` makes one pass: every fix that does not overlap an earlier one, in order of
position. Fixes can overlap or make new findings, so `fix_text` lints the result again and
repeats, at most MAX_PASSES times, and stops early when a pass changes nothing or gives a
text it has already produced (two fixes undoing each other): the result is the same on
every run, and fixing a fixed text changes nothing.

`fix_file` splices the fixes into the decoded original (CR/CRLF and everything else as they
were), encodes it the way it was read (encoding, BOM) and writes it through a temporary file
in the same directory, so the bytes outside the fixed spans are the file's own and an
interruption leaves either the old file or the new one.
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import stat
from dataclasses import dataclass, field
from typing import Callable

from .finding import Finding

#: The most lint-and-fix passes over one text.
MAX_PASSES = 10


def replaceable(doc, start: int, end: int) -> bool:
    """True when a fix may replace doc.text[start:end]: the span is prose exactly as the file
    has it, with no markup (tag, attribute, Markdown mark, URL) and no HTML character
    reference in it. An empty or blank span must also touch a character of prose, so that
    a fix never lands inside a tag."""
    prose, text = doc.prose, doc.text
    if start > end or end > len(text):
        return False
    lo, hi = start, end
    if not text[start:end].strip():
        lo, hi = max(0, start - 1), min(len(text), end + 1)
    for i in range(lo, hi):
        p, t = prose[i], text[i]
        if p != t and not (t == "\r" and p in " \n"):
            return False
    return True


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, int]:
    """Apply every fix (safe ones, and unsafe ones too if asked) that does not overlap an earlier one.

    Returns the new text and how many fixes were applied. Overlapping fixes are left for the
    next pass: the caller lints the result again and repeats (see `fix_text`).
    """
    chosen, last_end = [], -1
    for f in sorted((f for f in findings if f.fix is not None and (f.fix.safe or unsafe)),
                    key=lambda f: (f.offset, f.end_offset, f.code)):
        if f.offset < last_end or (f.offset == last_end and chosen and chosen[-1].offset == f.offset):
            continue
        if text[f.offset:f.end_offset] == f.fix.replacement:
            continue
        chosen.append(f)
        last_end = f.end_offset
    pieces, cursor = [], 0
    for f in chosen:
        pieces.append(text[cursor:f.offset])
        pieces.append(f.fix.replacement)
        cursor = f.end_offset
    pieces.append(text[cursor:])
    return "".join(pieces), len(chosen)


@dataclass
class Fixed:
    """A text after fixing: how many fixes went in and the findings that remain."""

    text: str
    applied: int
    findings: list[Finding]
    notices: list[str] = field(default_factory=list)


def fix_text(text: str, lint: Callable[[str], list[Finding]], unsafe: bool = False,
             passes: int = MAX_PASSES) -> Fixed:
    """Lint, fix, lint again... until a pass changes nothing (or `passes` passes were made).

    `lint(text)` returns the findings of a text. The findings returned are those of the
    final text.
    """
    findings = lint(text)
    applied, seen = 0, {text}
    for _ in range(passes):
        new, count = apply_fixes(text, findings, unsafe)
        if count == 0 or new in seen:
            break
        seen.add(new)
        text, applied = new, applied + count
        findings = lint(text)
    return Fixed(text, applied, findings)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff (`--- a/path`, `+++ b/path`) of two texts; empty when they are equal."""
    if before == after:
        return ""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{path}", f"b/{path}")
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


# --- files ----------------------------------------------------------------------------------
@dataclass
class FileFix:
    """What --fix or --diff did to one file."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    applied: int = 0
    diff: str = ""
    #: Set when the file had fixes but could not be written: the file is as it was.
    error: str | None = None
    skipped: bool = False
    #: Rules that failed on the file, as in runner.FileResult.errors.
    errors: list[str] = field(default_factory=list)


def fix_file(linter, path: str, unsafe: bool = False, write: bool = True) -> FileFix:
    """Fix one file in place (or, with write=False, only compute the diff)."""
    from .articles import documents
    from .files import encode, format_for, write_atomically
    from .runner import read_article

    result = FileFix(path)
    fmt = format_for(path) or "text"
    source = read_article(path, result)
    if source is None:
        return result

    first = [True]

    def lint(text: str) -> list[Finding]:
        docs = documents(dataclasses.replace(source, text=text), fmt)
        out, notices = [], list(getattr(docs, "notices", ()))
        for doc in docs:
            linted = linter.lint(doc)
            out.extend(linted.findings)
            notices.extend(linted.notices)
            result.errors.extend(e for e in linted.errors if e not in result.errors)  # once, whichever pass
        if first[0]:  # notices are about the file as it was read; later passes would repeat them
            result.notices.extend(notices)
            first[0] = False
        return out

    if fmt == "jsonl":
        result.findings = lint(source.text)
        if any(f.fix is not None and (f.fix.safe or unsafe) for f in result.findings):
            result.notices.append(f"{path}: JSON Lines batches are not fixed in place; fix the articles "
                                  f"in the CMS (findings are listed)")
        return result

    fixed = fix_text(source.text, _adapted(lint, fmt, source.text), unsafe)
    result.findings = fixed.findings
    result.diff = unified_diff(path, source.text, fixed.text)
    if fixed.text == source.text:
        return result
    try:
        data = encode(source, fixed.text)
    except UnicodeEncodeError as exc:
        result.error = (f"{path}: a fix puts {exc.object[exc.start:exc.end]!r} into a file stored as "
                        f"{source.encoding}; the file is unchanged")
        result.findings, result.diff = lint(source.text), ""
        return result
    if not write:
        result.applied = fixed.applied
        return result
    target = os.path.realpath(path)  # a symbolic link stays a link to the fixed file
    problem = _unwritable(target)
    if problem is None:
        try:
            write_atomically(target, data)
        except OSError as exc:
            problem = f"cannot write ({exc.strerror or exc})"
    if problem is not None:
        result.error = f"{path}: {problem}; the file is unchanged"
        result.findings = lint(source.text)
        result.diff = ""
        return result
    result.applied = fixed.applied
    return result


def _adapted(lint, fmt: str, original: str):
    """Replacements written the way the file writes text: in HTML, '&', '<' and '>' as
    character references; in a file with CRLF line ends, a line break as CRLF."""
    import html

    crlf = "\r\n" in original

    def adapt(replacement: str) -> str:
        if fmt == "html":
            replacement = html.escape(replacement, quote=False)
        if crlf and "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", "\r\n")
        return replacement

    def adapted(text: str) -> list[Finding]:
        out = []
        for f in lint(text):
            if f.fix is not None and adapt(f.fix.replacement) != f.fix.replacement:
                f = dataclasses.replace(f, fix=dataclasses.replace(f.fix, replacement=adapt(f.fix.replacement)))
            out.append(f)
        return out

    return adapted


def _unwritable(path: str) -> str | None:
    """Why `path` must not be rewritten: read-only files are left alone (even for root)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"cannot write ({exc.strerror or exc})"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return "read-only file, not fixed"
    return None


__all__ = ["apply_fixes", "fix_text", "fix_file", "replaceable", "unified_diff", "FileFix", "Fixed", "MAX_PASSES"]
