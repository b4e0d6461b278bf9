"""Reading articles from disk (encodings, binary files) and writing them back atomically."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

#: Extensions lintnews reads, and the format each one means.
FORMATS = {
    "": "text", ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}


@dataclass
class Source:
    """The decoded text of a file plus what is needed to write it back byte for byte."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    #: Set when the file was not valid UTF-8 and a fallback decoding was used.
    fallback_note: str | None = None


class BinaryFile(Exception):
    """The file holds binary data, not text: it is skipped with a notice."""


def format_for(path: str) -> str | None:
    if path == "-":
        return "text"
    suffix = os.path.splitext(path)[1]  # as Path(path).suffix, at a tenth of the cost...
    return FORMATS.get("" if suffix == "." else suffix.lower())  # ...which has none for "name."


def decode(data: bytes, path: str) -> Source:
    """Decode article bytes: UTF-8 (BOM or not), else cp1252, else latin-1, with a note."""
    if b"\x00" in data[:8192]:
        raise BinaryFile(path)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Source(path, data[3:].decode("utf-8"), "utf-8", bom=True)
        except UnicodeDecodeError as exc:
            bad = exc.start + 3
            return _fallback(data[3:], path, bad, bom=True)
    try:
        return Source(path, data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return _fallback(data, path, exc.start)


def _fallback(data: bytes, path: str, bad_at: int, bom: bool = False) -> Source:
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        note = (f"not valid UTF-8 (first bad byte at offset {bad_at}); "
                f"decoded as {encoding}: check accented letters and re-save as UTF-8")
        return Source(path, text, encoding, bom=bom, fallback_note=note)
    raise InputError(f"{path}: cannot decode the file as text")  # pragma: no cover - latin-1 decodes any bytes


def read_source(path: str) -> Source:
    """Read one article; '-' is standard input."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:  # a Path object costs more than the read of a small file
                data = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode(data, path)


def encode(source: Source, text: str) -> bytes:
    """Encode `text` the way `source` was stored (encoding and BOM)."""
    data = text.encode(source.encoding)
    return (b"\xef\xbb\xbf" + data) if source.bom else data


def write_atomically(path: str, data: bytes, durable: bool = True) -> None:
    """Write through a temporary file in the same directory, then rename over the target.

    A failure at any point leaves the original file as it was. `durable`: the data reach the
    disk before the rename (fsync); a cache entry, which is checked when read, may skip it.
    """
    target = Path(path)
    info = target.stat() if target.exists() else None
    mode = info.st_mode & 0o7777 if info else None
    import tempfile  # only when a file is written: a run that only reads starts without it

    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".lintnews-tmp", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
            if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:  # keep the owner when root fixes someone else's file
                    os.chown(tmp, info.st_uid, info.st_gid)
                except OSError:
                    pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
