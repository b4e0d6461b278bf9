"""A cheap test that tells when a rule's regular expression cannot match an article.

Most rule patterns need some word to be present ("diplomacy", ".jpg", "newsletter"), and
most articles do not contain it. Looking for a few plain strings in the article is much
faster than running the pattern (the `regex` module tries a pattern such as
`[\\w-]+\\.(?:jpe?g|png)` at every word), so each pattern carries a *gate*: strings one of
which every match contains. When none of them occurs in the article, the pattern is not run.

The gate is read from the pattern's syntax tree as the standard `re` parser builds it. It
is only a necessary condition, so when in doubt (syntax only the `regex` module knows,
scoped flags, non-ASCII letters) there is no gate and the pattern always runs.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

#: `regex`-only syntax that the standard parser would read differently: set operations,
#: nested sets, properties, named lists, fuzzy constraints, branch reset, \G \K \X.
_REGEX_ONLY = re.compile(r"\[\[|--|&&|\|\||~~|\\[pPXLNGK]|\(\?\||\(\?[a-zA-Z]*[Vfr]|\{(?![\d,])")

#: Gates shorter than this would pass almost every article: not worth testing.
MIN_LENGTH = 3

_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_c, name))


def gate(pattern: str, ignorecase: bool) -> tuple[bool, tuple[str, ...]] | None:
    """(folded, strings): one of `strings` is in every match of `pattern`; when `folded` they
    are case-folded and must be looked for in the case-folded article. None when no such set
    can be told safely."""
    if _REGEX_ONLY.search(pattern):
        return None
    try:
        parsed = _p.parse(pattern, re.IGNORECASE if ignorecase else 0)
    except Exception:  # noqa: BLE001 - anything the standard parser rejects gets no gate
        return None
    strings = _required(list(parsed))
    if not strings or any(not s.isascii() for s in strings) or min(map(len, strings)) < MIN_LENGTH:
        return None
    folded = bool(parsed.state.flags & re.IGNORECASE)
    if folded:
        strings = {s.casefold() for s in strings}
    return folded, tuple(sorted(strings))


def passes(gate_: tuple[bool, tuple[str, ...]] | None, text: str, folded_text) -> bool:
    """Whether the pattern behind the gate may match `text`. `folded_text` is a function that
    returns `text.casefold()` (computed only when a folded gate needs it)."""
    if gate_ is None:
        return True
    folded, strings = gate_
    haystack = folded_text() if folded else text
    return any(s in haystack for s in strings)


def _required(items) -> set[str] | None:
    """For a sequence of parsed items: the best set of strings one of which must occur."""
    candidates = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        previous_run = "".join(run)
        if run:
            candidates.append({previous_run})
            run = []
        found = None
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:  # scoped flags (?i:...) change what matches
                found = _required(list(sub))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            found = _required(list(av))
        elif op is _c.BRANCH and len(av[1]) > 0:
            alternatives = [_required(list(alt)) for alt in av[1]]
            if alternatives and all(alternatives):
                found = set().union(*alternatives)
            leads = [_leading(list(alt)) for alt in av[1]]
            if candidates and previous_run and all(leads):
                # `\.(?:jpe?g|png)`: the run before the branch joined to each one's first letters.
                joined = {previous_run + lead for lead in leads}
                found = joined if not found or min(map(len, joined)) > min(map(len, found)) else found
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                found = _required(list(sub))
        if found:
            candidates.append(found)
    if run:
        candidates.append({"".join(run)})
    if not candidates:
        return None
    # The most selective: the longest shortest string, then the fewest strings.
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s)))


def _leading(items) -> str:
    """The literal letters a parsed sequence starts with."""
    out = []
    for op, av in items:
        if op is not _c.LITERAL:
            break
        out.append(chr(av))
    return "".join(out)
