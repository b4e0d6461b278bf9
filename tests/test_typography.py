"""French typography left in English (TY001-TY011): spans, messages, fixes, and the human reference."""
from __future__ import annotations

import pytest

from lintnews.fixes import apply_fixes

from .helpers import lint


def fix_all(text, codes, **options):
    findings = lint(text, select=codes, **options)
    return apply_fixes(text, findings, unsafe=True)[0]


@pytest.mark.parametrize("text, fixed", [
    ("Why ? Nobody knows ; the party is silent !", "Why? Nobody knows; the party is silent!"),
    ("The verdict\u00a0: guilty.", "The verdict: guilty."),
    ("The market fell . Traders blamed the bank , not data.", "The market fell. Traders blamed the bank, not data."),
    ("To read :Macron's speech, see below.", "To read: Macron's speech, see below."),
    ("It closed at 8 p.m.. Then it rained..", "It closed at 8 p.m. Then it rained."),
])
def test_spacing_rules_fix_safely(text, fixed):
    findings = lint(text, select=["TY001", "TY002", "TY003", "TY007"])
    assert findings and all(f.fix.safe for f in findings)
    assert apply_fixes(text, findings)[0] == fixed


def test_space_before_colon_reported_at_the_space():
    [f] = lint("First line.\n\nThe verdict : guilty.\n", select=["TY001"])
    assert (f.code, f.start.line, f.start.column, f.excerpt) == ("TY001", 3, 12, " :")
    assert "French spacing before ':'" in f.message


def test_ellipses_emoticons_and_times_are_not_spacing_errors():
    text = "He paused ... and then . . . nothing ;) The match was 3 : 1 and ended at 10:30.\n"
    assert lint(text, select=["TY001", "TY002", "TY003", "TY007"]) == []


@pytest.mark.parametrize("text, excerpt, right", [
    ("Growth was 2,5% in May.", "2,5%", "2.5%"),
    ("The index lost 54,8 % in a year.", "54,8 %", "54.8%"),
    ("The bill came to 14 201,57 euros.", "14 201,57", "14,201.57"),
    ("About 4 000 people marched.", "4 000", "4,000"),
    ("About 1\u202f250\u202f000 people marched.", "1\u202f250\u202f000", "1,250,000"),
    ("Unemployment stood at 8 %.", "8 %", "8%"),
    ("Shares closed at + 6% on Friday.", "+ 6%", "+6%"),
])
def test_french_numbers(text, excerpt, right):
    [f] = lint(text, select=["TY005"])
    assert f.excerpt == excerpt and f.fix.replacement == right and f.fix.safe
    assert f"'{right}'" in f.message


def test_english_numbers_and_lists_are_not_french():
    text = ("The vote was 1,073 to 902 in 2019, 300 more than the 4,000 of 2018; growth was 2.5%. "
            "Items 1,2 and 3 passed on 12 May 2020 at 10 a.m. by 52 votes to 48.\n")
    assert lint(text, select=["TY005"]) == []


def test_french_time_and_its_variants():
    [f] = lint("The rally starts at 20h30 on Friday.", select=["TY006"])
    assert (f.excerpt, f.fix.replacement, f.fix.safe) == ("20h30", "8:30 p.m.", True)
    [gb] = lint("The rally starts at 20h30 on Friday.", select=["TY006"], variant="en-GB")
    assert gb.fix.replacement == "20:30"
    [noon] = lint("The rally starts at 12h00.", select=["TY006"])
    assert noon.fix.replacement == "noon"
    # Without "at", "until"... it may be a duration: the fix is offered, but not as safe.
    [duration] = lint("He finished the race in 2h45 flat.", select=["TY006"])
    assert duration.fix.replacement == "2:45 a.m." and not duration.fix.safe


def test_french_honorifics():
    findings = lint("M. Brown met Mme Dupont and Mlle Roux.", select=["TY008"])
    assert [(f.excerpt, f.suggestions) for f in findings] == [
        ("M.", ("Mr.",)), ("Mme", ("Mrs.", "Ms.")), ("Mlle", ("Miss", "Ms."))]
    assert findings[0].fix.replacement == "Mr." and not findings[0].fix.safe
    assert findings[1].fix is None


def test_french_ordinals():
    assert fix_all("The 1er round, the 2e vote, the 3ème seat, the 11e and 21e days.", ["TY009"]) == \
        "The 1st round, the 2nd vote, the 3rd seat, the 11th and 21st days."


@pytest.mark.parametrize("text", ["The ¹e note.", "A ½e share.", "Page ³er.", "At 1h5½ the vote.",
                                  "At ²h30 the vote.", "At 1h3² the vote."])
def test_superscripts_and_fractions_are_no_ordinals_nor_times(text):
    # Numbers (\p{N}) that are not decimal digits: int() cannot read them (a crash before).
    assert lint(text, select=["TY006", "TY009"]) == []


def test_decimal_digits_of_other_scripts_are_read():
    [f] = lint("The \u0663e round.", select=["TY009"])
    assert (f.excerpt, f.message) == ("\u0663e", "French ordinal: write '3rd'.")


def test_guillemets_follow_the_article_quote_style():
    [curly] = lint("He called it « a farce ».", select=["TY004"])
    assert curly.fix.replacement == "“a farce”"
    [straight] = lint('"No," he said, calling it «a farce».', select=["TY004"])
    assert straight.fix.replacement == '"a farce"' and "as elsewhere in this article" in straight.message


def test_glued_words():
    text = "The visit ofEmmanuel Macron lasted weeks”After that, talks ended.The envoy left.\n"
    findings = lint(text, select=["TY010"])
    assert [(f.start.column, f.excerpt) for f in findings] == [(11, "ofEmmanuel"), (41, "”A"), (65, ".T")]
    assert apply_fixes(text, findings)[0] == \
        "The visit of Emmanuel Macron lasted weeks” After that, talks ended. The envoy left.\n"


def test_brands_initials_and_abbreviations_are_not_glued():
    text = "He bought an iPhone on eBay, flew easyJet, ate at McDonald's and earned a Ph.D. in the U.S.A.\n"
    assert lint(text, select=["TY010"]) == []


def test_spaced_hyphens_are_one_info_per_article():
    text = "Two men - both known - fled.\n\nThe police - again - said nothing.\n"
    [f] = lint(text, select=["TY011"])
    assert (f.start.line, f.start.column, str(f.severity)) == (1, 8, "info")
    assert "4 in this article" in f.message and "lines 1, 3" in f.message
    assert f.fix is None and f.suggestions == ("—", " – ")


def test_the_human_reference_stays_almost_clean():
    """On the WMT14 human reference, these families find only the few real slips it has."""
    from bench.precision import lint_system
    from lintnews.config import Config
    from lintnews.engine import Linter

    from .conftest import shared_path

    shared_path("corpora/wmt14-fr-en/newstest2014.fr-en.ref")
    linter = Linter(Config(select=("MT2", "MT3", "TY")))
    findings, sentences = lint_system(linter, "ref")
    serious = [f for f in findings if str(f.severity) != "info"]
    infos = [f for f in findings if str(f.severity) == "info"]
    # 10 findings, each a real slip of the reference (years" worth, £38 000 million, "market .").
    assert sentences == 3003 and len(serious) <= 10, [(f.code, f.excerpt) for f in serious]
    assert {f.code for f in infos} <= {"TY011"} and len(infos) <= 60
