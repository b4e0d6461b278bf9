"""Quotation marks and French elisions garbled by machine translation.

French copy quotes with « », elides articles (l'Iran, d'Orsay, qu'il) and puts spaces inside
its quotation marks. Machine translation keeps some of that, drops half of a pair, or turns
"l'Iran" into "the 'Iran". These checks find the marks that no longer pair up, the elisions
left in English, and quotation marks mashed into punctuation.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import groupby
from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import knowledge
from ..packs import compile_cached
from ..prefilter import matches_at
from . import Hit, check

#: Quotation marks that pair up. Straight double quotes go either way; the others have a side.
OPENERS = {"“": "curly", "«": "guillemets", "‘": "single"}
CLOSERS = {"”": "curly", "»": "guillemets", "’": "single"}
MARKS = compile_cached(r"[\"“”«»‘]|(?<=[\p{L}\p{N}.,!?;:…)\]\-]|^)’(?!\p{L})")

#: Characters after which a straight quote opens a quotation, and before which one closes it.
OPENING_CONTEXT = set(" \t\n\u00a0([{—–-/“‘«")
CLOSING_CONTEXT = set(" \t\n\u00a0.,;:!?)]}—–-…”’»")

#: How many paragraphs without any quotation mark a quotation may run over before it must close
#: (one sentence per paragraph in scraped or aligned copy splits long quotations).
CARRY_PARAGRAPHS = 3


@dataclass(frozen=True)
class Mark:
    pos: int          # offset in the document's prose
    char: str
    style: str        # straight | curly | guillemets | single
    role: str         # open | close


@dataclass
class QuoteScan:
    """The result of pairing every quotation mark of the article."""

    pairs: list        # (opening Mark, closing Mark)
    unmatched: list    # Marks that pair with nothing


def _role(prose: str, pos: int, char: str) -> str:
    if char in OPENERS:
        return "open"
    if char in CLOSERS:
        return "close"
    before = prose[pos - 1] if pos > 0 else "\n"
    after = prose[pos + 1] if pos + 1 < len(prose) else "\n"
    if before.isalpha() and after == " " and prose[pos + 2:pos + 3].isalpha():
        # 'of" Antenna 2"': the mark may close a quotation or open one on the wrong side of its space.
        return "either"
    opens = before in OPENING_CONTEXT and after not in " \t\n\u00a0"
    closes = before not in " \t\n\u00a0" and (after in CLOSING_CONTEXT or after == '"')
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


#: Every character MARKS can match, for a first pass in C; ’ is then judged by MARKS itself.
MARK_CHARACTERS = "\"“”«»‘’"


def mark_positions(doc) -> list[int]:
    """Offsets, in order, of every character of MARK_CHARACTERS in the prose: once per article
    for MT201 and MT204, each character found by str.find (a character class in a regex costs
    four times as much, over every character of the article)."""
    def compute():
        prose = doc.prose
        out = []
        for c in MARK_CHARACTERS:
            i = prose.find(c)
            while i >= 0:
                out.append(i)
                i = prose.find(c, i + 1)
        out.sort()
        return out

    return doc.memo("quotes.mark-positions", compute)


def _marks(doc) -> list[tuple[int, str, str, str]]:
    """(offset, mark, style, role) of every quotation mark of the article, in order."""
    out = []
    prose = doc.prose
    for pos in mark_positions(doc):
        char = prose[pos]
        if char == "’" and (prose[pos + 1:pos + 2].isalpha() or MARKS.match(prose, pos) is None):
            continue  # an apostrophe inside a word (a letter after it: MARKS's (?!\p{L}) fails at once)
        if char == '"' and pos >= 2 and prose[pos - 1] == '"' and not prose[pos - 2].isspace():
            continue  # a doubled mark ("indecent""): one mark, reported by MT204
        style = "straight" if char == '"' else (OPENERS.get(char) or CLOSERS.get(char))
        out.append((pos, char, style, _role(prose, pos, char)))
    return out


def _family(style: str) -> str:
    return "single" if style == "single" else "double"


def scan_quotes(doc) -> QuoteScan:
    """Pair the quotation marks of the whole article, paragraph by paragraph.

    A quotation left open at the end of a paragraph is not an error when the next paragraph
    reopens it (the convention for a quotation that runs over several paragraphs) or closes it
    (a quotation split over sentences one per paragraph, as aligned and scraped copy is).
    """
    return doc.memo("quotes.scan", lambda: _scan(doc))


def _scan(doc) -> QuoteScan:
    pairs, unmatched = [], []
    every = _marks(doc)
    if not every:
        return QuoteScan(pairs, unmatched)
    paragraphs = doc.paragraphs
    starts = [p.start for p in paragraphs]
    carried: list[Mark] = []   # openers still open at the end of the previous paragraph
    quiet = 0                  # paragraphs without marks since they were left open
    previous = -1
    # Only the paragraphs that hold marks are visited; those in between only count as quiet.
    for index, group in groupby(every, key=lambda mark: bisect_right(starts, mark[0]) - 1):
        paragraph = paragraphs[index] if index >= 0 else None
        marks = [m for m in group if paragraph is not None and m[0] < paragraph.end]
        if not marks:  # not inside a paragraph (never so for a visible mark)
            continue
        if index > previous + 1:
            quiet += index - previous - 1
            if carried and quiet > CARRY_PARAGRAPHS:
                unmatched.extend(carried)
                carried = []
        previous = index
        stack: list[Mark] = []
        first = True
        for pos, char, style, role in marks:
            family = _family(style)
            top = next((m for m in reversed(stack) if _family(m.style) == family), None)
            if role == "either":
                role = "close" if top is not None else "open"
            if role == "open" and first and carried and pos == paragraph.start:
                # The paragraph reopens a quotation carried over: the usual convention.
                carried = [c for c in carried if _family(c.style) != family]
            if role == "open":
                if top is not None and style == "straight" and top.style == "straight":
                    # Straight quotes do not nest: the earlier one was never closed.
                    stack.remove(top)
                    unmatched.append(top)
                stack.append(Mark(pos, char, style, "open"))
            else:
                mark = Mark(pos, char, style, "close")
                if top is not None:
                    stack.remove(top)
                    pairs.append((top, mark))
                else:
                    carry = next((c for c in reversed(carried) if _family(c.style) == family), None)
                    if carry is not None:
                        carried.remove(carry)
                        pairs.append((carry, mark))
                    else:
                        unmatched.append(mark)
            first = False
        unmatched.extend(carried)
        carried, quiet = stack, 0
    unmatched.extend(carried)
    unmatched.sort(key=lambda m: m.pos)
    return QuoteScan(pairs, unmatched)


POSSESSIVE_AS_QUOTE = compile_cached(r"(?<=\p{L}s)\"(?= \p{Ll})")


@check("MT201", "unbalanced-quotes", "warning",
       "A quotation mark that pairs with nothing: an opening mark never closed, a closing mark never opened.",
       why="Machine translation drops or moves quotation marks, so that a reader cannot tell where the "
           "quoted words end. Each quotation in print must open and close; a quotation that runs over "
           "several paragraphs reopens at the start of each one.",
       message="Unbalanced quotation marks in this paragraph: '{match}' pairs with nothing.",
       bad=['He called it [[“]]a farce and left.',
            'The minister said the plan was dead[["]] and ended the session.',
            '"We will stay," she said. [[«]]Nothing has changed.',
            {"text": 'The firm cleared two decades[["]] worth of files.',
             "fixed": "The firm cleared two decades' worth of files."}],
       good=['"We will stay," she said. "Nothing has changed."',
             '"The first part of the quotation runs on.\n\n"And it reopens in the next paragraph."\n',
             '"The quotation starts in this sentence.\n\nAnd ends in this one," she said.\n',
             "“It is ‘unacceptable’,” he said.",
             "The farmers’ union met. It’s over."],
       fix="unsafe")
def unbalanced_quotes(doc, ctx):
    prose = doc.prose
    for mark in scan_quotes(doc).unmatched:
        if mark.style == "single" and mark.role == "close":
            continue  # a lone ’ is an apostrophe far more often than a quotation mark
        if POSSESSIVE_AS_QUOTE.match(prose, mark.pos):
            word = compile_cached(r"\p{L}+$").search(prose[max(0, mark.pos - 40):mark.pos]).group()
            yield Hit(mark.pos, mark.pos + 1,
                      f"Quotation mark where a possessive apostrophe belongs: write \"{word}'\".",
                      replacement="'", suggestions=("'",))
            continue
        side = "Opening" if mark.role == "open" else "Closing"
        what = "is never closed" if mark.role == "open" else "has no opening mark before it"
        yield Hit(mark.pos, mark.pos + 1,
                  f"Unbalanced quotation marks in this paragraph: {side.lower()} mark '{mark.char}' {what}.")


@check("MT203", "mixed-quote-styles", "warning",
       "Straight and curly quotation marks in one article, or one quotation opened and closed in two styles.",
       why="Copy assembled from several translations or scrapes mixes \" \" with “ ”, and machine "
           "translation closes a quotation with a mark of another style. A page should use one style "
           "throughout. (French guillemets « » are reported by TY004.)",
       message="Mixed quotation mark styles: '{match}'.",
       fix="safe",
       bad=[{"text": '“One,” he said. “Two,” she said. [["]]Three,[["]] they said.',
             "fixed": '“One,” he said. “Two,” she said. “Three,” they said.'},
            {"text": 'The slogan [[“]]Bread and peace" rang out.',
             "fixed": 'The slogan "Bread and peace" rang out.'}],
       good=['"One," he said. "Two," she said.', "“One,” he said. “Two,” she said."])
def mixed_quote_styles(doc, ctx):
    pairs = [(o, c) for o, c in scan_quotes(doc).pairs if "single" not in (o.style, c.style)
             and "guillemets" not in (o.style, c.style)]
    straight = sum(1 for o, c in pairs if o.style == c.style == "straight")
    curly = sum(1 for o, c in pairs if o.style == c.style == "curly")
    first_style = next((o.style for o, c in pairs if o.style == c.style), "straight")
    main = "curly" if curly > straight or (curly == straight and first_style == "curly") else "straight"
    for opener, closer in pairs:
        if opener.style != closer.style:
            # One quotation in two styles: the opening mark is what the closing one disagrees with
            # when the article's style is the closing one's, and the other way round.
            wrong = opener if closer.style == main else closer
            right = '"' if main == "straight" else ("“" if wrong is opener else "”")
            yield Hit(wrong.pos, wrong.pos + 1,
                      f"Quotation marks of two styles: '{opener.char}' closed by '{closer.char}'; "
                      f"use '{right}' as in the rest of the article.", replacement=right, suggestions=(right,))
            continue
        if opener.style == main or not (straight and curly):
            continue
        count = curly if main == "curly" else straight
        for mark, right in ((opener, "“" if main == "curly" else '"'), (closer, "”" if main == "curly" else '"')):
            yield Hit(mark.pos, mark.pos + 1,
                      f"Mixed quotation mark styles: '{mark.char}' here, '{right}' in {count} other "
                      f"quotation{'s' if count > 1 else ''} of this article.", replacement=right,
                      suggestions=(right,))


#: A space between a sentence's mark and its closing ”: what MT204 finds (tried at each ”, see
#: _spaces_before_closing; a property test holds the two equal).
SPACE_BEFORE_CLOSING = compile_cached(r"(?<=\p{L})([.,!?…])[ \u00a0\u202f]+”")
_CLOSING_DOUBLE = re.compile("”")
#: SPACE_BEFORE_CLOSING from its ” on, what comes before looked for behind it (the same group 1).
_SPACE_BEFORE_CLOSING_MARK = compile_cached(r"(?<=(?<=\p{L})([.,!?…])[ \u00a0\u202f]+)”")


def _spaces_before_closing(prose: str):
    """SPACE_BEFORE_CLOSING.finditer(prose), tried only at each ” (found in C): a match ends
    with one."""
    return matches_at(_SPACE_BEFORE_CLOSING_MARK, prose, ((m.start(),) for m in _CLOSING_DOUBLE.finditer(prose)))


#: No character class that depends on Unicode properties: the standard `re`, faster, is the same.
TWO_CLOSING = re.compile(r"[”\"»][ \u00a0\u202f]*(?:…|\.\.\.)?[ \u00a0\u202f]*[»”\"]")
#: The characters a TWO_CLOSING match can have right after its first mark.
_AFTER_CLOSING = frozenset(" \u00a0\u202f….»”\"")
DOUBLED_MARK = compile_cached(r"(?<=\S)(\"\"|””|““)(?!\")")


def _two_closing(doc):
    """The matches of TWO_CLOSING.finditer(prose), the pattern tried only at the marks it can
    start with (speed: not over every character of the article)."""
    prose = doc.prose
    last = 0
    for pos in mark_positions(doc):
        if pos < last or prose[pos] not in "”\"»" or prose[pos + 1:pos + 2] not in _AFTER_CLOSING:
            continue
        m = TWO_CLOSING.match(prose, pos)
        if m is not None:
            last = m.end()
            yield m


@check("MT204", "quote-punctuation", "warning",
       "Quotation marks mashed into punctuation: a space before a closing mark, two closing marks of "
       "different styles, a doubled mark, an opening mark on the wrong side of its space.",
       why="French puts a space inside its quotation marks and MT output merges the marks of two "
           "styles (” … ») or doubles a mark (\"\"). In English copy a closing mark follows the "
           "punctuation without a space.",
       message="Quotation marks mashed into punctuation: '{match}'.",
       fix="safe",
       bad=[{"text": "“We will win[[. ”]] he said.", "fixed": "“We will win.” he said."},
            {"text": "The label read “fresh and local[[” … »]] in the window.",
             "message": "closing quotation marks of different styles"},
            {"text": 'He called the plan "indecent[[""]], she said.', "fixed": 'He called the plan "indecent", she said.'},
            {"text": 'A crew of[[" ]]France 2" filmed it.', "fixed": 'A crew of "France 2" filmed it.',
             "message": "write 'of \"France 2\"'"}],
       good=['"We will win," he said.', 'He said "yes" "and no".', "“We will win.” “Soon,” he said."], tags=("spacing",))
def quote_punctuation(doc, ctx):
    prose = doc.prose
    for m in _spaces_before_closing(prose):
        yield Hit(m.start(1), m.end(), f"Space before the closing quotation mark: write '{m.group(1)}”'.",
                  replacement=m.group(1) + "”", suggestions=(m.group(1) + "”",))
    for m in _two_closing(doc):
        a, b = m.group()[0], m.group()[-1]
        if a == b or {a, b} == {'"', "”"} or (a == '"' and m.end() - m.start() > 2):
            continue  # a doubled mark (below), or the end of one quotation and the start of the next
        yield Hit(m.start(), m.end(), f"Two closing quotation marks of different styles mashed together: "
                                      f"'{m.group()}': keep one.")
    for opener, closer in scan_quotes(doc).pairs:
        pos = opener.pos
        if opener.style == "straight" and prose[pos - 1:pos].isalpha() and prose[pos + 1:pos + 2] == " ":
            right = ' "'
            quoted = prose[pos + 2:closer.pos + 1]
            shown = f"{_context_before(prose, pos, 1)} \"{quoted if len(quoted) <= 40 else '…'}"
            yield Hit(pos, pos + 2, f"Opening quotation mark on the wrong side of the space: write '{shown}'.",
                      replacement=right, suggestions=(right,))
    if '""' not in prose and "””" not in prose and "““" not in prose:
        return
    for m in DOUBLED_MARK.finditer(prose):
        mark = m.group()[0]
        yield Hit(m.start(), m.end(), f"Doubled quotation mark '{m.group()}': write one '{mark}'.",
                  replacement=mark, suggestions=(mark,))


# --- French elisions -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def elision_knowledge() -> dict:
    data = knowledge.load("elisions")
    return {
        "no_article": frozenset(n.casefold() for n in data["names_without_article"]),
        "phrases": tuple(compile_cached(p, regex.IGNORECASE | regex.V1) for p in data["loanwords"]),
        "french_words": frozenset(data["french_function_words"]),
    }


def _starts_with_vowel_sound(word: str) -> bool:
    base = unicodedata.normalize("NFD", word[:1])[:1].lower()
    return base in "aeiouyh"


STRAY_APOSTROPHE = compile_cached(r"(?<![\p{L}'’])(?P<the>[Tt]he|[Oo]f)\s+(?P<q>['’])(?P<word>\p{L}[\p{L}\-]*)")
#: A closing single quotation mark: after a word, not inside one.
CLOSING_SINGLE = compile_cached(r"(?<=[\p{L}\p{N}.,!?])['’](?!\p{L})")
FRENCH_ELISION = compile_cached(
    r"(?<![\p{L}\p{N}'’\-])(?P<el>jusqu|lorsqu|puisqu|qu|l|d|n|s|j|c)(?P<q>['’])(?P<word>[\p{L}\p{N}][\p{L}\p{N}\-]*)")

#: Cheap tests with the standard `re` that every match of the patterns above passes (they ask
#: less, and begin with a literal that the standard `re` finds fast): most articles pass none.
STRAY_APOSTROPHE_GATES = (re.compile(r"'(?<=\s')"), re.compile(r"’(?<=\s’)"))
ELISION_GATES = (re.compile(r"'(?:(?<=[ldnsjc]')(?<![A-Za-z0-9'’\-][ldnsjc]')|(?<=qu'))"),
                 re.compile(r"’(?:(?<=[ldnsjc]’)(?<![A-Za-z0-9'’\-][ldnsjc]’)|(?<=qu’))"))


def _passes(gates, text: str) -> bool:
    return any(gate.search(text) for gate in gates)


#: STRAY_APOSTROPHE from its quotation mark on, "the" or "of" looked for behind it (same groups).
_STRAY_AT_MARK = compile_cached(r"(?<=(?<![\p{L}'’])(?P<the>[Tt]he|[Oo]f)\s+)(?P<q>['’])(?P<word>\p{L}[\p{L}\-]*)")
#: How far before its mark a FRENCH_ELISION match starts: the lengths of the elided words.
_ELIDED_LENGTHS = sorted({len(word) for word in "jusqu lorsqu puisqu qu l d n s j c".split()}, reverse=True)


def _gated_marks(gates, text: str) -> list[int]:
    """Where the gates find a mark, in order: every match of the pattern they stand for has its
    quotation mark at one of them."""
    return sorted({m.start() for gate in gates for m in gate.finditer(text)})


def _stray_apostrophes(prose: str):
    """STRAY_APOSTROPHE.finditer(prose), tried only at the marks its gates find (speed: the
    pattern is not run over the whole article). A match starts at m.start("the"), before the
    mark it is tried at: so its own loop, not prefilter.matches_at, which compares the offset
    tried with the last match's end."""
    last = 0
    for q in _gated_marks(STRAY_APOSTROPHE_GATES, prose):
        m = _STRAY_AT_MARK.match(prose, q)
        if m is not None and m.start("the") >= last:
            yield m
            last = m.end()


