"""Who held which office when, and which officeholders an article names (and with what title).

Data: rules/knowledge/officeholders.yaml (terms) and rules/knowledge/titles.yaml (what each
country calls each office). The title rules check a title against the named person's office
and term; the date rules take the time frame of an article from the officeholders it names.
This module registers no rule.
"""
from __future__ import annotations

import calendar
import datetime as dt
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse

import regex

from .. import knowledge
from ..packs import compile_cached

#: Words before a title that move it out of the article's present ("former Defense Secretary").
NOT_NOW = r"(?i:former|ex-|then-|then|late|future|incoming|would-be|onetime|one-time)"

#: How messages name an office when the country has no title of its own for it in titles.yaml.
GENERIC_OFFICE = {"head-of-state": "President", "head-of-government": "Prime Minister",
                  "foreign": "Foreign Minister", "defense": "Defence Minister", "treasury": "Finance Minister",
                  "interior": "Interior Minister", "justice": "Justice Minister"}


@dataclass(frozen=True)
class Term:
    """One person in one office for one period."""

    name: str
    names: tuple[str, ...]
    country: str
    office: str
    start: dt.date
    end: dt.date | None  # None: in office at `as_of`
    acting: bool = False

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def last_day(self) -> dt.date:
        """The end of the term, or the later of `as_of` and today for a term still open."""
        return self.end or max(as_of(), dt.date.today())

    def span(self) -> str:
        """'July 2019 – November 2020', as messages quote a term."""
        end = self.end.strftime("%B %Y") if self.end else "today"
        return f"{self.start.strftime('%B %Y')} – {end}"

    def office_title(self) -> str:
        """'US Secretary of Defense': the country's label and its formal title for the office."""
        return f"{country_label(self.country)} {office_name(self.country, self.office)}"


@dataclass(frozen=True)
class Mention:
    """An officeholder named in the article, with the title written before the name, if any."""

    start: int
    end: int
    name: str
    title: str | None = None
    title_start: int | None = None
    #: The country adjective written before the title ("US" in "US Secretary of State").
    adjective: str | None = None
    #: "former", "then-"...: the title is not the article's present.
    qualifier: str | None = None

    @property
    def terms(self) -> tuple[Term, ...]:
        return terms_of(self.name)


def parse_day(value, last: bool = False) -> dt.date | None:
    """YYYY-MM-DD, or YYYY-MM / YYYY (the first day, or with `last` the last day, of the period)."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(text)
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1)
        return dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
    except ValueError:
        raise ValueError(f"officeholders.yaml: invalid date {value!r}") from None


@lru_cache(maxsize=None)
def _data() -> dict:
    return knowledge.load("officeholders")


@lru_cache(maxsize=None)
def conventions() -> dict:
    return knowledge.load("titles")


def as_of() -> dt.date:
    return parse_day(_data().get("as_of")) or dt.date.today()


@lru_cache(maxsize=None)
def terms() -> tuple[Term, ...]:
    out = []
    for e in _data()["officeholders"]:
        names = (e["name"], *e.get("aliases", ()))
        out.append(Term(e["name"], tuple(names), e["country"], e["office"], parse_day(e["from"]),
                        parse_day(e.get("to"), last=True), bool(e.get("acting", False))))
    return tuple(out)


@lru_cache(maxsize=None)
def _by_folded_name() -> dict[str, str]:
    """Folded full name or alias -> the person's canonical name."""
    return {fold(n): t.name for t in terms() for n in t.names}


@lru_cache(maxsize=None)
def terms_of(name: str) -> tuple[Term, ...]:
    return tuple(t for t in terms() if t.name == name)


def complete_offices(country: str) -> set[str]:
    """Offices whose holders the knowledge base records completely for `country`."""
    data = _data()
    return set(data.get("complete", ())) | set((data.get("also_complete") or {}).get(country, ()))


def country_label(country: str) -> str:
    return conventions()["countries"].get(country, {}).get("names", [country])[0]


def portfolio_titles(country: str, office: str) -> dict:
    return conventions()["countries"].get(country, {}).get("portfolios", {}).get(office) or {}


def office_name(country: str, office: str) -> str:
    return portfolio_titles(country, office).get("title") or GENERIC_OFFICE.get(office, office)


# --- names -------------------------------------------------------------------------------------
_SPECIAL = {"ı": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "’": "'", "‘": "'",
            "ß": "s", "æ": "a", "œ": "o"}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c.isascii():
        return c.lower()
    if c in _SPECIAL:
        return _SPECIAL[c]
    base = unicodedata.normalize("NFD", c)[0]
    return base.lower()[0] if base.isascii() else c.lower()[0]


