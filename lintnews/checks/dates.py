"""Dates an editor must get right: a weekday that matches its date, a date that exists.

"Tuesday January 31" without a year is checked against the year the article implies. The
year is resolved in this order, and the message says which source it used:

1. the `--date` option (or `date` in the configuration);
2. the article's own date: front matter `date`, or a dateline ("BAGHDAD, Dec 31 (Reuters)",
   a line "Dec. 31, 2019" at the top);
3. the time frame of the officeholders the article names with their title ("Defense Secretary
   Mark Esper": July 2019 - November 2020);
4. a year written in the text near the date;
5. today's date, reported as an assumption (and at info severity: the year is a guess).

Among the possible years, the date closest to the reference wins: news tells of the recent
past and the near future.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import regex

from ..finding import Severity
from ..packs import compile_cached
from . import Hit, check
from .officeholders import finditer_from_words, first_words, longest_first, time_frame

WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
    # French weekdays left untranslated ("mardi 31 décembre").
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}
WEEKDAY_NAMES = list(calendar.day_name)
_FULL_NAMES = {n.lower() for n in [*calendar.day_name, *calendar.month_name] if n}
MONTH_NAMES = list(calendar.month_name)
#: English month and weekday names are capitalised in copy; French ones are not.
_FRENCH = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février",
           "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre",
           "novembre", "décembre", "decembre"}


def _words(table, dots: bool = True) -> str:
    forms = set()
    for w in table:
        if w in _FRENCH:
            forms.update({w, w.capitalize()})
        else:
            forms.add(w.capitalize())
            if dots and w not in _FULL_NAMES:
                forms.add(w.capitalize() + r"\.")
    return "|".join(sorted(forms, key=longest_first))


WD = rf"(?P<weekday>{_words(WEEKDAYS)})"
MON = rf"(?P<month>{_words(MONTHS)})"
#: A month after its day: a dot after an abbreviation is taken only before a year (else it may end
#: the sentence).
MON2 = rf"(?P<month2>{_words(MONTHS, dots=False)})(?:\.(?=,?\s+(?:19|20)\d\d))?"
DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th|er)?(?![\d:])"
YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d|,\d))?"
REL = r"(?:(?P<rel>(?i:last|next|this coming|this|coming))\s+)?"

#: "Tuesday January 31", "Tuesday, Jan. 31, 2020", "Tuesday (January 31)", "Tuesday the 31st of January",
#: "Tue 31 Jan 2023", "mardi 31 décembre".
WEEKDAY_DATE = compile_cached(
    rf"(?<![\w-]){REL}{WD},?\s+(?P<paren>\()?(?:the\s+|le\s+)?"
    rf"(?:{MON}\s+{DAY}|{DAY.replace('day>', 'day2>')}\s+(?:of\s+)?{MON2}){YEAR}"
    rf"(?(paren)\))")
#: Any day and month, for dates that do not exist ("February 30", "31 April").
DAY_MONTH = compile_cached(
    rf"(?<![\w-])(?:{MON}\s+{DAY}|{DAY.replace('day>', 'day2>')}\s+(?:of\s+)?{MON2}){YEAR}")
#: The words every match of WEEKDAY_DATE (a relative word or a weekday) and DAY_MONTH (a month
#: or a day number with its suffix) starts with: the patterns are tried only there (speed).
_WEEKDAY_DATE_FIRST = first_words(["last", "next", "this", "coming", *WEEKDAYS])
_DAY_MONTH_FIRST = first_words([*MONTHS, *(f"{p}{d}{suffix}" for d in range(1, 32) for p in ("", "0") if p == "" or d < 10
                                          for suffix in ("", "st", "nd", "rd", "th", "er"))])


#: WEEKDAY_DATE from its weekday on. Every match of WEEKDAY_DATE holds a match of this where its
#: weekday starts, so an article where no weekday starts one has no weekday date (speed: "last",
#: "next" and "this" start no search then, and most weekdays are "on Tuesday" without a date).
_WEEKDAY_TAIL = compile_cached(
    rf"{WD},?\s+(?P<paren>\()?(?:the\s+|le\s+)?"
    rf"(?:{MON}\s+{DAY}|{DAY.replace('day>', 'day2>')}\s+(?:of\s+)?{MON2}){YEAR}"
    rf"(?(paren)\))")
_WEEKDAY_FIRST = first_words(WEEKDAYS)


#: Day 29, 30 or 31 as DAY can match it: after a character that is not a word character (white
#: space in both date patterns, or their look-behind), not followed by a digit or ':' (a suffix
#: such as 'th' is no digit and, taken or not, leaves the same test for the character after '30').
_LATE_DAY = compile_cached(r"(?<!\w)(?:29|3[01])(?![\d:])")


def _has_late_day(prose: str) -> bool:
    """_LATE_DAY.search(prose), the pattern tried only where "29", "30" or "31" is (found in C)."""
    for day in ("29", "30", "31"):
        i = prose.find(day)
        while i >= 0:
            if _LATE_DAY.match(prose, i) is not None:
                return True
            i = prose.find(day, i + 1)
    return False


def weekday_dates(doc) -> list:
    """WEEKDAY_DATE matches in the prose, found once for the date rules."""

    def compute():
        if next(finditer_from_words(doc, _WEEKDAY_TAIL, _WEEKDAY_FIRST), None) is None:
            return []
        return list(finditer_from_words(doc, WEEKDAY_DATE, _WEEKDAY_DATE_FIRST))

    return doc.memo("weekday_dates", compute)


def day_months(doc) -> list:
    """DAY_MONTH matches in the prose."""
    return doc.memo("day_months", lambda: list(finditer_from_words(doc, DAY_MONTH, _DAY_MONTH_FIRST)))


#: After "June 31" a lower-case word other than these means a count ("in June 31 people died").
DATE_FOLLOWERS = frozenset("""and or to at in on by when until the was is will had has after before that this
last next as from with for since of while but were are after""".split())
YEAR_IN_TEXT = compile_cached(r"(?<![\w,.$£€-])(?<!(?i:since|until|till|before|after|by|from|between|to|than|and)\s+)"
                             r"(?:19[5-9]\d|20\d\d)(?!\w|[,.]\d)")
#: How far from a date a year written in the text is taken as its year.
YEAR_DISTANCE = 400

DATELINE = compile_cached(
    rf"\A\s*[A-Z][A-Z.'’ -]{{2,}}(?:,\s*[A-Z][\w.'’ -]+)?,\s*{MON}\s+{DAY}{YEAR}\s*(?:\([A-Z][\w .-]*\))?\s*[-–—:]?")
DATE_LINE = compile_cached(
    rf"^[ \t]*(?:(?:Published|Updated|Posted|Dated)\s*:?\s*)?(?:{WD},?\s+)?"
    rf"(?:{MON}\s+{DAY}|{DAY.replace('day>', 'day2>')}\s+{MON2}),?\s+(?P<year>(?:19|20)\d\d)"
    rf"(?:\s*,?\s*(?:at\s+)?\d{{1,2}}[:.h]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?[ \t]*$", regex.M)


@dataclass(frozen=True)
class Reference:
    """What the year of a date without one is resolved against."""

    source: str  # option | document | officeholders | text | today
    intervals: tuple[tuple[dt.date, dt.date], ...]
    description: str

    @property
    def severity(self) -> Severity:
        if self.source == "today":
            return Severity.INFO
        if self.source in ("officeholders", "text"):
            return Severity.WARNING
        return Severity.ERROR


def _point(day: dt.date) -> tuple[tuple[dt.date, dt.date], ...]:
    return ((day, day),)


def _distance(day: dt.date, intervals) -> int:
    return min(0 if s <= day <= e else min(abs((day - s).days), abs((day - e).days)) for s, e in intervals)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve(month: int, day: int, ref: Reference) -> list[dt.date]:
    """The dates `month`/`day` may be, closest to the reference first (several when equally close)."""
    years = range(min(s.year for s, _ in ref.intervals) - 1, max(e.year for _, e in ref.intervals) + 2)
    candidates = [d for d in (_valid(y, month, day) for y in years) if d]
    if not candidates:
        return []
    best = min(_distance(d, ref.intervals) for d in candidates)
    return sorted((d for d in candidates if _distance(d, ref.intervals) == best), reverse=True)


def long_date(day: dt.date) -> str:
    return f"{MONTH_NAMES[day.month]} {day.day}, {day.year}"


def _month_day(m) -> tuple[int, int]:
    month = m.group("month") or m.group("month2")
    number = m.group("day") or m.group("day2")
    return MONTHS[month.rstrip(".").lower()], int(number)


def _document_day(doc, ctx) -> tuple[dt.date, str] | None:
    """The article's own date: front matter, or a dateline (its year resolved if it has none)."""
    value = doc.metadata.get("date")
    if value:
        if isinstance(value, dt.datetime):
            return value.date(), "the article's date"
        if isinstance(value, dt.date):
            return value, "the article's date"
        try:
            return dt.date.fromisoformat(str(value).strip()[:10]), "the article's date"
        except ValueError:
            pass
    head = doc.prose[:400]
    # A date line has a year: 19xx or 20xx (speed: no search of the head without one).
    m = DATELINE.match(doc.prose) or (("19" in head or "20" in head) and DATE_LINE.search(head)) or None
    if m:
        month, day = _month_day(m)
        if m.group("year"):
            found = _valid(int(m.group("year")), month, day)
            return (found, "the dateline") if found else None
        ref = _reference_without_document(doc, m.start())
        found = resolve(month, day, ref)
        if found:
            return found[0], "the dateline"
    return None


