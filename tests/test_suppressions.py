"""Suppressions written in the article: each directive form, in Markdown, HTML and plain text,
and the two rules that report on directives (IO101 unreadable, IO100 unused)."""
from __future__ import annotations

from lintnews.config import Config
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.finding import Finding, Position, Severity
from lintnews.fixes import apply_fixes
from lintnews import suppressions

from .helpers import lint

# Each line has a TY004 finding (French guillemets) at column 9.
GUILLEMETS = "He said « no » to them."
SPACED = "What now ?"  # TY001 at column 9


def found(text, fmt="markdown", select=("TY", "IO1"), **options):
    return sorted((f.code, f.start.line, f.start.column) for f in lint(text, select=list(select), format=fmt,
                                                                       **options))


def test_without_directives_every_line_is_flagged():
    assert found(f"{GUILLEMETS}\n{GUILLEMETS}\n") == [("TY004", 1, 9), ("TY004", 2, 9)]


def test_disable_next_line_suppresses_only_the_next_line():
    text = f"<!-- lintnews-disable-next-line TY004 -->\n{GUILLEMETS}\n{GUILLEMETS}\n"
    assert found(text) == [("TY004", 3, 9)]


def test_disable_next_line_skips_blank_lines_and_other_directives():
    text = (f"<!-- lintnews-disable-next-line TY004 -->\n\n<!-- lintnews-disable-next-line TY001 -->\n"
            f"{GUILLEMETS} {SPACED}\n{GUILLEMETS}\n")
    assert found(text) == [("TY004", 5, 9)]


def test_disable_next_line_names_only_the_codes_it_lists():
    text = f"<!-- lintnews-disable-next-line TY001 -->\n{GUILLEMETS} {SPACED}\n"
    assert found(text) == [("TY004", 2, 9)]


def test_codes_prefixes_and_names_and_several_codes():
    for selector in ("TY", "guillemets", "TY001, TY004", "TY001,TY004"):
        text = f"<!-- lintnews-disable-next-line {selector} -->\n{GUILLEMETS} {SPACED}\n"
        expected = [("TY001", 2, 33)] if selector in ("guillemets",) else []
        assert found(text) == expected, selector


def test_a_reason_after_two_dashes_is_not_a_code():
    text = f"<!-- lintnews-disable-next-line TY004 -- the minister's own words -->\n{GUILLEMETS}\n"
    assert found(text) == []


def test_disable_enable_region():
    text = (f"{GUILLEMETS}\n<!-- lintnews-disable TY004 -->\n{GUILLEMETS}\n{GUILLEMETS}\n"
            f"<!-- lintnews-enable -->\n{GUILLEMETS}\n")
    assert found(text) == [("TY004", 1, 9), ("TY004", 6, 9)]


def test_disable_without_enable_runs_to_the_end():
    text = f"{GUILLEMETS}\n<!-- lintnews-disable TY004 -->\n{GUILLEMETS}\n\n{GUILLEMETS}\n"
    assert found(text) == [("TY004", 1, 9)]


def test_disable_without_codes_means_every_rule():
    text = f"<!-- lintnews-disable -->\n{GUILLEMETS} {SPACED}\n<!-- lintnews-enable -->\n{SPACED}\n"
    assert found(text) == [("TY001", 4, 9)]


def test_enable_with_a_code_closes_only_that_code():
    text = (f"<!-- lintnews-disable TY001,TY004 -->\n{GUILLEMETS} {SPACED}\n<!-- lintnews-enable TY004 -->\n"
            f"{GUILLEMETS} {SPACED}\n")
    assert found(text) == [("TY004", 4, 9)]


def test_region_inside_a_line():
    text = f"{GUILLEMETS} <!-- lintnews-disable TY004 -->{GUILLEMETS}<!-- lintnews-enable --> {GUILLEMETS}\n"
    assert [c for c, _, _ in found(text)] == ["TY004", "TY004"]
    assert [col for _, _, col in found(text)] == [9, 112]


def test_disable_file_anywhere_in_the_file():
    text = f"{GUILLEMETS}\n\n{SPACED}\n\n<!-- lintnews-disable-file TY004 -->\n"
    assert found(text) == [("TY001", 3, 9)]


def test_html_comments_in_html():
    text = (f"<p>{GUILLEMETS}</p>\n<!-- lintnews-disable-next-line TY004 -->\n<p>{GUILLEMETS}</p>\n"
            f"<!-- lintnews-disable-file TY001 -->\n<p>{SPACED}</p>\n")
    assert found(text, fmt="html") == [("TY004", 1, 12)]


def test_plain_text_uses_a_hash_line_which_is_not_prose():
    text = (f"# lintnews-disable-next-line TY004 -- quoting « them » as printed\n{GUILLEMETS}\n{GUILLEMETS}\n"
            f"# lintnews-disable TY001\n{SPACED}\n# lintnews-enable\n{SPACED}\n")
    # The directive line itself holds guillemets, but it is not prose: nothing is flagged on line 1.
    assert found(text, fmt="text") == [("TY001", 7, 9), ("TY004", 3, 9)]


