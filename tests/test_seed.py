"""The article lintnews was created from (../shared/seed), against seed/EXPECTED.md."""
from __future__ import annotations

import pytest

from lintnews.runner import lint_paths

#: Lines of the seed that carry a listed artefact (M1-M9, S1-S6); nothing else may be flagged.
LINES_WITH_ARTEFACTS = {1, 3, 5, 11, 13, 17, 19, 21, 25, 31, 33, 35, 37}

#: (line text contains, phrase) that must never be inside a finding's span.
MUST_NOT_FLAG = ["With AFP and Reuters", "Sit-in", "Anger", "Tehran denies",
                 "US Secretary of State Mike Pompeo", "on condition of anonymity", "over the weekend"]


@pytest.fixture(scope="module")
def seed_findings(request):
    from .conftest import shared_path

    path = shared_path("seed/000_67b23fb3398ad85c.txt")
    text = path.read_text(encoding="utf-8")
    findings = [f for r in lint_paths([str(path)]) for f in r.findings]
    return text, findings


def find(findings, code, line, column, excerpt):
    hits = [f for f in findings if (f.code, f.start.line, f.start.column, f.excerpt) == (code, line, column, excerpt)]
    assert hits, f"expected {code} at {line}:{column} on {excerpt!r}; got " + "; ".join(
        f"{f.code}@{f.start.line}:{f.start.column} {f.excerpt!r}" for f in findings if f.start.line == line)
    return hits[0]


def test_m1_defense_minister_mark_esper(seed_findings):
    _, findings = seed_findings
    f = find(findings, "MT001", 1, 126, "Defense Minister Mark Esper")
    assert "secretaries" in f.message and "'Defense Secretary Mark Esper'" in f.message
    assert f.fix.replacement == "Defense Secretary Mark Esper" and f.fix.safe


def test_m4_the_american_minister(seed_findings):
    _, findings = seed_findings
    f = find(findings, "MT001", 5, 187, "the American minister")
    assert "'the US defense secretary'" in f.message


def test_m6_head_of_american_diplomacy(seed_findings):
    _, findings = seed_findings
    f = find(findings, "MT101", 17, 170, "the head of American diplomacy")
    assert "the top US diplomat" in f.message


def test_s2_s5_calques(seed_findings):
    _, findings = seed_findings
    assert find(findings, "MT102", 11, 129, "a rocket fire").fix.replacement == "a rocket attack"
    assert "earlier in the day" in find(findings, "MT103", 1, 232, "during the day").message


def test_m8_newsletter_box_and_duplicate(seed_findings):
    _, findings = seed_findings
    find(findings, "CL001", 31, 1, "Newsletter Don't miss anything from international news")
    find(findings, "CL001", 33, 1, "Don't miss anything from international news")
    find(findings, "CL001", 35, 1, "subscribe")
    dup = find(findings, "CL003", 33, 1, "Don't miss anything from international news")
    assert "line 31" in dup.message


def test_m9_app_badge(seed_findings):
    _, findings = seed_findings
    find(findings, "CL005", 37, 1, "google-play-badge_FR")


def test_nothing_outside_the_listed_artefacts(seed_findings):
    text, findings = seed_findings
    stray = [f"{f.code}@{f.start.line}:{f.start.column} {f.excerpt!r}" for f in findings
             if f.start.line not in LINES_WITH_ARTEFACTS]
    assert stray == []
    for phrase in MUST_NOT_FLAG:
        start = text.index(phrase)
        end = start + len(phrase)
        overlapping = [f"{f.code} {f.excerpt!r}" for f in findings
                       if f.offset < end and start < f.end_offset]
        assert overlapping == [], f"{phrase!r} must not be flagged"


def test_m3_sentence_fragment(seed_findings):
    _, findings = seed_findings
    f = find(findings, "MT301", 3, 234, "Iraq.")
    assert f.message == "Sentence fragment 'Iraq.' inside a paragraph: probably a broken translation."


