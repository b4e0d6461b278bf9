"""A cheap test that tells when a rule's regular expression cannot match an article.

Most rule patterns need some word to be present ("diplomacy", ".jpg", "newsletter"), and
most articles do not contain it. Looking for a few plain strings in the article is much
faster than running the pattern (the `regex` module tries a pattern such as
`[\\w-]+\\.(?:jpe?g|png)` at every word), so each pattern carries a *gate*: strings one of
which every match contains. When none of them occurs in the article, the pattern is not run.

The gate is read from the pattern's syntax tree as the standard `re` parser builds it. It
is only a necessary condition, so when in doubt (syntax only the `regex` module knows, flags
other than case) there is no gate and the pattern always runs.

A case-insensitive gate is looked for in the article's `fold`ed text. That is safe for a
letter only when every character the `regex` module matches with it folds as it does: this
is asked of `regex` itself (`_case_partners`), letter by letter, and a letter that fails
(a case pair newer than Python's Unicode tables) counts as an unknown character.

Testing each gate's strings with `in` scans the article once per string (some 300 strings
in the built-in packs). `GateIndex` puts every string in an Aho-Corasick automaton instead,
so one pass over the article tells which of them it may contain, and where.

Where matters for a pattern whose matches have a bounded length (`reach`): a match holds one
of its gate's strings, so it can only start near one of them (`Present.windows`), and the
pattern is searched there alone (packs._windowed) instead of at every character.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

#: `regex`-only syntax outside character classes: branch reset, version and fuzzy flags,
#: fuzzy constraints, \X \L \N \G \K. (Unicode properties such as \p{Lu} are read as \w
#: first: a class never adds a required string.)
_REGEX_ONLY = re.compile(r"\(\?\||\(\?[a-zA-Z]*[Vfr]|\{(?![\d,])")
_REGEX_ONLY_ESCAPES = "XLNGK"
#: Set operations (V1), only meaningful inside a class.
_SET_OPERATIONS = ("--", "&&", "||", "~~")
_PROPERTY = re.compile(r"\\(?:[pP](?:\{[^}]*\}|[A-Za-z])|.)", re.DOTALL)

#: Gates shorter than this would pass almost every article: not worth testing. Two characters
#: do when one is a punctuation mark (" ?", "..", "p_"): rare in English copy.
MIN_LENGTH = 3

#: The most strings a gate is made of (a class or an alternation multiplies them).
MAX_STRINGS = 32

#: Small character classes ([Tt], [?!:;], [0-9]) are expanded into the strings they allow.
MAX_CLASS = 10

#: The most strings of a gate after the first, and their least length (see `gates`): " of"
#: is in every article, and finding each of its occurrences costs more than it saves.
MAX_EXTRA_STRINGS = 10
MIN_EXTRA_LENGTH = 5

#: Scoped flags that change nothing but case and what `^`, `$` and `.` match (no gate string
#: comes from those): a group with them, such as (?i:...) or (?-i:...), is read like a plain one.
_CASE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL

_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_c, name))
#: Items that match no character: the strings on either side of them are adjacent.
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def gate(pattern: str, ignorecase: bool) -> tuple[bool, tuple[str, ...]] | None:
    """(folded, strings): one of `strings` is in every match of `pattern`; when `folded` they
    are case-folded and must be looked for in the case-folded article. None when no such set
    can be told safely."""
    found = gates(pattern, ignorecase, 1)
    return found[0] if found else None


def gates(pattern: str, ignorecase: bool, most: int = 2) -> tuple:
    """Up to `most` gates (see `gate`), the best first, each a necessary condition of its own:
    "man of 45 years" needs " years" and one of "of 0" ... "of 9". A gate after the first is
    kept only when it is cheap to test (a few strings)."""
    pattern = _standard(pattern)
    if pattern is None:
        return ()
    try:
        parsed = _p.parse(pattern, re.IGNORECASE if ignorecase else 0)
    except Exception:  # noqa: BLE001 - anything the standard parser rejects gets no gate
        return ()
    items, folded = _cased(parsed, bool(parsed.state.flags & re.IGNORECASE))
    candidates = sorted({frozenset(_minimal({fold(s) for s in c} if folded else c))
                         for c in _candidates(_flat(items)) if _selective(c, folded)},
                        key=lambda c: (_quality(c), sorted(c)), reverse=True)
    chosen = candidates[:1]
    for c in candidates[1:]:
        # Worth testing only when cheap, and when the first gate does not already imply it
        # (each of its strings containing one of these).
        if len(chosen) < most and len(c) <= MAX_EXTRA_STRINGS and min(map(len, c)) >= MIN_EXTRA_LENGTH and not all(
                any(t in s for t in c) for s in chosen[0]):
            chosen.append(c)
    return tuple((folded, tuple(sorted(c))) for c in chosen)


def _standard(pattern: str) -> str | None:
    """`pattern` as the standard parser may read it (properties as `\\w`), or None when it uses
    syntax of the `regex` module that the standard parser would read differently."""
    pattern = _PROPERTY.sub(lambda m: r"\w" if m.group()[1] in "pP" else m.group(), pattern)
    if _REGEX_ONLY.search(pattern):
        return None
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if pattern[i + 1:i + 2] in tuple(_REGEX_ONLY_ESCAPES):
                return None
            i += 2
            continue
        if in_class:
            if char == "[" or pattern[i:i + 2] in _SET_OPERATIONS:
                return None  # a nested set, a POSIX class, a set operation
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            i += 1
            if pattern[i:i + 1] == "^":
                i += 1
            if pattern[i:i + 1] == "]":
                i += 1  # "[]a]", "[^]a]": a "]" first in a class is a member
            continue
        i += 1
    return pattern


def line_anchored(pattern: str) -> bool:
    """Whether `pattern` is `^` followed by the rest as one unit (no top-level `|`): then,
    in MULTILINE mode, it can only match at the start of the text or after a newline, and
    "\n" + the rest finds the same matches far faster (a leading literal is searched for,
    where `^` is tried at every character)."""
    if not pattern.startswith("^"):
        return False
    pattern = _standard(pattern)
    if pattern is None:
        return False
    try:
        parsed = list(_p.parse(pattern, re.MULTILINE))
    except Exception:  # noqa: BLE001
        return False
    return bool(parsed) and parsed[0] == (_c.AT, _c.AT_BEGINNING)


def _quality(strings: set[str]) -> tuple[int, int]:
    """How good a gate `strings` make: six characters are rare enough in an article; beyond
    that, fewer strings are fewer tests."""
    return min(min(map(len, strings)), 6), -len(strings)


def _selective(strings: set[str], folded: bool) -> bool:
    return all(_rare(fold(s)) or not folded and _capitals(s) for s in strings)


def _capitals(s: str) -> bool:
    """Two capital letters ("AP"), in a case-sensitive gate: rare in copy as they are, though the
    index finds their folded form in many a word ("happen"): a line pattern is then tried at a
    few more lines (see packs._at_lines), which costs less than a search of the article."""
    return len(s) == 2 and s.isupper() and s.isalpha()


#: ASCII punctuation most articles have none of (a colon is in two articles of five, a
#: semicolon in fewer): worth a gate of one character.
_RARE_MARKS = frozenset(":;|")


def _rare(s: str) -> bool:
    """Whether an article seldom contains `s` (as the GateIndex looks for it, folded). A single
    character does when it is a symbol beyond ASCII ("©", "€") or one of _RARE_MARKS; dashes,
    curly quotes and the other punctuation are in every article."""
    if len(s) >= MIN_LENGTH:
        return True
    if len(s) == 2:
        return any(not c.isalnum() and not c.isspace() for c in s)
    return len(s) == 1 and (s in _RARE_MARKS or not s.isascii() and unicodedata.category(s).startswith("S"))


def _minimal(strings: set[str]) -> set[str]:
    """`strings` without those that contain another: a match with "photograph" in it has
    "photo" too, so "photograph" tells nothing more and costs a string to look for."""
    return {s for s in strings if not any(t != s and t in s for t in strings)}


def fold(text: str) -> str:
    """`text` case-folded as the gates are looked for: `str.casefold`, then "ı" as "i" and no
    combining dot above (U+0307, which casefold puts after the "i" of "İ"), since `regex`
    matches "i" with "İ" and "I" with "ı" where casefold keeps them apart. Each character is
    folded on its own, so a string's fold is in the fold of any text that contains it."""
    folded = text.casefold()
    if "\u0307" in folded or "\u0131" in folded:
        folded = folded.replace("\u0307", "").replace("\u0131", "i")
    return folded


