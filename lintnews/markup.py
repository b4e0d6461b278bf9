"""Turn markup into prose: everything that is not prose is blanked out, character for character.

The prose string keeps the length of the original text, so an offset in the prose is the
same offset in the file and positions need no mapping back. Blanked characters become
spaces; newlines are kept so lines and paragraphs stay where they were.
"""
from __future__ import annotations

import re

# Not prose in any format: web addresses and e-mail addresses.
URL = re.compile(r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"'«»]*[^\s<>"'«».,;:!?)\]]""", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
#: Not prose in plain text: a suppression directive on a line of its own (see suppressions.py).
TEXT_DIRECTIVE = re.compile(r"^[ \t]*#[ \t]*lintnews-[^\n]*$", re.M)

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[`~]*[ \t]*$|\Z)", re.M | re.S)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
LINK_TARGET = re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]")
REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
HEADING_MARK = re.compile(r"^ {0,3}#{1,6}(?=[ \t])|[ \t]+#+[ \t]*$", re.M)
LIST_OR_QUOTE_MARK = re.compile(r"^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,3}[.)])(?=[ \t])|^[ \t]*>+", re.M)
EMPHASIS = re.compile(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])|(?<![\w_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])")
LINK_OPEN = re.compile(r"(?<!!)\[(?=[^\]\n]*\](?:\(|\[))")
THEMATIC_BREAK = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M)


def blank(chars: list[str], start: int, end: int) -> None:
    """Replace chars[start:end] with spaces, keeping line breaks."""
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


def blank_all(chars: list[str], text: str, pattern: re.Pattern) -> None:
    for m in pattern.finditer(text):
        blank(chars, m.start(), m.end())


def normalise_newlines(chars: list[str]) -> None:
    """CRLF becomes ' \\n' and a lone CR '\\n' so checks only ever see '\\n'; lengths stay."""
    if "\r" not in chars:  # the usual case: nothing to do, and no loop over every character
        return
    n = len(chars)
    for i, c in enumerate(chars):
        if c == "\r":
            chars[i] = " " if i + 1 < n and chars[i + 1] == "\n" else "\n"


def _has_www(text: str) -> bool:
    """Whether "www." is in `text` in any case: looked for at each "w." and "W." (no lower-case
    copy of the whole text; only W and w are w in lower case)."""
    for tail in ("w.", "W."):
        i = text.find(tail, 2)
        while i >= 0:
            if text[i - 2:i + 2].lower() == "www.":
                return True
            i = text.find(tail, i + 1)
    return False


def plain_prose(text: str) -> str:
    """Plain text with addresses and directive lines blanked. Built from slices, not from a list
    of characters (8 bytes a character: 100 MB for a 14 MB file); text with nothing to blank
    is returned as it is."""
    spans = []
    # What every URL match contains ("://" or "www." in any case): most articles have no
    # address, and two substring tests cost a fifth of a case-blind pattern.
    if "://" in text or _has_www(text):
        spans += [m.span() for m in URL.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in EMAIL.finditer(text)]
    if "lintnews-" in text:
        spans += [m.span() for m in TEXT_DIRECTIVE.finditer(text)]
    return blank_spans(_lf(text) if "\r" in text else text, spans)


_NOT_LINE_BREAK = re.compile(r"[^\n]")


def blank_spans(text: str, spans) -> str:
    """`text` with every character but '\\n' inside the (start, end) spans made a space."""
    if not spans:
        return text
    out, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end <= start:
            continue
        out.append(text[last:start])
        out.append(_NOT_LINE_BREAK.sub(" ", text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


def front_matter(text: str) -> tuple[dict, int]:
    """YAML front matter at the top of a Markdown file: (metadata, length of the block)."""
    m = FRONT_MATTER.match(_lf(text))
    if not m:
        return {}, 0
    import yaml  # only for a file with front matter: start-up time

    try:
        data = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    # Dates come back as datetime.date; keep them as ISO strings for a uniform metadata dict.
    meta = {str(k): (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}
    return meta, m.end()


def _lf(text: str) -> str:
    """Same length as text, with every CR turned into something the patterns read as a line end."""
    return text.replace("\r\n", " \n").replace("\r", "\n")


def markdown_prose(text: str) -> tuple[str, dict]:
    """Prose of a Markdown article and its front-matter metadata."""
    lf = _lf(text)
    chars = list(lf)
    meta, fm_end = front_matter(text)
    blank(chars, 0, fm_end)
    for pattern in (FENCE, HTML_COMMENT, INLINE_CODE, IMAGE, AUTOLINK, REFERENCE_DEF, LINK_OPEN, LINK_TARGET,
                    HTML_TAG, URL, EMAIL, THEMATIC_BREAK):
        # Each pattern sees what earlier ones left, so code inside a comment is not read twice.
        blank_all(chars, "".join(chars) if pattern in (INLINE_CODE, LINK_TARGET) else lf, pattern)
    current = "".join(chars)
    for pattern in (HEADING_MARK, LIST_OR_QUOTE_MARK, EMPHASIS):
        blank_all(chars, current, pattern)
    return "".join(chars), meta
