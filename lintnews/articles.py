"""From paths on the command line to Documents: finding files, reading them, splitting batches."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from .document import Document
from .errors import InputError
from .files import BinaryFile, Source, format_for, read_source


def _matches(path: str, globs) -> bool:
    if not globs:
        return False  # most runs have none: no Path for each file found (speed)
    name = Path(path).name
    return any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(name, g) for g in globs)


def discover(paths, include=(), exclude=()) -> list[str]:
    """Files to lint: named files as they are, directories searched for supported files.

    `include` globs narrow what a directory search takes; `exclude` globs drop files and
    whole directories. Hidden directories (.git...) are not searched.
    """
    found = []
    for path in paths:
        if path == "-":
            found.append(path)
            continue
        p = Path(path)
        if p.is_dir():
            before = len(found)
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not _matches(os.path.join(root, d), exclude))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if format_for(full) is None or name.startswith("."):
                        continue
                    if include and not _matches(full, include):
                        continue
                    if _matches(full, exclude):
                        continue
                    found.append(full)
            if len(found) == before:
                raise InputError(f"{path}: no supported files in this directory "
                                 f"(looked for {', '.join(sorted(set(k for k in _supported() if k)))})")
        elif p.exists():
            if not _matches(path, exclude):
                found.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return found


def _supported():
    from .files import FORMATS

    return FORMATS


def documents(source: Source, fmt: str, metadata: dict | None = None) -> list[Document]:
    """The articles in one file: one, or one per line of a JSON Lines batch."""
    if fmt == "jsonl":
        from .batch import batch_documents  # only for JSON Lines inputs

        return batch_documents(source, metadata or {})
    doc = Document.from_text(source.text, path=source.path, format=fmt, metadata=metadata or {})
    if source.fallback_note:
        doc.notes.append(("encoding", source.fallback_note))
    return [doc]


def load(path: str, fmt: str | None = None) -> tuple[Source, list[Document]]:
    """Read a path into documents. Raises BinaryFile for binary data, InputError when unreadable."""
    fmt = fmt or format_for(path) or "text"
    source = read_source(path)
    return source, documents(source, fmt)


__all__ = ["discover", "documents", "load", "BinaryFile"]