#: A pattern whose matches may span more than this (with what it looks at around them) is run
#: over the whole article even when its gate's strings are few: windows that wide save little.
MAX_REACH = 1000


def reach(pattern: str) -> tuple[int, int, int] | None:
    """(width, behind, ahead) for a pattern whose matches are never empty and never longer than
    `width` characters: every character a match starting at s looks at (its own, those its
    look-arounds, word boundaries and anchors test) lies in [s - behind, s + width + ahead).
    None when that cannot be told (an unbounded repeat, syntax of the `regex` module only) or
    is over MAX_REACH.

    With a gate, it says where in an article a match can start: near the gate's strings, which
    every match contains (see `Present.windows`)."""
    pattern = _standard(pattern)
    if pattern is None:
        return None
    try:
        parsed = _p.parse(pattern)
        least, width = parsed.getwidth()
        around = _around(parsed)
    except Exception:  # noqa: BLE001 - anything the standard parser rejects: no window
        return None
    if least == 0 or around is None:
        return None
    behind, ahead = around
    # One character more on each side than any test needs (a word boundary looks at two).
    behind, ahead = behind + 1, ahead + 1
    if width + behind + ahead > MAX_REACH:
        return None
    return width, behind, ahead


def single_line(pattern: str) -> bool:
    """Whether no match of `pattern` holds a line break ("\n"). Then each match of a `^` pattern
    lies in the line it starts, and the gate strings found in an article tell which lines to
    try (packs._at_lines). False when that cannot be told (a negated property, which the
    standard parser would read as \\w; syntax of the `regex` module only)."""
    if "\\P" in pattern:
        return False
    pattern = _standard(pattern)
    if pattern is None:
        return False
    try:
        parsed = _p.parse(pattern)
    except Exception:  # noqa: BLE001 - anything the standard parser rejects: not known
        return False
    return _no_line_break(parsed, bool(parsed.state.flags & re.DOTALL))