def test_m5_french_elision_in_a_garbled_quote(seed_findings):
    _, findings = seed_findings
    f = find(findings, "MT202", 13, 196, "the 'Iran")
    assert "Stray apostrophe after 'the'" in f.message and "'allies of Iran'" in f.message
    assert f.fix.replacement == "Iran" and f.fix.safe


def test_s6_spaced_hyphen_is_info_at_most(seed_findings):
    _, findings = seed_findings
    f = find(findings, "TY011", 17, 47, " - ")
    assert str(f.severity) == "info" and "2 in this article" in f.message
    assert [g for g in findings if g.code == "TY011"] == [f]


def test_calques_cleanup_and_language_findings_are_exactly_the_listed_ones():
    """M6, M8, M9, S2, S5 and nothing else from the MT1xx, CL and LD families."""
    from lintnews.config import Config

    from .conftest import shared_path

    path = shared_path("seed/000_67b23fb3398ad85c.txt")
    [result] = lint_paths([str(path)], Config(select=("MT1", "CL", "LD")))
    assert [(f.code, f.start.line, f.start.column, f.excerpt) for f in result.findings] == [
        ("MT103", 1, 232, "during the day"),
        ("MT102", 11, 129, "a rocket fire"),
        ("MT101", 17, 170, "the head of American diplomacy"),
        ("CL001", 31, 1, "Newsletter Don't miss anything from international news"),
        ("CL001", 33, 1, "Don't miss anything from international news"),
        ("CL003", 33, 1, "Don't miss anything from international news"),
        ("CL001", 35, 1, "subscribe"),
        ("CL005", 37, 1, "google-play-badge_FR"),
    ]


def test_m2_weekday_and_date(seed_findings):
    _, findings = seed_findings
    f = find(findings, "FC001", 1, 167, "Tuesday January 31")
    assert f.message == ("January 31, 2020 was a Friday, not a Tuesday (time frame from Mark Esper's term as "
                         "US Secretary of Defense); did you mean Tuesday, December 31, 2019?")


def test_m7_hachd_and_hashd(seed_findings):
    _, findings = seed_findings
    f = find(findings, "FC041", 19, 47, "Hachd al-Chaabi")
    assert f.message == ("Inconsistent spelling: 'Hachd al-Chaabi' here, 'Hashd' on lines 19 and 21; "
                         "English usage is 'Hashd al-Shaabi'.")
    assert f.fix.replacement == "Hashd al-Shaabi"


def test_s1_french_transliterations(seed_findings):
    _, findings = seed_findings
    for line, column in ((17, 76), (25, 1), (25, 250)):
        assert find(findings, "FC041", line, column, "Qaïs").fix.replacement == "Qais"
    assert find(findings, "FC041", 25, 62, "Assaïb Ahl al-Haq").fix.replacement == "Asaib Ahl al-Haq"


def test_s3_kataib_hezbollah_named_two_ways(seed_findings):
    _, findings = seed_findings
    first = find(findings, "FC041", 11, 277, "Hezbollah's brigades")
    assert "'Hezbollah brigades' on line 21" in first.message and "Kataib Hezbollah" in first.message
    second = find(findings, "FC041", 21, 78, "Hezbollah brigades")
    assert "line 11" in second.message


def test_no_factual_consistency_finding_elsewhere(seed_findings):
    _, findings = seed_findings
    ours = sorted((f.code, f.start.line, f.excerpt) for f in findings if f.code.startswith("FC") or f.code == "MT001")
    assert ours == [("FC001", 1, "Tuesday January 31"), ("FC041", 11, "Hezbollah's brigades"),
                    ("FC041", 17, "Qaïs"), ("FC041", 19, "Hachd al-Chaabi"), ("FC041", 21, "Hezbollah brigades"),
                    ("FC041", 25, "Assaïb Ahl al-Haq"), ("FC041", 25, "Qaïs"), ("FC041", 25, "Qaïs"),
                    ("MT001", 1, "Defense Minister Mark Esper"), ("MT001", 5, "the American minister")]
