"""Leftovers of scraping: text that is in the file twice (a line, or a whole paragraph)."""
from __future__ import annotations

import re
from collections import deque
from itertools import repeat

from ..prefilter import folded_text
from . import Hit, check

#: Shorter lines repeat legitimately ("Anger", "Read more"); only longer ones are checked.
MIN_REPEATED_LENGTH = 25
#: A line that repeats the end of one of the last few lines ("Newsletter Don't miss..." then
#: "Don't miss...") is a box scraped twice.
RECENT_LINES = 6


#: White space but the line break: deleted, so that each line keeps only its visible characters.
#: (str.isspace: every such character is at most U+3000, the ideographic space.)
_SPACES = dict.fromkeys(c for c in range(0x3001) if chr(c).isspace() and c != 10)
#: A line long enough to be compared has at least this many visible characters (words of one
#: letter and one space each).
_TAIL = (MIN_REPEATED_LENGTH + 1) // 2


#: The same, for bytes of UTF-8 (no other white space there) and as a pattern (all of it).
_ASCII_SPACES = bytes(c for c in _SPACES if c < 0x80)
_OTHER_SPACES = frozenset(chr(c) for c in _SPACES if c >= 0x80)
_ANY_SPACE = re.compile(r"[^\S\n]+")


def _may_repeat_lines(doc) -> bool:
    """False when no line can repeat (or end like) another. A line that does is, once its white
    space is removed and its case folded, the end of an earlier line (or the whole of it): so
    both end with the same _TAIL visible characters. All in C but one short list; in UTF-8
    bytes when the only white space is ASCII (a byte tail is as good a test). Case folding
    makes no white space, so the prose's own non-ASCII characters tell (speed). Lines that
    share a tail ("... he said.") are then compared whole: one must end the other.

    The prose folded for the gates serves (case folded, "ı" as "i": lines that repeat stay
    alike), unless it dropped combining dots (a line would look shorter than it is)."""
    folded = folded_text(doc) if "\u0307" not in doc.non_ascii_characters else doc.prose.casefold()
    if folded.isascii() or _OTHER_SPACES.isdisjoint(doc.non_ascii_characters):
        lines = folded.encode().translate(None, _ASCII_SPACES).split(b"\n")
    else:
        lines = _ANY_SPACE.sub("", folded).split("\n")
    lines = [line for line in lines if len(line) >= _TAIL]
    tails = [line[-_TAIL:] for line in lines]
    if len(set(tails)) == len(tails):
        return False
    earlier: dict = {}
    for line, tail in zip(lines, tails):
        same_tail = earlier.setdefault(tail, [])
        if any(map(bytes.endswith if line.__class__ is bytes else str.endswith, same_tail, repeat(line))):
            return True
        same_tail.append(line)
    return False


@check("CL003", "duplicate-line", "error",
       "A line or paragraph that repeats an earlier one word for word.",
       why="Scrapers pick up the same box twice (newsletter, caption, pull quote) and MT pipelines "
           "sometimes emit a segment twice. A repeated paragraph in print looks broken.",
       message="Repeats line {line} word for word: remove the duplicate.",
       bad=["Sign up for our daily news briefing today\n\n[[Sign up for our daily news briefing today]]\n",
            "Newsletter Get the world desk briefing every morning\n\n[[Get the world desk briefing every morning]]\n",
            {"text": "The strike closed\nthree schools.\n\nTalks resume.\n\n[[The strike closed\nthree schools.]]\n",
             "message": "Repeats the paragraph at line 1"}],
       good=["Sign up for our daily news briefing today\n\nThe minister arrived in Paris on Monday.\n",
             "Anger\n\nThe crowd grew.\n\nAnger\n\nIt spread."])
def duplicate_line(doc, ctx):
    # A paragraph of several lines repeated whole is one finding, not one per line.
    seen_paragraphs: dict[str, int] = {}
    covered: list[tuple[int, int]] = []
    for para in doc.paragraphs:
        if "\n" not in para.text:
            continue
        key = " ".join(para.text.split()).casefold()
        if key in seen_paragraphs:
            covered.append((para.start, para.end))
            yield Hit(para.start, para.end,
                      f"Repeats the paragraph at line {seen_paragraphs[key]} word for word: remove the duplicate.")
        else:
            seen_paragraphs[key] = doc.position(para.start).line
    if not _may_repeat_lines(doc):
        return
    # Offsets, not line numbers: doc.position is looked up only for a line reported.
    first_seen: dict[str, int] = {}
    recent: deque = deque(maxlen=RECENT_LINES)  # the last few lines, for a line that repeats the end of one
    for line in doc.lines:
        key = " ".join(line.text.split()).casefold()
        if len(key) < MIN_REPEATED_LENGTH:
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            earlier = next((start for text, start in recent if text.endswith(" " + key)), None)
        if earlier is not None:
            if not any(s <= line.start < e for s, e in covered):  # already reported with its paragraph
                lead = len(line.text) - len(line.text.lstrip())
                # Line numbers of the file: in HTML the prose has extra breaks where block tags were.
                yield Hit(line.start + lead, line.start + len(line.text.rstrip()),
                          f"Repeats line {doc.position(earlier).line} word for word: remove the duplicate.")
        else:
            first_seen[key] = line.start
        recent.append((key, line.start))