#: Classes of characters that hold no "\n".
_NO_LINE_BREAK = frozenset(getattr(_c, name) for name in ("CATEGORY_DIGIT", "CATEGORY_NOT_SPACE", "CATEGORY_WORD",
                                                          "CATEGORY_NOT_LINEBREAK"))


def _no_line_break(items, dotall: bool) -> bool:
    """Whether the parsed `items` match no "\n" (look-arounds and anchors match no character)."""
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue
        if op is _c.LITERAL:
            if av == 10:
                return False
        elif op is _c.NOT_LITERAL:
            if av != 10:
                return False
        elif op is _c.ANY:
            if dotall:
                return False
        elif op is _c.IN:
            if _class_has_line_break(av):
                return False
        elif op in _REPEATS:
            if not _no_line_break(av[2], dotall):
                return False
        elif op is _c.SUBPATTERN:
            _, add, remove, sub = av
            if not _no_line_break(sub, (dotall or bool(add & re.DOTALL)) and not remove & re.DOTALL):
                return False
        elif op is _c.BRANCH:
            if not all(_no_line_break(branch, dotall) for branch in av[1]):
                return False
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            if not _no_line_break(av, dotall):
                return False
        else:  # a back-reference, a conditional group: not known
            return False
    return True


def _class_has_line_break(items) -> bool:
    negated, found = False, False
    for op, av in items:
        if op is _c.NEGATE:
            negated = True
        elif op is _c.LITERAL:
            found = found or av == 10
        elif op is _c.RANGE:
            found = found or av[0] <= 10 <= av[1]
        elif op is _c.CATEGORY:
            found = found or av not in _NO_LINE_BREAK
        else:
            return True
    return found != negated


def leads_with_literal(pattern: str) -> bool:
    """Whether every match of `pattern` starts with one given character (after zero-width
    tests): `regex` then searches for it on its own, fast, and a window saves nothing."""
    pattern = _standard(pattern)
    if pattern is None:
        return False
    try:
        items = _flat(_p.parse(pattern))
    except Exception:  # noqa: BLE001
        return False
    for op, _ in items:
        if op not in _ZERO_WIDTH:
            return op is _c.LITERAL
    return False


def _around(items) -> tuple[int, int] | None:
    """How far before a match's start and after its end the zero-width items in `items` (at any
    depth) may look, or None when a look-around is unbounded."""
    behind = ahead = 0
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = av
            width = sub.getwidth()[1]
            inner = _around(sub)
            if width >= MAX_REACH or inner is None:
                return None
            if direction == 1:  # a look-ahead: from a point inside the match, onwards
                ahead, behind = max(ahead, width + inner[1]), max(behind, inner[0])
            else:  # a look-behind: from a point inside the match, backwards
                behind, ahead = max(behind, width + inner[0]), max(ahead, inner[1])
        elif op is _c.AT:
            behind, ahead = max(behind, 1), max(ahead, 1)
        else:
            for sub in _subpatterns(av):
                inner = _around(sub)
                if inner is None:
                    return None
                behind, ahead = max(behind, inner[0]), max(ahead, inner[1])
    return behind, ahead


