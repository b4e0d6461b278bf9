"""Calques (MT101-MT111) and false friends (MT120-MT129): French news idioms rendered word for word."""
from __future__ import annotations

import pytest

from lintnews.config import Config
from lintnews.finding import Severity
from lintnews.fixes import apply_fixes

from .helpers import lint


def found(findings):
    return [(f.code, f.start.column, f.excerpt) for f in findings]


@pytest.mark.parametrize("text, excerpt", [
    ("The minister told the World that the plan was dead.", "the World"),
    ("In an interview with the World, she said no.", "the World"),
    ("The daily the World published the letter.", "the World"),
    ("He wrote in the World newspaper on Monday.", "the World"),
])
def test_the_world_is_le_monde_only_where_it_means_the_paper(text, excerpt):
    [f] = lint(text, select=["MT104"])
    assert f.excerpt == excerpt and f.fix.replacement == "Le Monde" and f.fix.safe
    assert f.message == "Newspaper title translated: write 'Le Monde' instead of 'the World'."


@pytest.mark.parametrize("text", [
    "She told the World Health Organization the plan was ready.",
    "He wants to tell the world about it.",
    "According to the World Bank, growth slowed.",
    "The best team in the World is in Madrid.",
    "She told the World Cup organisers to wait.",
])
def test_the_world_as_english(text):
    assert lint(text, select=["MT104"]) == []


def test_newspaper_titles_are_fixed():
    text = "He told the Sunday Journal and the daily the Parisian the same thing.\n"
    findings = lint(text, select=["MT104"])
    fixed, count = apply_fixes(text, findings)
    assert count == 2
    assert fixed == "He told the Journal du Dimanche and the daily Le Parisien the same thing.\n"


def test_news_calques_fixed_in_one_pass():
    text = "Several tens of people fled the Hexagon in reason of the strike.\n"
    findings = lint(text, select=["MT102"])
    assert found(findings) == [("MT102", 1, "Several tens of"), ("MT102", 29, "the Hexagon"),
                               ("MT102", 41, "in reason of")]
    assert apply_fixes(text, findings)[0] == "Dozens of people fled France because of the strike.\n"


def test_durations_and_ages():
    findings = lint("A man of 45 years has lived here since three years.\n", select=["MT108", "MT109"])
    assert found(findings) == [("MT109", 3, "man of 45 years"), ("MT108", 34, "since three years")]
    assert [f.fix.replacement for f in findings] == ["45-year-old man", "for three years"]
    assert lint("He has lived here since two years ago, since 2019.\n", select=["MT108"]) == []


def test_approximate_numbers():
    [f] = lint("A thirty of villagers were hurt; a dozen of them seriously.\n", select=["MT107"])
    assert (f.excerpt, f.suggestions) == ("A thirty of", ("About thirty",))


def test_head_of_state_is_advice_only():
    [f] = lint("The reform was announced by the Head of State in Lyon.\n", select=["MT106"])
    assert f.severity == Severity.INFO and f.suggestions == ("the president",)
    assert lint("Heads of state met; as head of state, the king signs.\n", select=["MT106"]) == []


@pytest.mark.parametrize("text, code, excerpt, suggestion", [
    ("The contract of the actual coach ends in June.", "MT120", "the actual coach", "the current coach"),
    ("Paris is preparing for an eventual strike.", "MT121", "an eventual", "a possible"),
    ("The hackers stole sensible data.", "MT122", "sensible data", "sensitive data"),
    ("The coach was very deceived by the result.", "MT123", "very deceived", "very disappointed"),
    ("Thousands assisted at the funeral.", "MT124", "assisted at the", "attended the"),
    ("He was stopped at an identity control.", "MT125", "identity control", "identity check"),
    ("The plan funds professional formation.", "MT126", "professional formation", "professional training"),
    ("Police seized an important quantity of cocaine.", "MT127", "an important quantity of", "a large quantity of"),
    ("The institute realised a survey of voters.", "MT128", "realised a survey", "carried out a survey"),
    ("Thousands joined the manifestation against the reform.", "MT129", "manifestation against",
     "demonstration against"),
])
def test_false_friends_in_their_french_sense(text, code, excerpt, suggestion):
    [f] = lint(text, select=["MT12"])
    assert (f.code, f.excerpt, f.severity) == (code, excerpt, Severity.INFO)
    assert f.suggestions[0] == suggestion and f.fix is None


def test_false_friends_in_their_english_sense():
    text = ("The actual cost doubled. She was the eventual winner. It was a sensible decision. "
            "Investors were deceived by a deception. Nurses assisted the surgeon. Border controls "
            "returned. The formation of a government took weeks. It is an important part of the plan. "
            "She realised the survey was flawed. The fever was a manifestation of the disease.\n")
    assert lint(text, select=["MT12"]) == []


def test_wmt14_reference_has_no_calque_warnings():
    from bench.precision import lint_system
    from lintnews.engine import Linter

    from .conftest import shared_path

    shared_path("corpora/wmt14-fr-en/newstest2014.fr-en.ref")
    linter = Linter(Config(select=("MT1",)))
    ref, _ = lint_system(linter, "ref")
    assert [(f.code, f.excerpt) for f in ref if f.severity > Severity.INFO] == []
    assert len([f for f in ref if f.severity == Severity.INFO]) <= 2
    mt, _ = lint_system(linter, "rbmt4.0")
    assert {"MT101", "MT102", "MT108", "MT109"} <= {f.code for f in mt}
