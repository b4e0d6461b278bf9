"""French typography left in English copy, where the fix needs code: guillemets, numbers,
times, ordinals, words glued together by a lost space, and spaced hyphens counted per article.

The plain spacing rules (a space before ';', a missing space after ':') are declarative and
live in rules/typography.yaml.
"""
from __future__ import annotations

import re

import regex

from ..packs import compile_cached
from ..prefilter import matches_at, occurs
from . import Hit, check

SPACES = " \u00a0\u202f"

GUILLEMETS = compile_cached(r"«[ \u00a0\u202f]*([^«»\n]*?)[ \u00a0\u202f]*»")

NUMBER = compile_cached(r"\p{N}")


def _ascii_digits(doc) -> bool:
    """True when every \\p{N} of the article is 0-9 (no ², ½ or Arabic digit): then a cheap
    test written with [0-9] for the standard `re` finds every place \\p{N} would."""
    def compute():
        # The distinct non-ASCII characters, found once for every check that asks.
        return NUMBER.search("".join(doc.non_ascii_characters)) is None
    return doc.memo("typography.ascii-digits", compute)


def _article_quote_style(doc) -> str:
    """'straight' when the article's other quotations use straight marks (and none curly)."""
    straight = doc.prose.count('"')
    curly = doc.prose.count("“") + doc.prose.count("”")
    return "straight" if straight > curly else "curly"


@check("TY004", "guillemets", "warning",
       "French quotation marks « » (guillemets) in English copy.",
       why="English quotes with “ ” (or straight \" \"), without spaces inside the marks. Guillemets "
           "left by machine translation show the copy was not edited, and an article that quotes with "
           "“ ” elsewhere ends up with two styles on one page.",
       message="French guillemets: write {right}.",
       fix="safe",
       bad=[{"text": "He called it [[« a farce »]] on Monday.", "fixed": "He called it “a farce” on Monday.",
             "message": "“a farce”"},
            {"text": '"We stay," he said, calling it [[«a farce»]].', "fixed": '"We stay," he said, calling it "a farce".',
             "message": "as elsewhere in this article"}],
       good=["He called it “a farce” on Monday.", 'He called it "a farce" on Monday.'])
def guillemets(doc, ctx):
    if "«" not in doc.prose:
        return
    straight = _article_quote_style(doc) == "straight"
    opening, closing = ('"', '"') if straight else ("“", "”")
    for m in GUILLEMETS.finditer(doc.prose):
        right = f"{opening}{m.group(1)}{closing}"
        shown = right if len(right) <= 40 else f"{opening}…{closing}"
        elsewhere = " as elsewhere in this article" if straight or "“" in doc.prose else ""
        yield Hit(m.start(), m.end(),
                  f"French guillemets: write {shown}{elsewhere}, without spaces inside the marks.",
                  replacement=right, suggestions=(right,))


#: A number as French writes it: digits grouped by spaces, a decimal comma, a space before %,
#: a space after a sign. Digits with an English comma or point just before are not French.
FRENCH_NUMBER = compile_cached(
    r"(?<![\p{N},.\p{L}]|\p{N}[ \u00a0\u202f])"
    r"(?P<sign>\+[ \u00a0\u202f])?"
    r"(?P<int>\p{N}{1,3}(?:[ \u00a0\u202f]\p{N}{3})+|\p{N}+)"
    r"(?:,(?P<dec>\p{N}+))?"
    r"(?P<pct>[ \u00a0\u202f]?%)?"
    r"(?![\p{N}\p{L}]|,\p{N}|[ \u00a0\u202f]\p{N})"
    # "items 1,2 and 3": a list, not a decimal
    r"(?!\s+(?:and|or)\s+\p{N}+(?![,.]\p{N}))")

#: Where a French number has something French (digits grouped by a space, a decimal comma not
#: followed by exactly three digits, a space before % or after +), with 0-9 for \p{N}.
#: (The last group of digits grouped by spaces is not followed by a digit.) Each begins with a
#: literal: the standard `re` finds those fast.
FRENCH_NUMBER_GATES = (re.compile(r",(?<=[0-9],)(?:[0-9]{1,2}(?![0-9])|[0-9]{4})"),
                       re.compile(r" (?:(?<=[0-9] )(?:[0-9]{3}(?![0-9])|%)|(?<=\+ )[0-9])"))