def _subpatterns(av):
    """The parsed sub-patterns inside an item's argument (a group's, an alternation's, a repeat's)."""
    if isinstance(av, _p.SubPattern):
        yield av
    elif isinstance(av, (tuple, list)):
        for part in av:
            yield from _subpatterns(part)


class Present(frozenset):
    """The gate strings an article may contain (see `GateIndex.present`), and where: `spans`
    maps each to the (start, end) offsets of its folded form in the folded text."""

    __slots__ = ("spans", "asked")

    def windows(self, strings, width: int, behind: int, ahead: int) -> list[tuple[int, int]]:
        """Merged, ordered (first, last) ranges of the offsets where a match of a pattern with
        this `reach` and one of `strings` as its gate can start. A match starting at s holds one
        of the strings, so s + width + ahead >= its end and s - behind <= its start. The
        offsets are the folded text's: they are the article's when `aligned` says so."""
        spans = sorted((end - width - ahead, start + behind)
                       for s in strings for start, end in self.spans.get(s, ()))
        out: list[tuple[int, int]] = []
        for first, last in spans:
            if out and first <= out[-1][1] + 1:
                if last > out[-1][1]:
                    out[-1] = (out[-1][0], last)
            else:
                out.append((max(0, first), last))
        return out


def aligned(prose: str, folded: str) -> bool:
    """Whether each character of `prose` folds to exactly one (so offsets in the folded text
    are offsets in the prose). `fold` maps no character to nothing except a combining dot
    above, and that only after the "i" casefold gives "İ" (1 to 1 again): without one in the
    prose, equal lengths mean that no character grew."""
    return len(folded) == len(prose) and "\u0307" not in prose


class GateIndex:
    """Every string of some gates, found in one pass over the article's folded text.

    A string that occurs in a text occurs folded in the folded text (`fold` maps each
    character on its own), so the folded text alone tells which strings may occur: a
    case-sensitive string is reported when its folded form is found. That may let a pattern
    run in vain, never skip one that matches, and costs one pass instead of two."""

    def __init__(self, gates):
        # A compiled automaton (Rust): only a Linter with gated patterns loads it. Built as a
        # DFA, which finds the strings in about a fifth of the time an NFA takes, for a few
        # milliseconds more at start-up.
        import ahocorasick_rs

        by_folded: dict[str, set] = {}
        for g in gates:
            if g is not None:
                for s in g[1]:
                    by_folded.setdefault(fold(s), set()).add(s)
        self._strings = [tuple(strings) for strings in by_folded.values()]
        #: The case-sensitive strings (those that are not their own fold: "AP", "the World").
        self._cased = frozenset(s for strings in self._strings for s in strings if s != fold(s))
        #: Every string looked for.
        self.asked = frozenset(s for strings in self._strings for s in strings)
        self._automaton = ahocorasick_rs.AhoCorasick(list(by_folded), implementation=ahocorasick_rs.Implementation.DFA)

    def present(self, folded: str, text: str | None = None) -> Present:
        """The strings that may occur in a text, given its `fold` (see `folded_text`): all that
        do, and maybe a case-sensitive one whose folded form does; with where they occur.
        Given the `text` itself, when `aligned` with its fold, a case-sensitive string is
        reported only where the text has it as written ("AP", not the "ap" of "happen")."""
        spans: dict[str, list] = {}
        strings, cased = self._strings, self._cased if text is not None else ()
        for index, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            for s in strings[index]:
                if s in cased and not text.startswith(s, start):
                    continue
                spans.setdefault(s, []).append((start, end))
        found = Present(spans)
        found.spans = spans
        found.asked = self.asked
        return found


@lru_cache(maxsize=256)
def _asked(asked: frozenset[str], strings: frozenset[str]) -> bool:
    """Whether a gate index that looks for `asked` looks for all of `strings` (asked once per
    index and check, not for every article)."""
    return strings <= asked


#: Where the engine keeps an article's Present for the checks (see `occurs`).
PRESENT = "gates.present"