def document_date(doc, ctx) -> tuple[dt.date, str] | None:
    """The date the article is written on, when it says so: --date, front matter or dateline."""
    if ctx.config.date:
        return ctx.config.date, "--date"
    return doc.memo("document_day", lambda: _document_day(doc, ctx))


def _reference_without_document(doc, offset: int) -> Reference:
    frame = time_frame(doc)
    if frame:
        return Reference("officeholders", frame.intervals, frame.describe())
    year = _nearby_year(doc, offset)
    if year:
        return Reference("text", ((dt.date(year, 1, 1), dt.date(year, 12, 31)),), f"year from {year}, written nearby")
    today = dt.date.today()
    return Reference("today", _point(today), "year assumed from today's date: the article gives none")


def _nearby_year(doc, offset: int) -> int | None:
    years = doc.memo("years_in_text", lambda: [(m.start(), int(m.group())) for m in YEAR_IN_TEXT.finditer(doc.prose)])
    near = [(abs(pos - offset), year) for pos, year in years if abs(pos - offset) <= YEAR_DISTANCE]
    return min(near)[1] if near else None


def reference(doc, ctx, offset: int) -> Reference:
    """What a date at `offset` without a year is resolved against (see the module docstring)."""
    if ctx.config.date:
        return Reference("option", _point(ctx.config.date), f"year from --date {ctx.config.date.isoformat()}")
    own = document_date(doc, ctx)
    if own:
        day, where = own
        return Reference("document", _point(day), f"year from {where}, {long_date(day)}")
    return _reference_without_document(doc, offset)