#: What the second gate finds holds one of these (see FRENCH_ORDINAL_STRINGS); the first one's
#: strings ("2,5") are in most articles, as thousands ("2,500").
FRENCH_NUMBER_STRINGS = frozenset([*(f"{a} {b}" for a in "0123456789" for b in "0123456789"),
                                   *(f"{d} %" for d in "0123456789"), *(f"+ {d}" for d in "0123456789")])


#: UTF-8 bytes as what FRENCH_NUMBER_GATES[1] tells apart: "0" for a digit, the space, "%" and
#: "+" as they are, "x" for every other byte.
_NUMBER_CLASSES = bytes(48 if 48 <= c <= 57 else c if c in b" %+" else 120 for c in range(256))


def _spaced_number(prose: str) -> bool:
    """FRENCH_NUMBER_GATES[1].search(prose) is not None, for a text whose digits are 0-9: looked
    for as "0 000" (not followed by a digit), "0 %" or "+ 0" in its bytes turned into classes
    (substring searches in C, where the pattern stops at every space of the text)."""
    classes = prose.encode("utf-8", "surrogatepass").translate(_NUMBER_CLASSES)
    if b"0 %" in classes or b"+ 0" in classes:
        return True
    i = classes.find(b"0 000")
    while i >= 0:
        if classes[i + 5:i + 6] != b"0":
            return True
        i = classes.find(b"0 000", i + 1)
    return False


def _english_number(m) -> tuple[str, list[str]] | None:
    """The English form of a French-formatted number and what was French about it, or None."""
    whole = m.group("int")
    grouped = any(c in whole for c in SPACES)
    dec, pct, sign = m.group("dec"), m.group("pct"), m.group("sign")
    french_decimal = dec is not None and (len(dec) != 3 or grouped)
    spaced_pct = bool(pct) and pct[0] in SPACES
    problems = []
    if grouped:
        problems.append("spaces between thousands")
    if french_decimal:
        problems.append("a decimal comma")
    if spaced_pct:
        problems.append("a space before %")
    if sign:
        problems.append("a space after the sign")
    if not problems:
        return None
    digits = compile_cached(rf"[{SPACES}]").sub(",", whole) if grouped else whole
    text = ("+" if sign else "") + digits
    if dec is not None:
        text += ("." if french_decimal else ",") + dec
    if pct:
        text += "%"
    return text, problems


@check("TY005", "french-number", "warning",
       "Numbers in French format: a decimal comma (2,5%), thousands grouped by spaces (14 201), a space "
       "before % (8 %) or after a sign (+ 6%).",
       why="French writes 2,5 for two and a half and 14 201 for fourteen thousand two hundred and one. "
           "In English 2,5 reads as a typo and 4 000 as two numbers; a decimal comma can even be read as "
           "a thousands separator. English uses a point for decimals, a comma between thousands and no "
           "space before %.",
       message="French number format: write '{right}'.",
       fix="safe",
       bad=[{"text": "Inflation reached [[2,5%]] in May.", "fixed": "Inflation reached 2.5% in May."},
            {"text": "The index fell [[54,8 %]] and the debt reached [[14 201,57]] euros.",
             "fixed": "The index fell 54.8% and the debt reached 14,201.57 euros."},
            {"text": "About [[4 000]] people marched; shares rose [[+ 6%]].",
             "fixed": "About 4,000 people marched; shares rose +6%."}],
       good=["Inflation reached 2.5% in May.", "About 4,000 people marched in 2019, 300 more than in 2018.",
             "The vote was 1,073 to 902; shares rose 6%.", "Items 1,2 and 3 were approved on 12 May 2020."], tags=("spacing",),
       strings=FRENCH_NUMBER_STRINGS)
def french_number(doc, ctx):
    prose = doc.prose
    if "\u00a0" not in prose and "\u202f" not in prose and _ascii_digits(doc) and FRENCH_NUMBER_GATES[0].search(
            prose) is None and (not occurs(doc, FRENCH_NUMBER_STRINGS) or not _spaced_number(prose)):
        return
    for m in FRENCH_NUMBER.finditer(doc.prose):
        found = _english_number(m)
        if found is None:
            continue
        right, problems = found
        yield Hit(m.start(), m.end(),
                  f"French number format ({' and '.join(problems)}): write '{right}'.",
                  replacement=right, suggestions=(right,))