def fold(text: str) -> str:
    """Lower case without accents, one character for one: offsets stay those of `text`."""
    if text.isascii():
        return text.lower()
    return _fold_non_ascii(text, set(text).difference(_ASCII))


def _fold_non_ascii(text: str, characters) -> str:
    """fold(text), given the non-ASCII characters of `text`.

    A text has few distinct non-ASCII characters: replace each (one C-level pass apiece) and
    lower-case the rest, instead of a per-character table lookup over the whole text (speed)."""
    out = text
    for c in characters:
        f = _fold_char(c)
        if f != c:
            if not _stable(f):
                return _fold_by_table(text)
            out = out.replace(c, f)
        elif not _stable(c):
            return _fold_by_table(text)
    return out.lower()


#: The ASCII characters (fold lower-cases them; only the others need a table).
_ASCII = frozenset(map(chr, range(128)))


@lru_cache(maxsize=4096)
def _stable(c: str) -> bool:
    """`c` is its own fold and its own lower case: `str.lower` leaves it as it is in `fold`."""
    return _fold_char(c) == c and c.lower() == c


def _fold_by_table(text: str) -> str:
    return text.translate({ord(c): _fold_char(c) for c in set(text)})


def _alternation(words) -> str:
    """The words as a regex alternation, longest first (then in alphabetical order, so that the
    pattern is the same in every process and its compiled form can be cached)."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=longest_first))


def longest_first(word: str) -> tuple[int, str]:
    """Sort key: longer words first, then in alphabetical order."""
    return -len(word), word


# --- finding words fast: a set lookup before any regex ----------------------------------------
_WORD = compile_cached(r"\w+")
#: To split text into words, on its UTF-8 bytes: ASCII characters that are not word characters
#: become spaces; the bytes of other characters (all >= 0x80) stay as they are.
_ASCII_NOT_WORD_BYTES = bytes(c if (chr(c).isalnum() or c == 95) else 32 for c in range(128)) + bytes(range(128, 256))
#: The one character case-insensitive matching takes for an ASCII letter ('s') that fold() keeps.
_LONG_S = "\u017f"


@lru_cache(maxsize=4096)
def _is_word_char(c: str) -> bool:
    return _WORD.match(c) is not None


def folded_prose(doc) -> str:
    def compute():
        prose = doc.prose
        return prose.lower() if prose.isascii() else _fold_non_ascii(prose, doc.non_ascii_characters)

    return doc.memo("folded_prose", compute)


def word_runs(doc) -> set[str]:
    """The words (maximal runs of regex word characters) of the folded prose, as a set, with
    maybe other strings that no folded run can be (punctuation marks, words with an apostrophe
    or with letters not folded).

    Names and titles are looked up here first: most articles name no officeholder, and a set
    intersection costs nothing next to a regex of hundreds of alternatives over the text.
    """

    def compute():
        prose = doc.prose
        if "_" not in prose and prose.isascii():
            # The folded prose is the prose in lower case, and the tokens' lower-case forms hold
            # every run: a word token is a run, or runs joined by apostrophes (speed: no pass
            # over the text).
            vocabulary = doc.vocabulary
            if "'" not in prose:
                return vocabulary  # most articles: every word token is a run
            return {part for word in vocabulary if "'" in word for part in word.split("'")}.union(vocabulary)
        if "_" not in prose and doc.latin and all(map(_folds_as_token, doc.non_ascii_characters)):
            # The same, with the few forms beyond ASCII folded ("’" becomes "'") first.
            vocabulary = doc.vocabulary
            if "'" not in prose and "’" not in prose and "‘" not in prose:
                return vocabulary.union(map(fold, filterfalse(str.isascii, vocabulary)))
            return {part for word in vocabulary if "'" in word or not word.isascii()
                    for part in fold(word).split("'") if part}.union(vocabulary)
        folded = folded_prose(doc)
        if not folded.isascii():
            # The few distinct non-ASCII characters that are not word characters become spaces
            # (white space splits as it is); the ASCII ones go in one byte-table pass below.
            for c in {_fold_char(c) for c in doc.non_ascii_characters}.difference(_ASCII):
                if not _is_word_char(c) and not c.isspace():
                    folded = folded.replace(c, " ")
        return set(folded.encode("utf-8").translate(_ASCII_NOT_WORD_BYTES).decode("utf-8").split())

    return doc.memo("folded_word_runs", compute)


@lru_cache(maxsize=4096)
def runs_agree(c: str) -> bool:
    """Whether word_runs (module regex, on the folded prose) and the tokeniser (module re, for
    which a letter or digit is str.isalnum) both take `c` as part of a word, or neither does."""
    return c.isalnum() == _is_word_char(c) == _is_word_char(_fold_char(c))


@lru_cache(maxsize=4096)
def _folds_as_token(c: str) -> bool:
    """Whether `c` folds as its lower case does (one character: fold(token.lower()) is then
    fold(token)), and word runs and tokens agree on it (runs_agree)."""
    lower = c.lower()
    return len(lower) == 1 and _fold_char(lower) == _fold_char(c) and runs_agree(c)


def first_words(alternatives) -> frozenset[str]:
    """The folded first word of each alternative (for `finditer_from_words`)."""
    out = set()
    for a in alternatives:
        m = _WORD.match(fold(a))
        if not m:
            raise ValueError(f"{a!r} does not start with a word character")
        out.add(m.group())
    return frozenset(out)


def finditer_from_words(doc, pattern, firsts: frozenset[str]):
    """The matches of `pattern.finditer(doc.prose)`, tried only where a word of `firsts` starts.

    For patterns whose every match starts with a whole word (not preceded or followed by a word
    character) that folds to one of `firsts`: the same matches, in the same order, without
    running the pattern over the rest of the text.
    """
    prose = doc.prose
    if _LONG_S in prose:
        yield from pattern.finditer(prose)
        return
    last = 0
    for s in word_starts(doc, firsts):
        if s < last:
            continue
        m = pattern.match(prose, s)
        if m:
            yield m
            last = max(m.end(), s + 1)


def word_starts(doc, firsts: frozenset[str]) -> list[int]:
    """Offsets, in order, where a whole word of the folded prose that is one of `firsts` starts
    (once per document and set of words: the title rules share theirs)."""

    def compute():
        present = word_runs(doc) & firsts
        if not present:
            return []
        folded = folded_prose(doc)
        size = len(folded)
        starts = []
        for w in present:
            i = folded.find(w)
            while i >= 0:
                j = i + len(w)
                if (i == 0 or not _is_word_char(folded[i - 1])) and (j == size or not _is_word_char(folded[j])):
                    starts.append(i)
                i = folded.find(w, j)
        starts.sort()
        return starts

    return doc.memo(("word_starts", firsts), compute)


@lru_cache(maxsize=None)
def _name_first_words() -> frozenset[str]:
    return frozenset(_names_by_first_word())


@lru_cache(maxsize=None)
def _names_by_first_word() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Folded first word -> (folded name, all its words), for every name and alias."""
    index: dict[str, list] = {}
    for name in _by_folded_name():
        words = _WORD.findall(name)
        index.setdefault(words[0], []).append((name, frozenset(words)))
    return index


