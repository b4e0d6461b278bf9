"""Weekday/date pairs, impossible dates and the year resolution order (lintnews/checks/dates.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from .helpers import lint

DATES = ["FC001", "FC002", "FC003"]


def only(findings, code):
    return [f for f in findings if f.code == code]


@pytest.mark.parametrize("text, excerpt", [
    ("It happened on Tuesday January 30.", "Tuesday January 30"),
    ("It happened on Tuesday, Jan. 30.", "Tuesday, Jan. 30"),
    ("It happened on Tuesday, Jan 30.", "Tuesday, Jan 30"),
    ("It happened on Tuesday 30 January.", "Tuesday 30 January"),
    ("It happened on Tue 30 Jan 2020.", "Tue 30 Jan 2020"),
    ("It happened on Tue. 30 Jan. 2020, at noon.", "Tue. 30 Jan. 2020"),
    ("It happened on Tuesday (January 30).", "Tuesday (January 30)"),
    ("It happened on Tuesday, January 30th.", "Tuesday, January 30th"),
    ("It happened on Tuesday the 30th of January.", "Tuesday the 30th of January"),
    ("It happened on Tuesday, January 30, 2020.", "Tuesday, January 30, 2020"),
    ("It happened on mardi 30 janvier.", "mardi 30 janvier"),
])
def test_every_written_form_is_checked(text, excerpt):
    # January 30, 2020 was a Thursday.
    [f] = only(lint(text, select=DATES, date="2020-02-03"), "FC001")
    assert f.excerpt == excerpt
    assert f.message.startswith("January 30, 2020 was a Thursday, not a Tuesday")


@pytest.mark.parametrize("text", [
    "It happened on Thursday January 30.", "It happened on Thu 30 Jan 2020.",
    "It happened on jeudi 30 janvier.", "It happened on Thursday (January 30th).",
])
def test_consistent_pairs_are_silent(text):
    assert lint(text, select=DATES, date="2020-02-03") == []


def test_year_from_the_date_option():
    [f] = lint("The vote is on Friday March 3.", select=DATES, date="2022-02-20")
    assert f.message == ("March 3, 2022 was a Thursday, not a Friday (year from --date 2022-02-20); "
                         "did you mean Friday, March 4, 2022?")
    assert f.severity.name == "ERROR"


def test_year_from_front_matter():
    text = "---\ndate: 2019-12-31\n---\nThe vote is on Friday March 3.\n"
    [f] = lint(text, select=DATES, format="markdown")
    assert (f.start.line, f.start.column) == (4, 16)
    assert "March 3, 2020 was a Tuesday, not a Friday (year from the article's date, December 31, 2019)" in f.message


def test_year_from_a_dateline_whose_own_year_comes_from_officeholders():
    text = ("BAGHDAD, Dec 31 (Reuters) - Defense Secretary Mark Esper said the troops would leave on "
            "Tuesday January 2.")
    [f] = lint(text, select=DATES)
    assert f.message.startswith("January 2, 2020 was a Thursday, not a Tuesday (year from the dateline, "
                                "December 31, 2019)")
    assert lint(text.replace("Tuesday", "Thursday"), select=DATES) == []


def test_a_date_line_at_the_top_gives_the_year():
    text = "Dec. 31, 2019\n\nThe protest began on Monday December 30, the police said on Wednesday January 1.\n"
    assert lint(text, select=DATES) == []
    [f] = lint("Dec. 31, 2019\n\nThe protest began on Sunday December 30.\n", select=DATES)
    assert "December 30, 2019 was a Monday, not a Sunday (year from the dateline, December 31, 2019)" in f.message


def test_year_from_the_officeholders_named():
    text = "Defense Secretary Mark Esper spoke on Tuesday January 31."
    [f] = lint(text, select=DATES)
    assert f.message == ("January 31, 2020 was a Friday, not a Tuesday (time frame from Mark Esper's term as "
                         "US Secretary of Defense); did you mean Tuesday, December 31, 2019?")
    assert f.severity.name == "WARNING"


def test_former_officeholders_do_not_set_the_time_frame():
    text = "Former Defense Secretary Mark Esper spoke on Monday January 31 in 2023."
    [f] = lint(text, select=DATES)
    assert "2023" in f.message and "Esper" not in f.message


def test_year_written_near_the_date():
    [f] = lint("In 2017, the talks opened on Monday March 3.", select=DATES)
    assert f.message.startswith("March 3, 2017 was a Friday, not a Monday (year from 2017, written nearby)")
    # "since 2001" dates something else.
    [g] = lint("The talks opened on Friday March 3, the first since 2001.", select=DATES)
    assert "2001" not in g.message


def test_today_is_the_last_resort_and_says_it_is_an_assumption():
    today = dt.date.today()
    # A pair that is wrong this year: the day after today's date, with today's weekday.
    day = today + dt.timedelta(days=1)
    text = f"The vote is on {today.strftime('%A')} {day.strftime('%B')} {day.day}."
    [f] = lint(text, select=DATES)
    assert "year assumed from today's date" in f.message
    assert f.severity.name == "INFO"


def test_the_closest_date_to_the_reference_wins():
    # Late December, near a January reference, belongs to the year before.
    assert lint("The blast was on Monday December 30.", select=DATES, date="2020-01-04") == []
    [g] = lint("The blast was on Tuesday December 30.", select=DATES, date="2020-01-04")
    assert g.message.startswith("December 30, 2019 was a Monday, not a Tuesday")


def test_leap_years():
    assert lint("It was on Saturday, February 29, 2020.", select=DATES) == []
    # Without a year, February 29 is the closest leap day to the reference.
    assert lint("It was on Thursday February 29.", select=DATES, date="2023-06-01") == []
    [f] = lint("It was on Friday February 29.", select=DATES, date="2023-06-01")
    assert f.message.startswith("February 29, 2024 was a Thursday, not a Friday")
    [g] = lint("It was on February 29, 2023.", select=DATES)
    assert (g.code, g.excerpt) == ("FC002", "February 29, 2023")
    assert "2023 is not a leap year" in g.message


@pytest.mark.parametrize("text, excerpt", [
    ("Talks resume on February 30.", "February 30"),
    ("Talks resume on 31 April.", "31 April"),
    ("Talks resume on June 31st.", "June 31st"),
    ("Talks resume on Monday, 31 September.", "Monday, 31 September"),
    ("Talks resume on 31 novembre.", "31 novembre"),
    ("The deadline is June 31st: no extension.", "June 31"),
    ("Talks end on Friday, June 31st: no extension.", "Friday, June 31"),
])
def test_impossible_dates(text, excerpt):
    [f] = lint(text, select=DATES, date="2021-01-01")
    assert (f.code, f.excerpt) == ("FC002", excerpt)


def test_counts_after_a_month_are_not_dates():
    assert lint("In June 31 people died on the roads.", select=DATES) == []


def test_relative_days():
    # A story dated on a Tuesday that says "on Friday" about the past is fine.
    assert lint("Police said on Friday that the man had fled.", select=DATES, date="2020-03-10") == []
    assert lint("The talks end next Friday.", select=DATES, date="2020-03-10") == []
    assert lint("The talks ended last Tuesday.", select=DATES, date="2020-03-10") == []
    [f] = lint("The talks end next Friday, March 6.", select=DATES, date="2020-03-10")
    assert (f.code, f.excerpt) == ("FC003", "next Friday, March 6")
    assert "March 6, 2020 is before the article's date (March 10, 2020)" in f.message
    assert lint("The talks ended last Friday, March 6.", select=DATES, date="2020-03-10") == []
