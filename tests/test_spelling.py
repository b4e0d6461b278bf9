"""One entity, one spelling (lintnews/checks/spelling.py)."""
from __future__ import annotations

from lintnews.fixes import apply_fixes

from .helpers import lint

SPELLING = ["FC040", "FC041"]


def test_transliteration_pair_reports_the_minority_with_the_other_line():
    text = ("Police named Karim Jaber as the driver.\n\nJaber was held overnight.\n\n"
            "A lawyer for Karim Djaber said he would appeal.\n")
    [f] = lint(text, select=SPELLING)
    assert (f.code, f.start.line, f.excerpt) == ("FC040", 5, "Djaber")
    assert f.message == "Inconsistent spelling: 'Djaber' here, 'Jaber' on lines 1 and 3."


def test_ch_sh_and_ou_u_and_diaeresis_pairs():
    [f] = lint("Leaders of the Shaabi met. The Shaabi said no.\n\nThe Chaabi agreed.", select=SPELLING)
    assert f.excerpt == "Chaabi"
    [g] = lint("Mustafa Nouri spoke. Nouri left.\n\nNuri returned.", select=SPELLING)
    assert g.excerpt == "Nuri"
    [h] = lint("Ismail Rahimi spoke. Ismail left.\n\nIsmaïl returned.", select=SPELLING)
    assert h.excerpt == "Ismaïl"


def test_two_people_with_similar_names_stay_silent():
    assert lint("Louis Martin met Luis Moreno.\n\nLouis Martin said Luis Moreno agreed.", select=SPELLING) == []
    assert lint("Jean Dupont and Jeanne Dupont signed. Denis Roy and Denise Roy did not.", select=SPELLING) == []
    assert lint("The Iraqi army entered Iraq. Iraqis cheered.", select=SPELLING) == []


def test_exonym_with_fix():
    text = "Officials in Pékin and Moscou reacted. Vladimir Poutine's aide spoke."
    findings = lint(text, select=SPELLING)
    assert [f.excerpt for f in findings] == ["Pékin", "Moscou", "Vladimir Poutine's"]
    assert apply_fixes(text, findings)[0] == "Officials in Beijing and Moscow reacted. Vladimir Putin's aide spoke."


def test_exonym_names_the_other_spelling_in_the_article():
    text = "Fighters of the Hachd al-Chaabi arrived.\n\nThe Hashd denied it.\n"
    [f] = lint(text, select=SPELLING)
    assert (f.code, f.excerpt) == ("FC041", "Hachd al-Chaabi")
    assert f.message == ("Inconsistent spelling: 'Hachd al-Chaabi' here, 'Hashd' on line 3; "
                         "English usage is 'Hashd al-Shaabi'.")


def test_french_names_and_titles_are_not_exonyms():
    assert lint("He wrote like Albert Londres. His novel Le Chemin de Damas sold well.", select=SPELLING) == []


def test_accented_and_plain_spellings_of_one_name():
    # Only the accent differs: the names fold alike (the non-ASCII path of the pre-check).
    text = "Hélène Dupuis spoke. Hélène Dupuis left.\n\nHelene Dupuis denied it."
    [f] = lint(text, select=SPELLING)
    assert (f.code, f.start.line, f.start.column, f.excerpt) == ("FC040", 3, 1, "Helene")
    assert f.message == "Inconsistent spelling: 'Helene' here, 'Hélène' on line 1."


def test_exonym_in_a_text_with_an_underscore():
    # An underscore joins word runs differently for the tokeniser: every token is looked at.
    [f] = lint("See report_2020 on the Moscou talks.", select=SPELLING)
    assert (f.code, f.start.column, f.excerpt) == ("FC041", 24, "Moscou")