def _elisions(prose: str):
    """FRENCH_ELISION.finditer(prose), tried only just before the marks its gates find."""
    return matches_at(FRENCH_ELISION, prose, ([q - n for n in _ELIDED_LENGTHS if q >= n]
                                              for q in _gated_marks(ELISION_GATES, prose)))


def _context_before(prose: str, start: int, words: int = 2) -> str:
    found = compile_cached(r"[\p{L}\p{N}'’\-]+").findall(prose[max(0, start - 60):start])
    return " ".join(found[-words:])


def _quoted_until(prose: str, end: int) -> bool:
    """Does a closing single quote follow before the sentence or enclosing quotation ends?"""
    stop = compile_cached(r"[\"“”«»\n]|[.!?](?=\s|$)").search(prose, end)
    limit = stop.start() + 1 if stop else len(prose)
    return CLOSING_SINGLE.search(prose, end, limit) is not None


@check("MT202", "french-elision", "warning",
       "A French elision left in English: \"the 'Iran\", \"of l'Élysée\", \"d'Orsay\" outside a name, \"qu'\".",
       why="French elides its articles before a vowel (l'Iran, d'Irak, qu'il). Machine translation leaves "
           "some of them in place or turns \"l'Iran\" into \"the 'Iran\": a stray apostrophe and often an "
           "article English does not use. Names that keep the elision in English (Quai d'Orsay, Côte "
           "d'Ivoire, L'Oréal) and loanwords (coup d'état) are not flagged.",
       message="French elision left in English: '{match}'.",
       fix="safe",
       bad=[{"text": "He blamed the allies of [[the 'Iran]] for the raid.",
             "fixed": "He blamed the allies of Iran for the raid.",
             "message": "allies of Iran"},
            {"text": "The statement came from the staff [[of l'Élysée]] on Monday.",
             "fixed": "The statement came from the staff of the Élysée on Monday."},
            {"text": "The museum [[d'Orsay]] reopened on Monday.", "fixed": "The museum of Orsay reopened on Monday."},
            "He said [[qu'il]] would stay."],
       good=["He met the ambassador at the Quai d'Orsay.",
             "The coup d'état failed within hours.",
             "She worked for L'Oréal and later for the 'Opposition' newspaper.",
             "Rock 'n' roll is here to stay, the farmers' union said.",
             "Exports from Côte d'Ivoire rose."])