def occurs(doc, strings: frozenset[str]) -> bool:
    """Whether one of `strings` (each its own `fold`) may occur in the article: looked up in
    what the run's gate index found, when it looked for them (a check declares its `strings`),
    else searched for in the folded text. True may be wrong; False never is."""
    present = doc.memoized(PRESENT)
    if present is None or not _asked(present.asked, strings):
        present = _index_of(strings).present(folded_text(doc))
    return not present.isdisjoint(strings)


@lru_cache(maxsize=64)
def _index_of(strings: frozenset[str]) -> "GateIndex":
    """A gate index of its own for a check's strings, where no engine looked for them (a check
    called on its own): one pass, not one search per string."""
    return GateIndex([(True, tuple(sorted(strings)))])


def folded_text(doc) -> str:
    """`fold` of the article's prose, computed once for the gate index and every gate."""
    return doc.memo("prose.folded", lambda: fold(doc.prose))


def folded_in_place(doc) -> bool:
    """`aligned` for the article's prose and `folded_text`, computed once: whether the offsets
    of the gate index (in the folded text) are the prose's."""
    return doc.memo("prose.aligned", lambda: aligned(doc.prose, folded_text(doc)))


def matches_at(pattern, text: str, candidates):
    """What `pattern.finditer(text)` finds, for a pattern whose every match starts at one of the
    `candidates`: groups of offsets, in order (found in C by a gate: a mark, a digit, an "h"),
    each tried in turn from the end of the last match on, the first that matches kept. The
    pattern is not run over the rest of the text. Its matches are never empty."""
    last = 0
    for starts in candidates:
        for start in starts:
            if start >= last:
                m = pattern.match(text, start)
                if m is not None:
                    yield m
                    last = m.end()
                    break


def passes(gate_: tuple[bool, tuple[str, ...]] | None, text: str, folded_text) -> bool:
    """Whether the pattern behind the gate may match `text`. `folded_text` is a function that
    returns `fold(text)` (computed only when a folded gate needs it)."""
    if gate_ is None:
        return True
    folded, strings = gate_
    haystack = folded_text() if folded else text
    for s in strings:
        if s in haystack:
            return True
    return False


def _cased(items, ignorecase: bool) -> tuple[list, bool]:
    """The parsed items with groups of case flags made plain (see `_CASE_FLAGS`), each letter
    that matches regardless of case kept when `fold` treats it as `regex` does and made an
    unknown character otherwise; and whether some letter matches regardless of case (then
    the gate's strings are folded)."""
    out, folded = [], False
    for op, av in items:
        inner = False
        if op is _c.SUBPATTERN and not (av[1] | av[2]) & ~_CASE_FLAGS:
            scoped = (ignorecase or av[1] & re.IGNORECASE) and not av[2] & re.IGNORECASE
            sub, inner = _cased(av[3], bool(scoped))
            av = (av[0], 0, 0, sub)
        elif op is _c.BRANCH:
            alternatives = [_cased(a, ignorecase) for a in av[1]]
            inner = any(f for _, f in alternatives)
            av = (av[0], [a for a, _ in alternatives])
        elif op in _REPEATS:
            sub, inner = _cased(av[2], ignorecase)
            av = (av[0], av[1], sub)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            av, inner = _cased(av, ignorecase)
        elif ignorecase and op in (_c.LITERAL, _c.IN):
            op, av, inner = _uncased(op, av)
        out.append((op, av))
        folded = folded or inner
    return out, folded


def _uncased(op, av) -> tuple:
    """A letter or small class that matches regardless of case: (op, av, whether it has
    another case), or an unknown character when folding would lose a match."""
    chars = _choices(op, av)
    if chars is None:
        return op, av, False  # a class that gives no strings anyway
    partners = {c: _case_partners(c) for c in chars}
    if any(fold(p) != fold(c) for c in chars for p in partners[c]):
        return _c.ANY, None, False
    return op, av, any(len(p) > 1 for p in partners.values())


@lru_cache(maxsize=None)
def _case_partners(char: str) -> frozenset[str]:
    """Every character that `regex` matches with `char` regardless of case (simple case
    folding, as packs.compile_pattern compiles), found by searching all of Unicode."""
    import regex

    haystack = _ascii_partners() if char.isascii() else _every_character()
    return frozenset(regex.findall("(?-f)(?i)" + regex.escape(char), haystack, flags=regex.V1))