FRENCH_TIME = compile_cached(
    r"(?<![\p{L}\p{N}:.,])(?P<h>[01]?\p{Nd}|2[0-4])[ \u00a0]?h[ \u00a0]?(?P<m>[0-5]\p{Nd})(?![\p{L}\p{N}])")
#: Every French time has an h before its minutes' first digit.
FRENCH_TIME_GATE = re.compile(r"h[ \u00a0]?[0-5]")
#: What FRENCH_TIME_GATE finds, as strings (see FRENCH_ORDINAL_STRINGS).
FRENCH_TIME_STRINGS = frozenset(f"h{space}{d}" for space in ("", " ", "\u00a0") for d in "012345")
#: Words after which a French time is surely a time of day ("at 20h30"), not a duration.
TIME_OF_DAY_BEFORE = compile_cached(r"\b(?:at|from|until|till|to|by|around|about|before|after|since|between|and)\s+$",
                                   regex.IGNORECASE)


def english_time(hour: int, minute: int, variant: str) -> str:
    if variant == "en-GB":
        return f"{hour:02d}:{minute:02d}"
    if minute == 0 and hour == 12:
        return "noon"
    if minute == 0 and hour in (0, 24):
        return "midnight"
    suffix = "a.m." if hour % 24 < 12 else "p.m."
    h12 = hour % 12 or 12
    return f"{h12} {suffix}" if minute == 0 else f"{h12}:{minute:02d} {suffix}"


@check("TY006", "french-time", "warning",
       "Times of day in French format: 20h30, 9h00.",
       why="French writes 20h30 for half past eight in the evening. English copy writes 8:30 p.m. "
           "(AP style; 20:30 in en-GB). The fix is safe after 'at', 'from', 'until' and the like, where the "
           "figure is surely a time of day and not a duration.",
       message="French time format: write '{right}'.",
       fix="safe",
       bad=[{"text": "The meeting starts at [[20h30]] in Paris.", "fixed": "The meeting starts at 8:30 p.m. in Paris."},
            {"text": "Polls close at [[18h00]], results follow.", "fixed": "Polls close at 6 p.m., results follow."}],
       good=["The meeting starts at 8:30 p.m. in Paris.", "The flight number is AF1234h.",
             "Shares rose 2.5% by 10:30 a.m."],
       strings=FRENCH_TIME_STRINGS)
def french_time(doc, ctx):
    if not occurs(doc, FRENCH_TIME_STRINGS) or FRENCH_TIME_GATE.search(doc.prose) is None:
        return
    variant = ctx.config.variant
    for m in _french_times(doc.prose):
        hour, minute = int(m.group("h")), int(m.group("m"))
        right = english_time(hour, minute, variant)
        certain = TIME_OF_DAY_BEFORE.search(doc.prose, max(0, m.start() - 12), m.start()) is not None
        yield Hit(m.start(), m.end(), f"French time format: write '{right}'.", replacement=right,
                  safe=certain, suggestions=(right,))


def _french_times(prose: str):
    """FRENCH_TIME.finditer(prose), tried only one to three characters before each h that
    FRENCH_TIME_GATE finds: a match has one there (speed: most articles have an "h 1" in "with
    10" or "month 3", and the pattern is not run over the whole text)."""
    return matches_at(FRENCH_TIME, prose, (range(max(0, g.start() - 3), g.start())
                                           for g in FRENCH_TIME_GATE.finditer(prose)))


FRENCH_ORDINAL = compile_cached(r"(?<![\p{L}\p{N}.,])(?P<n>\p{Nd}{1,4})(?P<suffix>ers?|res?|ère|ères|èmes?|emes?|e|es)"
                               r"(?![\p{L}\p{N}]|[-+]?\p{N})")

#: A digit right before a French ordinal suffix (each begins with e, r or è).
FRENCH_ORDINAL_GATE = re.compile(r"[0-9][erè]")
#: What FRENCH_ORDINAL_GATE finds, as strings for the engine's gate index (prefilter.occurs):
#: most articles hold none, and the gate is not searched for (speed).
FRENCH_ORDINAL_STRINGS = frozenset(f"{d}{c}" for d in "0123456789" for c in "erè")


def english_ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


