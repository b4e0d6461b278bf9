"""Applying fixes to text: non-overlapping, in order, deterministic."""
from __future__ import annotations

from .finding import Finding


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
