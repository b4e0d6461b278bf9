"""Officials' titles against rules/knowledge (lintnews/checks/titles.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from lintnews.checks.officeholders import terms, conventions, complete_offices
from lintnews.fixes import apply_fixes

from .helpers import lint

TITLES = ["MT001", "FC020", "FC021", "FC022"]


def test_knowledge_base_is_well_formed():
    countries = conventions()["countries"]
    offices = {"head-of-state", "head-of-government", "foreign", "defense", "treasury"}
    for t in terms():
        assert t.country in countries, t
        assert t.office in offices, t
        assert t.end is None or t.start <= t.end, t
    # Scope of the issue: G20 countries plus Iran, Iraq, Israel and Ukraine.
    recorded = {t.country for t in terms()}
    assert {"US", "GB", "FR", "DE", "IT", "JP", "CA", "RU", "CN", "IN", "BR", "AR", "AU", "MX", "ID", "SA", "ZA",
            "KR", "TR", "IR", "IQ", "IL", "UA"} <= recorded
    assert "defense" in complete_offices("FR") and "treasury" in complete_offices("GB")


@pytest.mark.parametrize("text, fixed", [
    ("Talks with Defense Minister Mark Esper ended.", "Talks with Defense Secretary Mark Esper ended."),
    ("Talks with British Foreign Minister Boris Johnson ended.",
     "Talks with British Foreign Secretary Boris Johnson ended."),
    ("Talks with Defence Minister Ben Wallace ended.", "Talks with Defence Secretary Ben Wallace ended."),
    ("Talks with German Prime Minister Angela Merkel ended.", "Talks with German Chancellor Angela Merkel ended."),
    ("Talks with Spanish President Pedro Sánchez ended.", "Talks with Spanish Prime Minister Pedro Sánchez ended."),
    ("Talks with the Spanish President of the Government ended.", "Talks with the Spanish Prime Minister ended."),
    ("Talks with the Italian President of the Council ended.", "Talks with the Italian Prime Minister ended."),
    ("Talks with British Finance Minister Rishi Sunak ended.",
     "Talks with British Chancellor of the Exchequer Rishi Sunak ended."),
])
def test_a_title_the_country_does_not_use_is_fixed(text, fixed):
    findings = lint(text, select=TITLES)
    assert [f.code for f in findings] == ["MT001"]
    assert apply_fixes(text, findings)[0] == fixed


def test_us_minister_without_a_name():
    [f] = lint("The US Foreign Minister arrived.", select=TITLES)
    assert (f.code, f.excerpt, f.fix.replacement) == ("MT001", "US Foreign Minister", "US Secretary of State")


@pytest.mark.parametrize("text", [
    "Defense Secretary Mark Esper spoke to reporters.",
    "US Secretary of State Mike Pompeo and Defense Secretary Mark Esper met.",
    "Israeli Defense Minister Benny Gantz visited the base.",
    "The French minister met the Iraqi foreign minister.",
    "Russian Foreign Minister Sergei Lavrov met Iranian Foreign Minister Mohammad Javad Zarif.",
    "British defence minister James Heappey visited the troops.",
    "Chancellor Rishi Sunak and Chancellor Angela Merkel spoke.",
    "Vice President Joe Biden and European Commission President Ursula von der Leyen spoke.",
    "President of the European Council Charles Michel arrived.",
    "Prime Minister Recep Tayyip Erdogan spoke.",
])
def test_correct_titles_are_silent(text):
    assert lint(text, select=TITLES) == []


def test_an_earlier_term_in_the_same_office_counts():
    assert lint("Prime Minister Recep Tayyip Erdogan spoke.", select=TITLES, date="2013-06-01") == []


def test_title_that_contradicts_the_persons_office():
    [f] = lint("Secretary of State Mark Esper flew to Kabul.", select=TITLES)
    assert (f.code, f.excerpt) == ("FC020", "Secretary of State Mark Esper")
    assert f.message == ("Mark Esper never held the office of US Secretary of State: Mark Esper was "
                         "US Secretary of Defense (July 2019 – November 2020).")
    assert f.fix.replacement == "Secretary of Defense Mark Esper" and not f.fix.safe


def test_accents_do_not_matter_for_names():
    [f] = lint("Defense Minister Recep Tayyip Erdogan spoke.", select=TITLES)
    assert f.code == "FC020" and "Turkish President" in f.message


def test_title_out_of_term():
    [f] = lint("Defense Secretary Mark Esper visited the base.", select=TITLES, date="2018-05-02")
    assert (f.code, f.severity.name) == ("FC021", "WARNING")
    assert "Mark Esper was US Secretary of Defense July 2019 – November 2020, not on May 2, 2018" in f.message
    assert lint("Defense Secretary Mark Esper visited the base.", select=TITLES, date="2020-05-02") == []
    # After the data's date an open term is not judged.
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    assert lint("Prime Minister Keir Starmer spoke.", select=TITLES, date=later) == []
    # A person with several terms: any term in that office will do.
    assert lint("Prime Minister Benjamin Netanyahu spoke.", select=TITLES, date="2023-06-01") == []
    [g] = lint("Prime Minister Benjamin Netanyahu spoke.", select=TITLES, date="2022-01-10")
    assert g.code == "FC021" and "June 2021" in g.message


def test_same_person_two_titles():
    text = "Interior Minister Samir Haddad spoke.\n\nLater, Defense Minister Samir Haddad left."
    [f] = lint(text, select=TITLES)
    assert (f.code, f.start.line, f.excerpt) == ("FC022", 3, "Defense Minister Samir Haddad")
    assert "'Interior Minister' on line 1" in f.message


def test_second_title_after_a_country_phrase_of_three_words():
    text = "Interior Minister Samir Haddad spoke.\n\nLater, Saudi Arabia's Defense Minister Samir Haddad left."
    [f] = lint(text, select=TITLES)
    assert (f.code, f.start.line, f.start.column) == ("FC022", 3, 8)
    assert f.excerpt == "Saudi Arabia's Defense Minister Samir Haddad"
    assert "'Defense Minister' here, but 'Interior Minister' on line 1" in f.message


def test_two_people_with_similar_names_are_not_one_person():
    text = "Interior Minister Samir Haddad spoke.\n\nLater, Defense Minister Samir Hadad left."
    assert lint(text, select=TITLES) == []
