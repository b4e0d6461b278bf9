"""Officials' titles: the country's own title, the person's own office, the right period.

"Defense Minister Mark Esper" (the US has no ministers), "Secretary of State Mark Esper" (he
ran the Pentagon), "Defense Secretary Mark Esper" in a story dated 2018 (his term began in July
2019), and one person with two titles in one article. Conventions and terms are data:
rules/knowledge/titles.yaml and officeholders.yaml (see officeholders.py).
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from ..packs import compile_cached
from .dates import document_date, long_date
from .officeholders import (
    _LONG_S, Mention, _alternation, adjectives, as_of, complete_offices, country_label, finditer_from_words,
    first_words, fold, mentions, office_name, portfolio_titles, title_office, title_phrases, word_starts,
)
from . import Hit, check

#: A word before a title that makes it another title ("Vice President", "Commission President").
COMPOUND = frozenset("""vice deputy assistant under junior shadow associate co honorary regional provincial
state party commission council bank club federation association league committee parliament parliamentary
assembly senate court university company group union central european world opposition""".split())


def _short(country: str, office: str, variant: str) -> str | None:
    p = portfolio_titles(country, office)
    if not p:
        return None
    return (p.get("short_gb") if variant == "en-GB" else None) or p.get("short")


def _lower(country: str, office: str, variant: str) -> str | None:
    p = portfolio_titles(country, office)
    return (p.get("lower_gb") if variant == "en-GB" else None) or p.get("lower")


#: The word before a title (compiled once, not looked up in the module's cache per call). Searched
#: for from the end (`regex`'s reverse search): the same match, found where it is.
_WORD_BEFORE = compile_cached(r"(?r)([\w.]+)[\s]*$")


def _is_compound(doc, title_start: int) -> bool:
    before = _WORD_BEFORE.search(doc.prose[max(0, title_start - 40):title_start])
    if not before:
        return False
    word = before.group(1)
    if word.casefold() in COMPOUND:
        return True
    # An acronym that is not a country ("NATO Secretary", "IMF President", "ECB President").
    return word.isupper() and len(word) >= 2 and word not in adjectives()


def titled(doc) -> list[tuple[Mention, int]]:
    """Mentions of known officeholders with a title before the name: (mention, span start)."""
    out = []
    for m in mentions(doc):
        if m.title is None or _is_compound(doc, m.title_start):
            continue
        start = m.title_start
        if m.adjective:
            start = doc.prose.rfind(m.adjective, 0, m.title_start)
        out.append((m, start))
    return out


def _country_of(m: Mention, adjective: str | None) -> str | None:
    country = m.terms[0].country
    if adjective and adjectives().get(" ".join(adjective.split())) not in (None, country):
        return None  # "Israeli Defense Minister Mark Esper": another person, or another error
    return country


@check("MT001", "official-title", "error",
       "A title the official's country does not use: US 'ministers', a British 'Foreign Minister', a "
       "German 'Prime Minister', Spain's 'President of the Government'.",
       why="Machine translation renders French titles word for word: 'ministre de la Défense' becomes "
           "'Defense Minister' even for a US secretary, 'président du gouvernement' becomes 'President of "
           "the Government' for Spain's prime minister. A wrong title in print is a correction waiting to "
           "happen. Conventions are data (rules/knowledge/titles.yaml).",
       message="Use the title the country uses: '{right}'.",
       fix="safe",
       bad=[{"text": "The Pentagon chief, [[Defense Minister Mark Esper]], spoke.",
             "fixed": "The Pentagon chief, Defense Secretary Mark Esper, spoke.",
             "message": "use 'Defense Secretary Mark Esper'"},
            {"text": "[[US Foreign Minister Mike Pompeo]] flew to Riyadh.",
             "fixed": "US Secretary of State Mike Pompeo flew to Riyadh."},
            {"text": "Mark Esper spoke. \"We are ready,\" said [[the American minister]].",
             "message": "the US defense secretary"},
            {"text": "[[British Foreign Minister Boris Johnson]] arrived.",
             "fixed": "British Foreign Secretary Boris Johnson arrived.", "message": "British"},
            {"text": "The [[Spanish President of the Government]] resigned.",
             "fixed": "The Spanish Prime Minister resigned."},
            {"text": "She met [[German Prime Minister Angela Merkel]].",
             "fixed": "She met German Chancellor Angela Merkel."}],
       good=["Defense Secretary Mark Esper spoke to reporters.",
             "US Secretary of State Mike Pompeo flew to Riyadh.",
             "Israeli Defense Minister Benny Gantz visited the base.",
             "The French minister met the American ambassador.",
             "British defence minister James Heappey visited the troops.",
             "Italian President Sergio Mattarella met the President of the European Council."])
def official_title(doc, ctx):
    variant = ctx.config.variant
    prose = doc.prose
    seen = set()
    for m, start in titled(doc):
        country = _country_of(m, m.adjective)
        if country is None:
            continue
        office, verdict = title_office(m.title, country)
        held = {t.office for t in m.terms}
        if verdict not in ("minister", "wrong", "wrong_for_holder") or office not in held:
            continue
        short = _short(country, office, variant)
        if not short:
            continue
        name = prose[m.start:m.end]
        right = f"{m.adjective + ' ' if m.adjective else ''}{short} {name}"
        seen.add(m.title_start)
        yield Hit(start, m.end, _message(country, m.title, right), replacement=right, suggestions=(right,))
    yield from _country_titles(doc, ctx, seen)
    yield from _the_minister(doc, ctx)


def _message(country: str, title: str, right: str) -> str:
    if country == "US":
        return f"US officials are secretaries, not ministers: use '{right}'."
    return f"{country_label(country)} usage has no '{title}' for this post: use '{right}'."


@lru_cache(maxsize=None)
def _country_title_pattern():
    titles = _alternation(title_phrases())
    adj = _alternation(adjectives())
    return compile_cached(rf"(?<![\w-])(?P<adj>{adj})\s+(?P<title>(?i:{titles}))(?![\w-])(?!\s+of\b)")


@lru_cache(maxsize=None)
def _adjective_first_words() -> frozenset[str]:
    return first_words(adjectives())


@lru_cache(maxsize=None)
def _after_country_word():
    """Matches (empty) where a country word and white space end: before the title of every
    match of _country_title_pattern (a small pattern: quick to compile)."""
    return compile_cached(rf"(?<=(?<![\w-])(?:{_alternation(adjectives())})\s+)")


@lru_cache(maxsize=None)
def _title_first_words() -> frozenset[str]:
    return first_words(title_phrases())


def _country_titles(doc, ctx, seen):
    """'US Foreign Minister', 'the Spanish President of the Government': a country and a title."""
    # Every match has a title right after its country word: where no title has one, there is no
    # match, and the country words ('us', 'french') start no search (speed).
    if next(finditer_from_words(doc, _after_country_word(), _title_first_words()), None) is None:
        return
    adj_map = adjectives()
    for m in finditer_from_words(doc, _country_title_pattern(), _adjective_first_words()):
        if m.start("title") in seen:
            continue
        country = adj_map.get(" ".join(m.group("adj").split()))
        office, verdict = title_office(" ".join(m.group("title").split()), country)
        if verdict not in ("minister", "wrong") or office is None:
            continue
        short = _short(country, office, ctx.config.variant)
        if not short:
            continue
        right = f"{m.group('adj')} {short}"
        yield Hit(m.start(), m.end(), _message(country, m.group("title"), right), replacement=right,
                  suggestions=(right,))


@lru_cache(maxsize=None)
def _the_minister_pattern():
    no_ministers = [n for cid, c in _conventions_countries().items() if c.get("ministers", True) is False
                    for n in c.get("names", ())]
    return compile_cached(rf"(?<!\w)(?P<the>[Tt]he)\s+(?P<adj>{_alternation(no_ministers)})\s+(?P<title>[Mm]inister)"
                         rf"(?!\s+(?:of|for)\b)(?!\w)")


@lru_cache(maxsize=None)
def _the_minister_tail():
    """_the_minister_pattern from 'minister' on, with 'the' and the country word looked for behind it."""
    no_ministers = [n for cid, c in _conventions_countries().items() if c.get("ministers", True) is False
                    for n in c.get("names", ())]
    return compile_cached(rf"(?<=(?<!\w)[Tt]he\s+(?:{_alternation(no_ministers)})\s+)[Mm]inister"
                         rf"(?!\s+(?:of|for)\b)(?!\w)")


_MINISTER = frozenset({"minister"})


def _conventions_countries() -> dict:
    from .officeholders import conventions

    return conventions()["countries"]


def _the_minister(doc, ctx):
    """'the American minister': the title without a name; the officeholder meant is the last named."""
    # Every match ends with the word 'minister' after 'the' and a country word: where no
    # 'minister' has them before it, there is no match and no search of the whole text (speed).
    if next(finditer_from_words(doc, _the_minister_tail(), _MINISTER), None) is None:
        return
    adj_map = adjectives()
    people = mentions(doc)
    for m in _the_minister_pattern().finditer(doc.prose):
        country = adj_map.get(" ".join(m.group("adj").split()))
        meant = None
        for p in people:
            if p.start < m.start() and p.terms[0].country == country:
                meant = p
        if meant:
            office = meant.terms[-1].office
            lower = _lower(country, office, ctx.config.variant)
            right = f"{m.group('the')} {country_label(country)} {lower}"
            yield Hit(m.start(), m.end(), f"US cabinet members are secretaries, not ministers: '{right}' "
                                          f"({meant.name}).", suggestions=(right,))
        else:
            yield Hit(m.start(), m.end(), "US cabinet members are secretaries, not ministers: "
                                          "name the department ('the US defense secretary').")


def _contradiction(m: Mention, country: str):
    """The office the title names, when the person never held it (and the data would know)."""
    office, _ = title_office(m.title, country)
    if office is None or office not in complete_offices(country):
        return None
    if office in {t.office for t in m.terms}:
        return None
    return office


def _record(m: Mention) -> str:
    seen, parts = set(), []
    for t in m.terms:
        if t.office in seen:
            continue
        seen.add(t.office)
        spans = "; ".join(x.span() for x in m.terms if x.office == t.office)
        parts.append(f"{t.office_title()} ({spans})")
    return " and ".join(parts)


@check("FC020", "title-contradicts-office", "error",
       "A title that names an office the person never held ('Secretary of State Mark Esper').",
       why="Two officials swapped, or a title from another sentence attached to the wrong name: either way "
           "the article says something false about a public figure. Checked against "
           "rules/knowledge/officeholders.yaml for heads of state and government, foreign and defence "
           "ministers.",
       message="{match}: the person never held this office.",
       fix="unsafe",
       bad=[{"text": "[[Secretary of State Mark Esper]] spoke.", "fixed": "Secretary of Defense Mark Esper spoke.",
             "message": "Mark Esper never held the office of US Secretary of State"},
            {"text": "Talks with [[Chancellor Frank-Walter Steinmeier]] ended.",
             "message": "German Federal President"}],
       good=["Secretary of State Mike Pompeo spoke.", "Vice President Joe Biden spoke.",
             "Defence Secretary Mark Esper spoke.",
             "European Commission President Ursula von der Leyen spoke.",
             "Finance Minister Olaf Scholz spoke."])
def title_contradicts_office(doc, ctx):
    for m, start in titled(doc):
        country = _country_of(m, m.adjective)
        if country is None:
            continue
        office = _contradiction(m, country)
        if office is None:
            continue
        name = doc.prose[m.start:m.end]
        held = []
        for t in m.terms:
            if t.office not in held:
                held.append(t.office)
        message = (f"{m.name} never held the office of {country_label(country)} {office_name(country, office)}: "
                   f"{m.name} was {_record(m)}.")
        suggestions = tuple(f"{m.adjective + ' ' if m.adjective else ''}{office_name(country, o)} {name}" for o in held)
        # A fix only when the record leaves no doubt about what the title should be.
        replacement = suggestions[0] if len(suggestions) == 1 else None
        yield Hit(start, m.end, message, replacement=replacement, safe=False, suggestions=suggestions)


@check("FC021", "title-out-of-term", "warning",
       "A title the person did not hold on the article's date ('Defense Secretary Mark Esper' in 2018).",
       why="Officials change posts; a story that gives someone a title they had not yet taken, or had "
           "already left, misleads. Only checked when the article's date is known (--date, front matter, "
           "dateline); 'former' and 'then-' titles, and sentences that give a year within the term, are "
           "left alone.",
       message="{match}: not in office on the article's date.",
       bad=[{"text": "Defense officials met [[Defense Secretary Mark Esper]] at the Pentagon.",
             "options": {"date": "2018-05-02"}, "message": "July 2019 – November 2020"},
            {"text": "---\ndate: 2023-03-01\n---\n[[Prime Minister Boris Johnson]] spoke.", "format": "markdown",
             "message": "not on March 1, 2023"}],
       good=[{"text": "Defense Secretary Mark Esper spoke.", "options": {"date": "2020-01-02"}},
             {"text": "Former Defense Secretary Mark Esper spoke.", "options": {"date": "2023-01-02"}},
             {"text": "In 2019, Defense Secretary Mark Esper ordered a review.", "options": {"date": "2023-01-02"}},
             "Defense Secretary Mark Esper spoke."])
def title_out_of_term(doc, ctx):
    own = document_date(doc, ctx)
    if not own:
        return
    day, source = own
    for m, start in titled(doc):
        if m.qualifier:
            continue
        country = _country_of(m, m.adjective)
        if country is None:
            continue
        office, _ = title_office(m.title, country)
        in_office = [t for t in m.terms if t.office == office]
        if not in_office or any(t.covers(day) for t in in_office):
            continue
        if day > as_of() and any(t.end is None for t in in_office):
            continue  # after the data's date: the person may still be in office
        if _year_in_sentence_within(doc, m.start, in_office):
            continue
        spans = "; ".join(t.span() for t in in_office)
        yield Hit(start, m.end, f"{m.name} was {in_office[0].office_title()} {spans}, not on {long_date(day)} "
                                f"(the date from {source}): write 'former' or check the name.")


def _year_in_sentence_within(doc, offset: int, terms) -> bool:
    """'In 2019, Defense Secretary Mark Esper ...': the sentence gives the time itself."""
    for s in doc.sentences:
        if s.start <= offset < s.end:
            for y in compile_cached(r"(?<!\d)(?:19|20)\d\d(?!\d)").findall(s.text):
                if any(t.start.year <= int(y) <= t.last_day().year for t in terms):
                    return True
    return False


@lru_cache(maxsize=None)
def _any_title_name_pattern():
    adj = _alternation(adjectives())
    return compile_cached(rf"(?:(?<![\w-])(?P<q>(?i:former|ex-|then-|late))[\s-]*)?(?:(?<![\w-])(?P<adj>{adj})\s+)?"
                         rf"{_title_name_tail()}")


@lru_cache(maxsize=None)
def _title_name_tail() -> str:
    """A title and the name after it: the end of _any_title_name_pattern."""
    return rf"(?<![\w-])(?P<title>(?i:{_alternation(title_phrases())})),?\s+(?P<name>{_NAME})"


@lru_cache(maxsize=None)
def _title_name_pattern():
    """_any_title_name_pattern without its optional qualifier and country word."""
    return compile_cached(_title_name_tail())


#: A person's name after a title: two or three capitalised words, particles allowed.
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:(?:al|el|bin|ibn|de|van|von|der|da|di|le)\s+|(?:al|el)-)?[A-Z][\w'’-]+){1,2}"


def _title_name_matches(doc) -> list:
    """`finditer_from_words(doc, _any_title_name_pattern(), _any_title_first_words())`, with the
    pattern tried at fewer words (speed: 'us', 'french' and 'former' are common, titles with a
    name after them are not).

    A match has its title at a title word where the pattern matches too without the optional
    'former' and country word (_title_name_pattern); between the match's start and that title
    lie only 'former' and a country word, that is at most _prefix_words() of the words the
    pattern may start with. So a start further back than that from every such title holds no
    match, and skipping it changes neither the matches nor the order in which they are found.
    """
    prose, pattern = doc.prose, _any_title_name_pattern()
    if _LONG_S in prose:
        return list(finditer_from_words(doc, pattern, _any_title_first_words()))
    title = _title_name_pattern()
    titles = [t for t in word_starts(doc, _title_first_words()) if title.match(prose, t)]
    if not titles:
        return []
    starts = word_starts(doc, _any_title_first_words())
    before = _prefix_words()
    tried = set()
    for t in titles:
        i = bisect_left(starts, t)
        tried.update(starts[max(0, i - before):i + 1])
    out, last = [], 0
    for s in sorted(tried):
        if s < last:
            continue
        m = pattern.match(prose, s)
        if m:
            out.append(m)
            last = max(m.end(), s + 1)
    return out


@lru_cache(maxsize=None)
def _prefix_words() -> int:
    """How many words a qualifier ('former') and a country word ('Saudi Arabia's') hold at most."""
    return 1 + max(len(_WORDS.findall(fold(a))) for a in adjectives())


_WORDS = compile_cached(r"\w+")


@lru_cache(maxsize=None)
def _any_title_first_words() -> frozenset[str]:
    """Every match starts with 'former'..., a country word or a title."""
    return first_words(["former", "ex-", "then-", "late", *adjectives(), *title_phrases()])


@check("FC022", "inconsistent-title", "warning",
       "One person given two different titles in one article.",
       why="'Interior Minister Ahmed Karimi' in one paragraph and 'Defense Minister Ahmed Karimi' in "
           "another cannot both be right: one title was mistranslated or belongs to someone else.",
       message="{match}: another title for the same person earlier in the article.",
       bad=[{"text": "Interior Minister Samir Haddad spoke.\n\nLater, [[Defense Minister Samir Haddad]] left.",
             "message": "'Interior Minister' on line 1"}],
       good=["Interior Minister Samir Haddad spoke.\n\nLater, Interior Minister Samir Haddad left.",
             "Interior Minister Samir Haddad spoke.\n\nLater, Defense Minister Samir Hadad left.",
             "Defense Secretary Mark Esper spoke.\n\nSecretary of Defense Mark Esper left."])
def inconsistent_title(doc, ctx):
    matches = _title_name_matches(doc)
    if not matches:
        return
    first: dict[str, tuple[str, str, int]] = {}
    known = {(m.start, m.end): m for m in mentions(doc)}
    for t in matches:
        if t.group("q") or _is_compound(doc, t.start("title")):
            continue
        title = " ".join(t.group("title").split())
        person = next((m for (s, e), m in known.items() if s == t.start("name")), None)
        key = person.name if person else fold(" ".join(t.group("name").split()))
        end = person.end if person else t.end("name")
        country = person.terms[0].country if person else adjectives().get(" ".join((t.group("adj") or "").split()))
        office, _ = title_office(title, country or "")
        if office is None:
            continue
        if person and country and _contradiction(person, country):
            continue  # FC020 reports it
        if key not in first:
            first[key] = (office, title, doc.position(t.start("title")).line)
            continue
        office0, title0, line0 = first[key]
        if office0 != office:
            start = t.start("adj") if t.group("adj") else t.start("title")
            yield Hit(start, end, f"'{title}' here, but '{title0}' on line {line0} for the same person: "
                                  f"one of them is wrong.")