@check("TY009", "french-ordinal", "warning",
       "Ordinal numbers in French format: 1er, 3e, 2ème.",
       why="French abbreviates premier as 1er and troisième as 3e; in English 3e is not a word and 1er "
           "is not an abbreviation anyone reads. English writes 1st, 3rd.",
       message="French ordinal: write '{right}'.",
       fix="safe",
       bad=[{"text": "The [[1er]] round is on Sunday, the [[3e]] in June.",
             "fixed": "The 1st round is on Sunday, the 3rd in June."},
            {"text": "She lives in the [[11ème]] arrondissement.", "fixed": "She lives in the 11th arrondissement."}],
       good=["The 1st round is on Sunday.", "A reading of 3e-5 is low.", "Flight AF22e was late."],
       strings=FRENCH_ORDINAL_STRINGS)
def french_ordinal(doc, ctx):
    if _ascii_digits(doc) and (not occurs(doc, FRENCH_ORDINAL_STRINGS)
                               or FRENCH_ORDINAL_GATE.search(doc.prose) is None):
        return
    for m in FRENCH_ORDINAL.finditer(doc.prose):
        right = english_ordinal(int(m.group("n")))
        yield Hit(m.start(), m.end(), f"French ordinal: write '{right}'.", replacement=right, suggestions=(right,))


#: English words that are never glued to the capitalised word after them ("ofEmmanuel").
GLUED_FUNCTION_WORDS = frozenset("""
of the and in to for on with by from at as that said says but or an his her their its after before
during against between into about than was were is are has have had which who whom
""".split())
_LONGEST_FUNCTION_WORD = max(map(len, GLUED_FUNCTION_WORDS))
GLUED_WORD = compile_cached(r"(?<![\p{L}\p{N}])(?P<a>\p{Ll}{2,})(?P<b>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])")
GLUED_QUOTE = compile_cached(r"(?<=\p{Ll}[.,!?]?)(?P<a>[”»])(?P<b>\p{Lu}\p{Ll})"
                            r"|(?<=\p{Ll}{2})(?P<a>[.!?][\"”»]?)(?P<b>\p{Lu}\p{Ll}+)(?![\p{L}.])")

#: Every \p{Lu}: A-Z and the non-ASCII blocks that hold capitals (not Latin-1's lower-case
#: letters and symbols, not the General Punctuation block of quotation marks and dashes).
#: Written as what it leaves out: `re` compiles a class of a few small ranges at once, and
#: one that spans the code space (A-Z, U+00C0-U+00DE, U+0100-U+1FFF, U+2070 on) in 10 ms.
_CAPITAL = r"[^\x00-\x40\x5b-\xbf\xdf-\xff\u2000-\u206f]"
#: Every letter but A-Z: the lower-case letters (\p{Ll}) and more (a-z, and U+0080 on).
_LOWER = r"[^\x00-\x60\x7b-\x7f]"
#: Cheap gates for the standard `re`, each beginning with what it finds fast (a capital, a
#: literal): a glued word has a lower-case ASCII letter (the end of a function word) right
#: before a capital, and every GLUED_QUOTE match passes one of GLUED_QUOTE_GATES (they ask less).
GLUED_WORD_GATE = re.compile(_CAPITAL + "(?<=[a-z].)")
GLUED_QUOTE_GATES = tuple(re.compile(f"{mark}[\"”»]?{_CAPITAL}") for mark in "”»") + tuple(
    re.compile(f"\\{mark}(?<={_LOWER}{_LOWER}\\{mark})[\"”»]?{_CAPITAL}") for mark in ".!?")


#: ASCII bytes as classes: "a" for a lower-case letter, "A" for a capital, " " for the rest.
_LETTER_CASES = bytes(97 if 97 <= c <= 122 else 65 if 65 <= c <= 90 else 32 for c in range(256))


def _capitals_after_lower(prose: str):
    """Where GLUED_WORD_GATE matches: each capital right after a lower-case ASCII letter. In an
    ASCII text, found as "aA" in its bytes turned into letter cases (a C-level pass and a
    substring search, where the pattern tests a class of characters at every one)."""
    if not prose.isascii():
        yield from (m.start() for m in GLUED_WORD_GATE.finditer(prose))
        return
    cases = prose.encode("ascii").translate(_LETTER_CASES)
    i = cases.find(b"aA")
    while i >= 0:
        yield i + 1
        i = cases.find(b"aA", i + 1)