def test_plain_text_disable_file():
    assert found(f"{GUILLEMETS}\n# lintnews-disable-file guillemets\n", fmt="text") == []


def test_html_comment_form_is_not_a_directive_in_plain_text():
    assert found(f"<!-- lintnews-disable-file TY004 -->\n{GUILLEMETS}\n", fmt="text") == [("TY004", 2, 9)]


def test_a_directive_inside_a_markdown_code_block_is_an_example_not_a_directive():
    text = f"```\n<!-- lintnews-disable-file TY004 -->\n```\n\n{GUILLEMETS}\n"
    assert found(text) == [("TY004", 5, 9)]


def test_yaml_pack_rules_are_suppressible_too():
    text = "The strikes followed a rocket fire on the base.\n"
    assert [f.code for f in lint(text, select=["MT102"])] == ["MT102"]
    assert lint("# lintnews-disable-next-line MT102\n" + text, select=["MT102"]) == []


def test_codes_a_check_reports_under_its_own_name_are_suppressible():
    """LanguageTool findings carry codes of their own making (LT + its rule id)."""
    linter = Linter(Config(select=("TY004",)))
    doc = Document.from_text("<!-- lintnews-disable-next-line LTMORFOLOGIK -->\nTeh talks ended.\nTeh end.\n",
                             path="a.md", format="markdown")
    made = [Finding("a.md", Position(line, 1), Position(line, 4), "LTMORFOLOGIK_RULE_EN_US", "languagetool",
                    Severity.WARNING, "Possible spelling mistake.", offset=offset, end_offset=offset + 3)
            for line, offset in ((2, 49), (3, 66))]
    kept = suppressions.apply(doc, made, linter)
    assert [(f.code, f.start.line) for f in kept] == [("LTMORFOLOGIK_RULE_EN_US", 3)]


# --- IO101 invalid-suppression (on by default) ------------------------------------------------
def test_unknown_code_is_reported_and_suppresses_nothing():
    findings = lint(f"<!-- lintnews-disable-next-line ZZ999 -->\n{GUILLEMETS}\n", select=["TY", "IO"],
                    format="markdown")
    assert [(f.code, f.start.line, f.start.column, f.excerpt) for f in findings] == [
        ("IO101", 1, 33, "ZZ999"), ("TY004", 2, 9, "« no »")]
    assert "Unknown rule code" in findings[0].message


def test_unknown_directive_is_reported():
    findings = lint(f"<!-- lintnews-disable-line TY004 -->\n{GUILLEMETS}\n", format="markdown", select=["TY", "IO"])
    assert [(f.code, f.excerpt) for f in findings] == [("IO101", "lintnews-disable-line"), ("TY004", "« no »")]
    assert "lintnews-disable-next-line" in findings[0].message


def test_invalid_suppression_is_on_by_default():
    assert [f.code for f in lint("<!-- lintnews-disable ZZ9 -->\nThe talks ended.\n", format="markdown")] == ["IO101"]


# --- IO100 unused-suppression (opt-in) --------------------------------------------------------
def test_unused_suppression_is_off_by_default():
    assert lint("<!-- lintnews-disable-next-line TY004 -->\nThe talks ended.\n", format="markdown") == []


def test_unused_suppression_reported_with_a_fix_that_removes_the_line():
    text = f"{GUILLEMETS}\n<!-- lintnews-disable-next-line TY004 -->\nThe talks ended.\n"
    findings = lint(text, select=["TY004", "IO100"], format="markdown")
    assert [(f.code, f.start.line, f.start.column) for f in findings] == [("TY004", 1, 9), ("IO100", 2, 1)]
    unused = findings[1]
    assert "suppresses no finding" in unused.message and unused.fix.safe
    assert apply_fixes(text, [unused])[0] == f"{GUILLEMETS}\nThe talks ended.\n"


def test_one_unused_code_among_used_ones():
    text = f"<!-- lintnews-disable-next-line TY001, TY004 -->\n{GUILLEMETS}\n"
    findings = lint(text, select=["TY", "IO100"], format="markdown")
    assert [(f.code, f.excerpt) for f in findings] == [("IO100", "TY001, ")]
    assert apply_fixes(text, findings)[0] == f"<!-- lintnews-disable-next-line TY004 -->\n{GUILLEMETS}\n"


def test_used_suppressions_and_rules_not_enabled_are_not_reported():
    text = f"<!-- lintnews-disable TY004 -->\n{GUILLEMETS}\n<!-- lintnews-enable -->\n" \
           f"<!-- lintnews-disable-file MT102 -->\n"
    assert lint(text, select=["TY004", "IO100"], format="markdown") == []


def test_unused_region_is_reported_without_a_fix():
    text = "# lintnews-disable TY004\nThe talks ended.\n# lintnews-enable\n"
    findings = lint(text, select=["TY004", "IO100"])
    assert [(f.code, f.start.line, f.fix) for f in findings] == [("IO100", 1, None)]