def _suggestion(day: dt.date, weekday: int, year_written: bool, ref: Reference | None) -> dt.date | None:
    """A nearby date that does fall on the written weekday: the same day a month either side
    (a mistranslated month), the day either side (a typo), the same date a year either side."""
    candidates = []
    for delta in (-1, 1):
        month, year = day.month + delta, day.year
        if month == 0:
            month, year = 12, year - 1
        elif month == 13:
            month, year = 1, year + 1
        candidates.append(_valid(year, month, day.day))
    candidates += [day - dt.timedelta(days=1), day + dt.timedelta(days=1)]
    if not year_written:
        candidates += [_valid(day.year - 1, day.month, day.day), _valid(day.year + 1, day.month, day.day)]
    fitting = [c for c in candidates if c and c.weekday() == weekday]
    if ref is not None and ref.source != "today":
        inside = [c for c in fitting if _distance(c, ref.intervals) <= 31]
        fitting = inside or fitting
    return fitting[0] if fitting else None


def _is_count(doc, m) -> bool:
    """'In June 31 people died': a number after a month that counts something."""
    if m.group("month2") or m.group("year"):
        return False
    after = compile_cached(r"\s+([a-z]+)").match(doc.prose[m.end():m.end() + 30])
    return bool(after) and after.group(1) not in DATE_FOLLOWERS