@lru_cache(maxsize=None)
def _one_name_pattern(name: str):
    return compile_cached(rf"(?<![\w'-])(?:{_alternation([name])})(?![\w-])")


def _name_matches(doc) -> list[tuple[int, int, str]]:
    """(start, end, matched text) of known names in the folded prose, as one alternation of all
    names (longest first) would find them; only names whose every word is in the article are
    tried (each word of a name is a whole word of the text where the name matches)."""
    runs = word_runs(doc)
    index = _names_by_first_word()
    candidates = [n for w in runs.intersection(_name_first_words()) for n, words in index[w] if words <= runs]
    if not candidates:
        return []
    folded = folded_prose(doc)
    found = sorted((m.start(), -len(n), m.end(), m.group())
                   for n in candidates for m in _one_name_pattern(n).finditer(folded, overlapped=True))
    out, last = [], 0
    for start, _, end, text in found:
        if start >= last:
            out.append((start, end, text))
            last = end
    return out


def title_phrases() -> list[str]:
    """Every title phrase the rules recognise, generic and country-specific."""
    data = conventions()
    phrases = set(data["titles"]) | set(data["minister_titles"])
    for c in data["countries"].values():
        for p in (c.get("portfolios") or {}).values():
            for key in ("title", "short", "title_gb", "short_gb"):
                if p.get(key):
                    phrases.add(p[key])
            for key in ("also", "wrong", "wrong_for_holder"):
                phrases.update(p.get(key, ()))
    return sorted(phrases)


@lru_cache(maxsize=None)
def adjectives() -> dict[str, str]:
    """'US' -> 'US', 'American' -> 'US': country words written before a title."""
    return {n: cid for cid, c in conventions()["countries"].items() for n in c.get("names", ())}


@lru_cache(maxsize=None)
def _title_before():
    """A title (with its country word and a 'former' before it) ending just before a name."""
    titles = _alternation(title_phrases())
    adj = _alternation(adjectives())
    return compile_cached(rf"(?:(?<![\w-])(?P<q>{NOT_NOW})[\s-]*)?(?:(?<![\w-])(?P<adj>{adj})\s+)?"
                         rf"(?<![\w-])(?P<title>(?i:{titles})),?\s+$")


