"""Quotation marks and French elisions (MT201-MT204, MT202): positions, messages and fixes."""
from __future__ import annotations

from lintnews.fixes import apply_fixes

from .helpers import lint


def codes(findings):
    return [(f.code, f.start.line, f.start.column, f.excerpt) for f in findings]


# --- MT201 unbalanced-quotes --------------------------------------------------------------

def test_unclosed_opening_mark_is_reported_at_the_mark():
    text = 'The union said it would "fight to the end and left the room.\n'
    [f] = lint(text, select=["MT201"])
    assert (f.code, f.start.line, f.start.column, f.excerpt) == ("MT201", 1, 25, '"')
    assert "opening mark" in f.message and "never closed" in f.message


def test_closing_mark_without_opening_mark():
    text = "First paragraph.\n\nThe plan is dead,” he said on Monday.\n"
    [f] = lint(text, select=["MT201"])
    assert (f.start.line, f.start.column, f.excerpt) == (3, 18, "”")
    assert "no opening mark" in f.message


def test_every_style_is_paired_guillemets_and_curly_single_too():
    text = "He said «enough and left. She called it ‘absurd and went home.\n"
    found = codes(lint(text, select=["MT201"]))
    assert found == [("MT201", 1, 9, "«"), ("MT201", 1, 41, "‘")]


def test_quotation_reopened_in_the_next_paragraph_is_not_unbalanced():
    text = '"We will stay here.\n\n"And we will not leave," she said.\n'
    assert lint(text, select=["MT201"]) == []


def test_quotation_closed_in_a_following_paragraph_is_not_unbalanced():
    # Aligned and scraped copy puts one sentence a paragraph: a quotation spans them.
    text = '"We will stay here.\n\nNobody can move us.\n\nAnd we will not leave," she said.\n'
    assert lint(text, select=["MT201"]) == []


def test_quotation_left_open_far_too_long_is_reported():
    text = '"We will stay here.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nAnd then," she said.\n'
    assert [(f.start.line, f.excerpt) for f in lint(text, select=["MT201"])] == [(1, '"'), (11, '"')]


def test_possessive_typed_as_a_quotation_mark_gets_an_apostrophe():
    text = "The banks faced two years\" worth of fines.\n"
    [f] = lint(text, select=["MT201"])
    assert f.excerpt == '"' and "years'" in f.message
    assert f.fix.replacement == "'" and not f.fix.safe
    assert apply_fixes(text, [f], unsafe=True)[0] == "The banks faced two years' worth of fines.\n"


def test_apostrophes_and_nested_quotes_are_not_quotation_problems():
    text = "“The farmers’ union calls it ‘theft’,” he said. It’s the ’90s again.\n"
    assert lint(text, select=["MT201"]) == []


# --- MT202 french-elision -----------------------------------------------------------------

def test_stray_apostrophe_after_the_is_fixed_safely_for_a_country():
    text = 'He blamed "allies of the \'Iraq" for the attack.\n'
    [f] = lint(text, select=["MT202"])
    assert (f.start.column, f.excerpt) == (22, "the 'Iraq")
    assert "Stray apostrophe after 'the'" in f.message and "'allies of Iraq'" in f.message
    assert f.fix.replacement == "Iraq" and f.fix.safe


def test_stray_apostrophe_before_other_words_keeps_the_article_as_an_unsafe_fix():
    [f] = lint("Staff of the 'Elysée palace said no.\n", select=["MT202"])
    assert f.excerpt == "the 'Elysée" and f.fix.replacement == "the Elysée" and not f.fix.safe


def test_single_quoted_word_after_the_is_a_quotation_not_an_elision():
    assert lint("He denounced the 'invasion' and the 'occupation'.\n", select=["MT202"]) == []


def test_french_elisions_left_in_english():
    text = "Shares of l'Oréal fell, the coach d'Alex said qu'il was ready.\n"
    found = {f.excerpt: f for f in lint(text, select=["MT202"])}
    assert set(found) == {"of l'Oréal", "d'Alex", "qu'il"}
    assert found["of l'Oréal"].fix.replacement == "of the Oréal"
    assert found["d'Alex"].fix.replacement == "of Alex" and not found["d'Alex"].fix.safe
    assert found["qu'il"].fix is None and "is French" in found["qu'il"].message


def test_l_elision_before_a_place_without_article_is_fixed_safely():
    [f] = lint("Floods hit villages in l'Essex overnight.\n", select=["MT202"])
    assert f.excerpt == "in l'Essex" and f.fix.replacement == "in Essex" and f.fix.safe


def test_names_titles_and_loanwords_keep_their_elisions():
    text = ("The Quai d'Orsay and the Musée d'Orsay agreed. A coup d'état, a maître d' and hors d'oeuvres. "
            "L'Express reported it; L'Aquila rebuilt. They staged 'Mozart, l'Opéra Rock' again. "
            "The comité de l'éthique met.\n")
    assert lint(text, select=["MT202"]) == []


# --- MT203 mixed-quote-styles -------------------------------------------------------------

def test_minority_style_is_reported_mark_by_mark_with_a_safe_fix():
    text = '“One,” he said.\n\n“Two,” she said.\n\n"Three," they said.\n'
    findings = lint(text, select=["MT203"])
    assert [(f.start.line, f.start.column, f.excerpt) for f in findings] == [(5, 1, '"'), (5, 8, '"')]
    assert "2 other quotations" in findings[0].message
    fixed, _ = apply_fixes(text, findings)
    assert fixed.endswith("“Three,” they said.\n")


def test_one_quotation_opened_and_closed_in_two_styles():
    [f] = lint('He sang "The people and the army”.\n', select=["MT203"])
    assert f.excerpt == "”" and "'\"' closed by '”'" in f.message and f.fix.replacement == '"'


def test_one_style_throughout_is_quiet():
    assert lint('"One," he said. "Two," she said.\n', select=["MT203"]) == []


# --- MT204 quote-punctuation --------------------------------------------------------------

def test_space_before_closing_mark_and_mashed_marks():
    text = "“It is over. ” Then came “the end” … » and silence.\n"
    found = codes(lint(text, select=["MT204"]))
    assert ("MT204", 1, 12, ". ”") in found
    assert ("MT204", 1, 34, "” … »") in found


def test_opening_mark_glued_to_the_previous_word():
    text = 'He works for the" France 2" channel.\n'
    [f] = lint(text, select=["MT204"])
    assert (f.start.column, f.excerpt) == (17, '" ')
    assert "wrong side of the space" in f.message
    assert apply_fixes(text, [f])[0] == 'He works for the "France 2" channel.\n'


def test_adjacent_quotations_are_not_mashed():
    assert lint('He said "yes" "and no" and “fine” "ok".\n', select=["MT204"]) == []
