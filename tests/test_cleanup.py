"""Clean-up leftovers (CL): page furniture scraped with the article must never be published."""
from __future__ import annotations

from lintnews.config import Config
from lintnews.finding import Severity

from .helpers import lint

PAGE = """The strike closed three schools in Lyon on Monday.

Read also: Five things to know about the strike

Unions want a deal before the holidays.

Photo: AFP

Article reserved for subscribers

Already a subscriber? Log in

Share on WhatsApp

Video player is loading.

Tags: strikes, Lyon, schools

Leave a reply

Your email address will not be published. Required fields are marked *

With AFP and Reuters
"""


def found(findings):
    return [(f.code, f.start.line, f.start.column, f.excerpt) for f in findings]


def test_scraped_page_furniture_is_flagged_line_by_line():
    findings = lint(PAGE, select=["CL"])
    assert found(findings) == [
        ("CL004", 3, 1, "Read also: Five things to know about the strike"),
        ("CL007", 7, 1, "Photo: AFP"),
        ("CL002", 9, 1, "Article reserved for subscribers"),
        ("CL002", 11, 1, "Already a subscriber? Log in"),
        ("CL001", 13, 1, "Share on WhatsApp"),
        ("CL008", 15, 1, "Video player is loading."),
        ("CL009", 17, 1, "Tags: strikes, Lyon, schools"),
        ("CL006", 19, 1, "Leave a reply"),
        ("CL006", 21, 1, "Your email address will not be published. Required fields are marked *"),
    ]
    assert {f.severity for f in findings} == {Severity.ERROR}
    assert "check the article is complete" in findings[2].message


def test_credit_line_for_the_text_is_not_a_photo_credit():
    assert lint("The talks resume on Monday.\n\nWith AFP and Reuters\n\n(With AFP)\n", select=["CL"]) == []


def test_labels_inside_sentences_are_prose():
    text = ("Read also the report, the minister told deputies.\n\nThe post drew 12 comments.\n\n"
            "Photographs show the men; AFP reported it first.\n\nThe talks covered three topics: wages and hours.\n")
    assert lint(text, select=["CL"]) == []


def test_repeated_paragraph_is_one_finding():
    text = "The strike closed\nthree schools in Lyon.\n\nTalks resume.\n\nThe strike closed\nthree schools in Lyon.\n"
    [f] = lint(text, select=["CL003"])
    assert (f.start.line, f.end.line) == (6, 7)
    assert f.message == "Repeats the paragraph at line 1 word for word: remove the duplicate."


def test_repeated_line_cites_the_first():
    text = "Sign up for our daily briefing on the strike\n\nTalks resume.\n\nSign up for our daily briefing on the strike\n"
    [f] = lint(text, select=["CL003"])
    assert (f.start.line, f.message) == (5, "Repeats line 1 word for word: remove the duplicate.")


def test_seed_boilerplate_and_credit_line():
    from lintnews.runner import lint_paths

    from .conftest import shared_path

    path = shared_path("seed/000_67b23fb3398ad85c.txt")
    [result] = lint_paths([str(path)], Config(select=("CL",)))
    assert found(result.findings) == [
        ("CL001", 31, 1, "Newsletter Don't miss anything from international news"),
        ("CL001", 33, 1, "Don't miss anything from international news"),
        ("CL003", 33, 1, "Don't miss anything from international news"),
        ("CL001", 35, 1, "subscribe"),
        ("CL005", 37, 1, "google-play-badge_FR"),
    ]


def test_wmt14_reference_has_no_page_furniture():
    from bench.precision import lint_system
    from lintnews.engine import Linter

    from .conftest import shared_path

    shared_path("corpora/wmt14-fr-en/newstest2014.fr-en.ref")
    findings, sentences = lint_system(Linter(Config(select=("CL",))), "ref")
    assert sentences == 3003
    assert [(f.path, f.excerpt) for f in findings] == []