@check("TY010", "glued-words", "warning",
       "Words run together by a lost space: 'ofEmmanuel', 'weeks”A', 'said.The'.",
       why="Scrapers and MT pipelines drop the space at a line or tag boundary, gluing a word to the "
           "next one or to a quotation mark. Spell-checkers skip such tokens as names.",
       message="Missing space: '{match}'.",
       fix="safe",
       bad=[{"text": "It was the first visit [[ofEmmanuel]] Macron.", "fixed": "It was the first visit of Emmanuel Macron."},
            {"text": "“It will take weeks[[”A]]nother delay followed.", "fixed": "“It will take weeks” Another delay followed."},
            {"text": "The talks ended[[.T]]hey resume on Monday.", "fixed": "The talks ended. They resume on Monday."}],
       good=["The iPhone and eBay are brands; easyJet and McDonald's too.",
             "“It will take weeks.” Another delay followed.", "He holds a Ph.D. from Yale; see p.Ten."])
def glued_words(doc, ctx):
    prose = doc.prose
    # A finding is a function word (ASCII, lower case) right before a capital: the match of
    # GLUED_WORD, if any, starts at one of the function words that end where the gate (the
    # standard `re`) finds a capital after a lower-case letter; the pattern is not run over the
    # whole article (speed).
    for at in _capitals_after_lower(prose):
        for start in range(max(0, at - _LONGEST_FUNCTION_WORD), at - 1):
            if prose[start:at] in GLUED_FUNCTION_WORDS:
                m = GLUED_WORD.match(prose, start)
                if m is not None and m.group("a") in GLUED_FUNCTION_WORDS:
                    right = f"{m.group('a')} {m.group('b')}"
                    yield Hit(m.start(), m.end(), f"Missing space: '{m.group()}' is '{right}'.",
                              replacement=right, suggestions=(right,))
    # Cheap gates (the standard `re`, no look-behind on letters of every script); an ASCII text
    # has no ” or » (speed).
    quotes = any(gate.search(prose) for gate in (GLUED_QUOTE_GATES[2:] if prose.isascii() else GLUED_QUOTE_GATES))
    for m in GLUED_QUOTE.finditer(prose) if quotes else ():
        mark = m.group("a")
        first = m.group("b")[0]
        right = f"{mark} {first}"
        yield Hit(m.start(), m.start("b") + 1, f"Missing space after '{mark}': write '{right}'.",
                  replacement=right, suggestions=(right,))


SPACED_HYPHEN_GATE = re.compile("-(?<=[ \u00a0]-)[ \u00a0]")
SPACED_HYPHEN = compile_cached(r"(?<=[\p{L}\p{N},.)\"”’'])[ \u00a0]-[ \u00a0](?=[\p{L}\"“‘(])")


@check("TY011", "spaced-hyphen", "info",
       "Hyphens with a space on each side used as dashes ('terrorists - two men - and'), once per article.",
       why="A spaced hyphen is a typewriter stand-in for a dash: US copy uses an em dash (—), British copy "
           "a spaced en dash ( – ). Info only, and reported once per article at the first one (with the "
           "lines of the others): careful British copy types spaced hyphens too, and a desk may leave "
           "them to the publishing system.",
       message="Spaced hyphen used as a dash: write '—' or ' – '.",
       bad=["It was planned by two men[[ - ]]both known to police - and their allies.",
            "The plan failed.\n\nIts author[[ - ]]a former minister - resigned.\n\nHe left - quietly."],
       good=["It was planned by two men — both known to police — and their allies.",
             "The score was 3 - 1; a well-known pro-Iran group; pages 10 - 12."], tags=("spacing",))
def spaced_hyphen(doc, ctx):
    if SPACED_HYPHEN_GATE.search(doc.prose) is None:
        return
    found = list(SPACED_HYPHEN.finditer(doc.prose))
    if not found:
        return
    first = found[0]
    if len(found) == 1:
        more = ""
    else:
        lines = sorted({doc.position(m.start()).line for m in found[1:]})
        where = ", ".join(str(n) for n in lines[:8]) + (", ..." if len(lines) > 8 else "")
        more = f" ({len(found)} in this article; the others on line{'s' if len(lines) > 1 else ''} {where})"
    yield Hit(first.start(), first.end(),
              f"Spaced hyphen used as a dash{more}: write '—' (US) or ' – ' (UK).", suggestions=("—", " – "))