@lru_cache(maxsize=None)
def _title_before_first_words() -> frozenset[str]:
    """The words a match of _title_before can start with: a qualifier, a country word, a title."""
    qualifiers = NOT_NOW[len("(?i:"):-1].split("|")
    return first_words([*qualifiers, *adjectives(), *title_phrases()])


def _title_before_search(doc, start: int, end: int):
    """`_title_before().search(doc.prose, start, end)`, tried only where one of its first words
    starts (each part of the pattern begins after a character that is not a word character or
    '-'): the same match, without trying the pattern at every offset of the window (speed)."""
    prose = doc.prose
    if _LONG_S in prose:
        return _title_before().search(prose, start, end)
    starts = word_starts(doc, _title_before_first_words())
    pattern = _title_before()
    for s in starts[bisect_left(starts, start):bisect_left(starts, end)]:
        m = pattern.match(prose, s, end)
        if m:
            return m
    return None


def mentions(doc) -> list[Mention]:
    """Known officeholders named in full in the article, in order, with the title before each."""

    def compute():
        out = []
        for start, end, text in _name_matches(doc):
            name = _by_folded_name()[" ".join(text.split())]
            window_start = max(0, start - 90)
            t = _title_before_search(doc, window_start, start)
            if t:
                out.append(Mention(start, end, name, " ".join(t.group("title").split()), t.start("title"),
                                   t.group("adj"), t.group("q")))
            else:
                out.append(Mention(start, end, name))
        return out

    return doc.memo("officeholder_mentions", compute)


@lru_cache(maxsize=4096)
def title_office(title: str, country: str) -> tuple[str | None, str]:
    """What office `title` names for an official of `country`, and how the country judges it.

    The judgement is "ok" (the country uses this title), "wrong" (never used there),
    "wrong_for_holder" (used for junior posts, wrong for the holder), "minister" (a minister
    title in a country without ministers) or "generic" (no convention recorded: taken as is).
    """
    key = title.casefold()
    c = conventions()["countries"].get(country, {})
    for office, p in (c.get("portfolios") or {}).items():
        forms = [p.get(k) for k in ("title", "short", "title_gb", "short_gb")] + list(p.get("also", ()))
        if any(f and f.casefold() == key for f in forms):
            return office, "ok"
    for office, p in (c.get("portfolios") or {}).items():
        if any(f.casefold() == key for f in p.get("wrong", ())):
            return office, "wrong"
        if any(f.casefold() == key for f in p.get("wrong_for_holder", ())):
            return office, "wrong_for_holder"
    data = conventions()
    minister = {k.casefold(): v for k, v in data["minister_titles"].items()}
    if c.get("ministers", True) is False and key in minister:
        return minister[key], "minister"
    generic = {k.casefold(): v for k, v in data["titles"].items()}
    office = generic.get(key) or minister.get(key)
    return office, "generic"


# --- the time frame officeholders give an article --------------------------------------------
@dataclass(frozen=True)
class TimeFrame:
    #: (first day, last day) of each period the frame allows, in order.
    intervals: tuple[tuple[dt.date, dt.date], ...]
    #: The term that bounds the frame most narrowly, quoted in messages.
    term: Term

    def describe(self) -> str:
        return f"time frame from {self.term.name}'s term as {self.term.office_title()}"


def _intersect(a: list[tuple], b: list[tuple]) -> list[tuple]:
    out = []
    for s1, e1, t1 in a:
        for s2, e2, t2 in b:
            s, e = max(s1, s2), min(e1, e2)
            if s <= e:
                narrow = t1 if (e1 - s1) <= (e2 - s2) else t2
                out.append((s, e, narrow))
    return out


def time_frame(doc) -> TimeFrame | None:
    """When the article is set, from the officeholders it names with their present title.

    Each titled mention ("Defense Secretary Mark Esper", not "former ...") contributes the terms
    of that person in the office the title names; the frame is where all of them overlap
    (a person who would leave no overlap is skipped). None when no one qualifies.
    """

    def compute():
        frame = None
        used = set()
        for m in mentions(doc):
            if m.title is None or m.qualifier or m.name in used:
                continue
            person_terms = m.terms
            office, _ = title_office(m.title, person_terms[0].country)
            chosen = [t for t in person_terms if t.office == office] or list(person_terms)
            intervals = [(t.start, t.last_day(), t) for t in chosen]
            merged = intervals if frame is None else _intersect(frame, intervals)
            if merged:
                frame = merged
                used.add(m.name)
        if not frame:
            return None
        narrow = min(frame, key=lambda f: (f[2].last_day() - f[2].start))[2]
        return TimeFrame(tuple(sorted((s, e) for s, e, _ in frame)), narrow)

    return doc.memo("officeholder_time_frame", compute)