def _impossible(month: int, day: int, year: int | None) -> bool:
    if day > 29 and month == 2:
        return True
    if day == 31 and month in (4, 6, 9, 11):
        return True
    return month == 2 and day == 29 and year is not None and not calendar.isleap(year)


@check("FC001", "weekday-date-mismatch", "error",
       "A weekday that does not fall on the date it is paired with ('Tuesday January 31' in 2020).",
       why="A wrong weekday is the error readers notice first and a newsroom corrects in public. Machine "
           "translation mistranslates months and drops years, so the pair is checked against the year the "
           "article implies: --date, the article's date or dateline, the officeholders it names, a year "
           "written nearby, and only then today's date (reported as an assumption, at info severity).",
       message="{match}: the weekday does not match the date.",
       bad=[{"text": "[[Tuesday, January 31, 2020]] was the deadline.",
             "message": "January 31, 2020 was a Friday, not a Tuesday"},
            {"text": "Defense Secretary Mark Esper spoke on [[Tuesday January 31]].",
             "message": "time frame from Mark Esper's term as US Secretary of Defense); did you mean Tuesday, December 31, 2019?"},
            {"text": "The vote is set for [[Wed 4 Mar]].", "options": {"date": "2021-02-20"},
             "message": "year from --date 2021-02-20"},
            {"text": "---\ndate: 2019-12-30\n---\nThe rally was on [[mardi 1er janvier]].", "format": "markdown",
             "message": "January 1, 2020 was a Wednesday, not a Tuesday"}],
       good=["Defense Secretary Mark Esper spoke on Tuesday, December 31.",
             "The summit opened on Thursday 31 October 2013.",
             "Police said on Friday that the suspect had fled.",
             "Ministers meet again next Friday."])
def weekday_date_mismatch(doc, ctx):
    for m in weekday_dates(doc):
        month, day = _month_day(m)
        written = int(m.group("year")) if m.group("year") else None
        if _impossible(month, day, written):
            continue  # FC002 reports it
        weekday = WEEKDAYS[m.group("weekday").rstrip(".").lower()]
        if written:
            dates = [_valid(written, month, day)]
            ref, source = None, None
        else:
            ref = reference(doc, ctx, m.start())
            dates = resolve(month, day, ref)
            source = ref.description
        if not dates or any(d.weekday() == weekday for d in dates):
            continue
        actual = dates[0]
        said = WEEKDAY_NAMES[weekday]
        message = f"{long_date(actual)} was a {WEEKDAY_NAMES[actual.weekday()]}, not a {said}"
        if source:
            message += f" ({source})"
        better = _suggestion(actual, weekday, bool(written), ref)
        if better:
            message += f"; did you mean {said}, {long_date(better)}?"
        else:
            message += "."
        severity = ref.severity if ref else Severity.ERROR
        yield Hit(m.start("weekday"), m.end(), message, severity=severity,
                  suggestions=(f"{said}, {long_date(better)}",) if better else ())