def french_elision(doc, ctx):
    prose = doc.prose
    stray = _passes(STRAY_APOSTROPHE_GATES, prose)
    elision = _passes(ELISION_GATES, prose)
    if not stray and not elision:
        return
    known = elision_knowledge()
    seen = set()
    for m in _stray_apostrophes(prose) if stray else ():
        word = m.group("word")
        if not _starts_with_vowel_sound(word) or _quoted_until(prose, m.end()):
            continue
        start = m.start("the")
        the = m.group("the")
        seen.add(m.start("q"))
        if the.lower() == "the":
            if word.casefold() in known["no_article"]:
                right, safe = (word if the[0].islower() else word[:1].upper() + word[1:]), True
            else:
                right, safe = f"{the} {word}", False
        else:
            right, safe = f"{the} {word}", True
        before = _context_before(prose, start)
        shown = f"{before} {right}".strip()
        yield Hit(start, m.end(),
                  f"Stray apostrophe after '{the}' (French elision 'l'{word}' left over): write '{shown}'.",
                  replacement=right, safe=safe, suggestions=(right,))
    for m in _elisions(prose) if elision else ():
        if m.start("q") in seen:
            continue
        if _is_name_or_loanword(prose, m, known):
            continue
        el, word = m.group("el"), m.group("word")
        start = m.start()
        previous = compile_cached(r"([\p{L}]+)\s+$").search(prose[max(0, start - 40):start])
        replacement, safe, what = None, False, f"{el}{m.group('q')}"
        if el == "l":
            if word.casefold() in known["no_article"]:
                replacement, safe = word, True
            else:
                replacement = f"the {word}"
            if previous and previous.group(1).lower() in ("of", "from", "to", "in", "on", "at", "for", "by", "with"):
                start = m.start() - len(previous.group(0))
                replacement = f"{previous.group(1)} {replacement}"
        elif el == "d":
            replacement = f"of {word}"
        suggestions = (replacement,) if replacement else ()
        message = (f"French elision {what} left in English ('{m.group()}'): write '{replacement}'." if replacement
                   else f"French elision {what} left in English: '{m.group()}' is French; translate it.")
        yield Hit(start, m.end(), message, replacement=replacement, safe=safe if replacement else None,
                  suggestions=suggestions)


def _is_name_or_loanword(prose: str, m, known) -> bool:
    start, end = m.start(), m.end()
    window_start = max(0, start - 30)
    for pattern in known["phrases"]:
        for p in pattern.finditer(prose, window_start, min(len(prose), end + 30)):
            if p.start() <= start and end <= p.end():
                return True
    previous = compile_cached(r"(\S+)\s+$").search(prose[window_start:start])
    if previous:
        word = previous.group(1)
        # "Quai d'Orsay", "Palme d'Or", "Comité national d'éthique": part of a French name or phrase.
        if word[:1].isupper() and word[-1:].isalpha():
            return True
        if word.lower() in known["french_words"]:
            return True
    following = compile_cached(r"\s+(\S+)").match(prose[end:end + 40])
    if m.group("word")[:1].isupper() and following and following.group(1)[:1].isupper():
        return True  # a French title or name: "Mozart, l'Opéra Rock", "l'Express Magazine"
    if following and following.group(1).lower().strip(",.;:") in known["french_words"] and m.group("el") != "l":
        return True  # a French phrase quoted as it is ("d'un seul coup", "qu'on le veuille ou non")
    return False
