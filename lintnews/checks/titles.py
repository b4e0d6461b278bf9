"""Titles rendered literally from French: "Defense Minister Mark Esper", "the American minister"."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from .. import knowledge
from . import Hit, check


@dataclass(frozen=True)
class Officeholder:
    name: str
    names: tuple[str, ...]
    country: str
    office: str
    start: dt.date
    end: dt.date | None

    def term(self) -> str:
        end = self.end.strftime("%B %Y") if self.end else "today"
        return f"{self.start.strftime('%B %Y')} – {end}"


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@lru_cache(maxsize=None)
def officeholders() -> tuple[Officeholder, ...]:
    out = []
    for e in knowledge.load("officeholders")["officeholders"]:
        names = (e["name"], *e.get("aliases", ()))
        out.append(Officeholder(e["name"], tuple(names), e["country"], e["office"], _date(e["from"]), _date(e.get("to"))))
    return tuple(out)


@lru_cache(maxsize=None)
def conventions() -> dict:
    return knowledge.load("titles")


def _alternation(words) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def patterns():
    data = conventions()
    titles = _alternation(data["minister_titles"])
    names = _alternation(n for o in officeholders() for n in o.names)
    adjectives = {n: cid for cid, c in data["countries"].items() for n in c["names"]}
    adj = _alternation(adjectives)
    named = regex.compile(rf"(?<!\w)(?:(?P<adj>{adj})\s+)?(?P<title>{titles})(?:,)?\s+(?P<name>{names})(?!\w)")
    country_title = regex.compile(rf"(?<!\w)(?P<adj>{adj})\s+(?P<title>{titles}|[Mm]inister)(?!\w)")
    the_minister = regex.compile(rf"(?<!\w)(?P<the>[Tt]he)\s+(?P<adj>{adj})\s+(?P<title>[Mm]inister)(?!\s+(?:of|for)\b)(?!\w)")
    return named, country_title, the_minister, adjectives


def _person(name: str) -> Officeholder | None:
    key = " ".join(name.split()).lower()
    for o in officeholders():
        if key in (n.lower() for n in o.names):
            return o
    return None


def _portfolio(title: str) -> str | None:
    key = " ".join(title.split()).lower()
    for phrase, portfolio in conventions()["minister_titles"].items():
        if phrase.lower() == key:
            return portfolio
    return None


def _titles(country: str, portfolio: str, variant: str) -> dict | None:
    c = conventions()["countries"].get(country, {})
    t = c.get("portfolios", {}).get(portfolio)
    if t and variant == "en-GB":
        t = {k: t.get(f"{k}_gb", v) for k, v in t.items() if not k.endswith("_gb")}
    return t


def _label(country: str) -> str:
    """How copy names the country before a title: the first of its names ("US")."""
    return conventions()["countries"][country]["names"][0]


def _country_without_ministers(country: str) -> bool:
    return conventions()["countries"].get(country, {}).get("ministers", True) is False


@check("MT001", "official-title", "error",
       "A minister title for an official of a country that has no ministers (US secretaries).",
       why="Machine translation renders French 'ministre de la Défense' word for word. The US has no "
           "defence minister: Mark Esper was Defense Secretary. A wrong title in print is a correction "
           "waiting to happen.",
       message="US officials are secretaries, not ministers: use '{right}'.",
       fix="safe",
       bad=[{"text": "The Pentagon chief, [[Defense Minister Mark Esper]], spoke.",
             "fixed": "The Pentagon chief, Defense Secretary Mark Esper, spoke.",
             "message": "use 'Defense Secretary Mark Esper'"},
            {"text": "[[US Foreign Minister Mike Pompeo]] flew to Riyadh.",
             "fixed": "US Secretary of State Mike Pompeo flew to Riyadh."},
            {"text": "Mark Esper spoke. \"We are ready,\" said [[the American minister]].",
             "message": "the US defense secretary"}],
       good=["Defense Secretary Mark Esper spoke to reporters.",
             "US Secretary of State Mike Pompeo flew to Riyadh.",
             "Israeli Defense Minister Benny Gantz visited the base.",
             "The French minister met the American ambassador."])
def official_title(doc, ctx):
    named, country_title, the_minister, adjectives = patterns()
    prose = doc.prose
    variant = ctx.config.variant
    seen = set()
    for m in named.finditer(prose):
        person = _person(m.group("name"))
        if person is None or not _country_without_ministers(person.country):
            continue
        adj = m.group("adj")
        if adj and adjectives.get(regex.sub(r"\s+", " ", adj)) not in (None, person.country):
            continue
        portfolio = _portfolio(m.group("title")) or person.office
        titles = _titles(person.country, portfolio, variant)
        if not titles:
            continue
        right = f"{adj + ' ' if adj else ''}{titles['short']} {m.group('name')}"
        seen.add(m.start("title"))
        yield Hit(m.start(), m.end(), f"US officials are secretaries, not ministers: use '{right}'.",
                  replacement=right, suggestions=(right,))
    for m in country_title.finditer(prose):
        country = adjectives.get(regex.sub(r"\s+", " ", m.group("adj")))
        if m.start("title") in seen or not _country_without_ministers(country):
            continue
        if m.group("title").lower() == "minister":
            continue  # handled below with "the"
        titles = _titles(country, _portfolio(m.group("title")), variant)
        if not titles:
            continue
        right = f"{m.group('adj')} {titles['short']}"
        yield Hit(m.start(), m.end(), f"US officials are secretaries, not ministers: use '{right}'.",
                  replacement=right, suggestions=(right,))
    for m in the_minister.finditer(prose):
        country = adjectives.get(regex.sub(r"\s+", " ", m.group("adj")))
        if not _country_without_ministers(country):
            continue
        # The most recent officeholder of that country named before: the minister meant.
        meant = None
        for p in named_people(doc):
            if p[0] < m.start() and p[2].country == country:
                meant = p[2]
        if meant:
            titles = _titles(country, meant.office, variant)
            right = f"{m.group('the')} {_label(country)} {titles['lower']}"
            message = f"US cabinet members are secretaries, not ministers: '{right}' ({meant.name})."
            yield Hit(m.start(), m.end(), message, suggestions=(right,))
        else:
            yield Hit(m.start(), m.end(), "US cabinet members are secretaries, not ministers: "
                                          "name the department ('the US defense secretary').")


def named_people(doc) -> list[tuple[int, int, Officeholder]]:
    """Known officeholders named in full in the document, in order: (start, end, who)."""
    def compute():
        names = _alternation(n for o in officeholders() for n in o.names)
        pattern = regex.compile(rf"(?<!\w)(?:{names})(?!\w)")
        return [(m.start(), m.end(), _person(m.group())) for m in pattern.finditer(doc.prose)]

    return doc.memo("named_people", compute)