@check("FC002", "impossible-date", "error",
       "A date that does not exist: February 30, 31 April, February 29 of a year that is not a leap year.",
       why="A day that never existed is a typo or a translation slip that a reader spots at once.",
       message="{match} does not exist.",
       bad=[{"text": "The talks resume on [[February 30]].", "message": "February has 28 days (29 in a leap year)"},
            {"text": "Results are due by [[31 April]].", "message": "April has 30 days"},
            {"text": "The law took effect on [[February 29, 2023]].", "message": "2023 is not a leap year"},
            "The ceasefire began on [[Friday, 31st of June]]."],
       good=["The law took effect on February 29, 2024.", "Talks resumed on 30 April.",
             "In June 31 people were injured on the roads.", "Turnout was 31 percent in April."])
def impossible_date(doc, ctx):
    prose = doc.prose
    # A date that does not exist has day 29, 30 or 31, written as DAY matches it (speed: most
    # articles write none, and day_months is not searched for).
    if not _has_late_day(prose):
        return
    reported = []
    for pattern, found in ((WEEKDAY_DATE, weekday_dates(doc)), (DAY_MONTH, day_months(doc))):
        for m in found:
            if any(s <= m.start() < e for s, e in reported):
                continue  # the same date, already reported with its weekday
            month, day = _month_day(m)
            year = int(m.group("year")) if m.group("year") else None
            if not _impossible(month, day, year) or (pattern is DAY_MONTH and _is_count(doc, m)):
                continue
            start = m.start("weekday") if "weekday" in m.groupdict() and m.group("weekday") else m.start()
            name = MONTH_NAMES[month]
            if month == 2 and day == 29:
                why = f"{year} is not a leap year"
            elif month == 2:
                why = "February has 28 days (29 in a leap year)"
            else:
                why = f"{name} has 30 days"
            reported.append((start, m.end()))
            yield Hit(start, m.end(), f"{doc.prose[start:m.end()]!s} does not exist: {why}.")


@check("FC003", "relative-day-contradiction", "warning",
       "'last Tuesday' or 'next Friday' paired with a date on the wrong side of the article's date.",
       why="'Last Friday, March 6' in a story dated March 3 cannot both be right: one of them was changed "
           "in translation or editing. Only checked when the article's date is known (--date, front "
           "matter, dateline).",
       message="{match} contradicts the article's date.",
       bad=[{"text": "Voting ends [[next Friday, March 6]].", "options": {"date": "2020-03-10"},
             "message": "March 6, 2020 is before the article's date"},
            {"text": "---\ndate: 2020-03-02\n---\nThe ban started [[last Friday (March 6)]].", "format": "markdown",
             "message": "after the article's date"}],
       good=[{"text": "Voting ends next Friday, March 13.", "options": {"date": "2020-03-10"}},
             {"text": "The talks ended last Friday.", "options": {"date": "2020-03-10"}},
             "The ban started last Friday, March 6."])
def relative_day_contradiction(doc, ctx):
    for m in weekday_dates(doc):
        rel = (m.group("rel") or "").lower()
        if rel not in ("last", "next"):
            continue
        own = document_date(doc, ctx)
        if not own:
            return
        today, _ = own
        month, day = _month_day(m)
        if m.group("year"):
            found = _valid(int(m.group("year")), month, day)
            dates = [found] if found else []
        else:
            dates = resolve(month, day, Reference("document", _point(today), ""))
        if not dates:
            continue
        when = dates[0]
        if rel == "last" and when >= today:
            side = "on or after" if when == today else "after"
        elif rel == "next" and when <= today:
            side = "on or before" if when == today else "before"
        else:
            continue
        yield Hit(m.start(), m.end(), f"'{rel} {m.group('weekday')}' but {long_date(when)} is {side} the "
                                      f"article's date ({long_date(today)}).")