@lru_cache(maxsize=1)
def _ascii_partners() -> str:
    """The characters `regex` matches with some ASCII character regardless of case: one search
    of all Unicode (a few milliseconds) instead of one for each ASCII character."""
    import regex

    return "".join(regex.findall("(?-f)(?i)[\\x00-\\x7f]", _every_character(), flags=regex.V1))


@lru_cache(maxsize=1)
def _every_character() -> str:
    """Every code point, in order (surrogates included: they match only themselves)."""
    import array
    import sys

    codes = array.array("I", range(0x110000))
    if codes.itemsize != 4:  # pragma: no cover - the slower way
        return "".join(map(chr, range(0x110000)))
    return codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be", "surrogatepass")


def _flat(items) -> list:
    """The parsed items with plain groups opened: a group matches what its items match."""
    out = []
    for op, av in items:
        if op is _c.SUBPATTERN and not av[1] and not av[2]:  # scoped flags: see `_cased`
            out.extend(_flat(av[3]))
        else:
            out.append((op, av))
    return out


def _choices(op, av) -> set[str] | None:
    """The strings one item can match when they are few: a letter, a small class, an
    alternation of plain strings."""
    if op is _c.LITERAL:
        return {chr(av)}
    if op is _c.IN:
        chars = set()
        for o, v in av:
            if o is _c.LITERAL:
                chars.add(chr(v))
            elif o is _c.RANGE and v[1] - v[0] < MAX_CLASS:
                chars.update(map(chr, range(v[0], v[1] + 1)))
            else:
                return None  # a negated class, a category (\d, \w), a wide range
        return chars if len(chars) <= MAX_CLASS else None
    if op is _c.BRANCH:
        out = set()
        for alternative in av[1]:
            strings = _sequence(_flat(alternative))
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= MAX_STRINGS else None
    return None


def _sequence(items) -> set[str] | None:
    """The strings a sequence of plain items can match, or None when it is not that simple."""
    run = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        choices = _choices(op, av)
        if choices is None:
            return None
        run = {r + c for r in run for c in choices}
        if len(run) > MAX_STRINGS:
            return None
    return run


def _lead(items) -> set[str] | None:
    """The strings a sequence can start with, from its leading plain items (None if none)."""
    run = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        choices = _choices(op, av)
        if choices is None:
            break
        product = {r + c for r in run for c in choices}
        if len(product) > MAX_STRINGS:
            break
        run = product
    return None if "" in run else run


def _candidates(items) -> list[set[str]]:
    """Sets of strings one of which every match contains: one set per run of adjacent plain
    items, and those found inside groups, alternations and repeats."""
    out: list[set[str]] = []
    run = {""}
    tail = ""  # the run's end since its last choice of several: "(a bit|very) deceived" -> " deceived"

    def close():
        nonlocal run, tail
        if "" not in run:
            out.append(run)
            if tail and len(run) > 1:
                out.append({tail})
        run, tail = {""}, ""

    def extend(choices):
        nonlocal run, tail
        if len(choices) > 1 and "" not in run:
            out.append(run)  # "the actual " before "(president|mayor|...)": fewer strings to test
        product = {r + c for r in run for c in choices}
        if len(product) > MAX_STRINGS:
            close()
            product = set(choices)
        run = product
        tail = tail + next(iter(choices)) if len(choices) == 1 else ""

    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # "a\bb" still has "a" and "b" side by side
        choices = _choices(op, av)
        if choices is not None:
            extend(choices)
            continue
        if op in _REPEATS and av[0] >= 1:
            sub = _flat(av[2])
            single = _choices(*sub[0]) if len(sub) == 1 else None
            if single is not None:
                # `[ ]+?`: the first repetition follows what came before, the last one
                # precedes what comes next.
                extend(single)
                close()
                run = set(single)
                tail = next(iter(single)) if len(single) == 1 else ""
                continue
            close()
            out.extend(_candidates(sub))
            continue
        if op is _c.BRANCH:
            leads = [_lead(_flat(alternative)) for alternative in av[1]]
            if all(leads):
                # `\.(?:jpe?g|png)`: what came before joined to each alternative's first letters.
                extend(set().union(*leads))
            close()
            found = [_candidates(_flat(alternative)) for alternative in av[1]]
            if found and all(found):
                # One of the alternatives matched: the union of one set from each.
                out.append(set().union(*(max(f, key=_quality) for f in found)))
            continue
        close()
        if op is getattr(_c, "ATOMIC_GROUP", None):
            out.extend(_candidates(_flat(av)))
    close()
    return out
