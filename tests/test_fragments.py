"""Broken segmentation (MT301): a stray name left as a 'sentence' inside a paragraph."""
from __future__ import annotations

from .helpers import lint


def test_one_word_name_fragment_inside_a_paragraph():
    text = "Troops were sent to neighboring Jordan. Syria. More units are ready.\n"
    [f] = lint(text, select=["MT301"])
    assert (f.code, f.start.line, f.start.column, f.excerpt) == ("MT301", 1, 41, "Syria.")
    assert f.message == "Sentence fragment 'Syria.' inside a paragraph: probably a broken translation."
    assert f.fix is None and str(f.severity) == "warning"


def test_two_word_name_fragment_and_the_last_sentence_of_a_paragraph():
    text = "The envoy flew to the Gulf.\n\nHe met the emir of neighboring Qatar. Saudi Arabia.\n"
    [f] = lint(text, select=["MT301"])
    assert (f.start.line, f.excerpt) == (3, "Saudi Arabia.")


def test_intertitles_on_lines_of_their_own_are_not_fragments():
    text = "The talks failed.\n\nAnger\n\nThe crowd grew.\n\nSit-in\n\nIt lasted a week.\n"
    assert lint(text, select=["MT301"]) == []


def test_replies_questions_datelines_and_quotes_are_not_fragments():
    text = ("Did he resign? No. He stayed. Was it over? Not at all. Who won? Germany. "
            "He was asked to run. Absolutely. It was planned. Again.\n\n"
            "PARIS. The talks resumed. \"Iraq.\" That was all he said. The board met. NATO.\n")
    assert lint(text, select=["MT301"]) == []
