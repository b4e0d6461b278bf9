"""The document model: prose masking, positions, paragraphs, sentences, tokens."""
from __future__ import annotations

import pytest

from lintnews.document import _SENTENCE_MARKS, Document, Token, split_sentences
from lintnews.files import decode

from .helpers import lint

MARKDOWN = """---
title: Talks resume
date: 2020-01-03
lang: en
---
# Talks [resume](https://example.org/a-rocket-fire)

The `a rocket fire` code and <!-- a rocket fire --> stay quiet.

```
a rocket fire
```

After a rocket fire, see https://example.org/the-Hexagon for more.
"""


def test_front_matter_becomes_metadata_and_is_not_prose():
    doc = Document.from_text(MARKDOWN, path="a.md", format="markdown")
    assert doc.metadata == {"title": "Talks resume", "date": "2020-01-03", "lang": "en"}
    assert doc.prose.startswith("   \n") and "Talks resume" not in doc.prose[:40]
    assert len(doc.prose) == len(MARKDOWN)


def test_code_comments_urls_and_link_targets_are_not_linted_but_positions_are_original():
    findings = lint(MARKDOWN, select=["MT102"], format="markdown", path="a.md")
    assert [(f.start.line, f.start.column, f.excerpt) for f in findings] == [(14, 7, "a rocket fire")]


def test_positions_with_crlf_cr_and_astral_characters():
    text = "One 😀 line\r\nA rocket fire.\rThen a rocket fire."
    findings = lint(text, select=["MT102"])
    assert [(f.start.line, f.start.column, f.end.column) for f in findings] == [(2, 1, 14), (3, 6, 19)]


def test_bom_is_remembered_and_not_part_of_the_text():
    source = decode("\ufeffThe Hexagon wins.".encode("utf-8"), "x.txt")
    assert source.bom and source.text == "The Hexagon wins."


def test_paragraphs_standalone_lines_and_sentences():
    doc = Document.from_text("Sit-in\n\nHe left. Mr. Smith stayed in the U.S. for a week. Iraq.\nNext line.\n\nEnd")
    assert [(p.text, p.standalone) for p in doc.paragraphs] == [
        ("Sit-in", True), ("He left. Mr. Smith stayed in the U.S. for a week. Iraq.\nNext line.", False), ("End", True)]
    assert [s.text for s in doc.sentences] == [
        "Sit-in", "He left.", "Mr. Smith stayed in the U.S. for a week.", "Iraq.", "Next line.", "End"]


def test_sentence_split_keeps_closing_quotes_and_initials():
    text = '"We will go," he said. John F. Kennedy spoke! Then "Why?" she asked.'
    assert [text[s:e] for s, e in split_sentences(text)] == [
        '"We will go," he said.', "John F. Kennedy spoke!", 'Then "Why?" she asked.']


@pytest.mark.parametrize("mark", list(_SENTENCE_MARKS))
def test_every_sentence_mark_ends_a_sentence(mark):
    # Also the fast path for one-sentence paragraphs, which looks for each mark by name.
    text = f"The talks ended{mark} Both sides left"
    assert [text[s:e] for s, e in split_sentences(text)] == [f"The talks ended{mark}", "Both sides left"]
    doc = Document.from_text(f"Talks resume.\n\n{text}\n")
    assert [(s.start, s.text, s.paragraph) for s in doc.sentences] == [
        (0, "Talks resume.", 0), (15, f"The talks ended{mark}", 1), (32, "Both sides left", 1)]


def test_tokens_have_offsets():
    doc = Document.from_text("Hezbollah's brigades—google-play-badge_FR")
    assert [(t.text, t.start) for t in doc.tokens] == [
        ("Hezbollah's", 0), ("brigades", 12), ("—", 20), ("google", 21), ("-", 27), ("play", 28), ("-", 32),
        ("badge_FR", 33)]


def test_tokens_are_columns_that_give_tokens_on_demand():
    doc = Document.from_text("The mayor of Kyiv spoke, l’État said")
    tokens = doc.tokens
    assert len(tokens) == len(tokens.starts) == len(tokens.ends) == len(tokens.texts) == len(tokens.lowers) == 8
    assert tokens[3] == Token(13, 17, "Kyiv", "kyiv", True)
    assert tokens[-1] == Token(32, 36, "said", "said", True)
    assert tokens[5:7] == [Token(23, 24, ",", ",", False), Token(25, 31, "l’État", "l’état", True)]
    assert [t.text for t in tokens] == ["The", "mayor", "of", "Kyiv", "spoke", ",", "l’État", "said"]
    assert tokens.at(14) == 4 and tokens.at(13) == 3 and tokens.at(99) == 8
    assert [w.text for w in doc.words] == ["The", "mayor", "of", "Kyiv", "spoke", "l’État", "said"]
    assert doc.words.starts == [0, 4, 10, 13, 18, 25, 32]
    assert tokens.is_word == [True] * 5 + [False, True, True] and doc.words.is_word == [True] * 7
    assert doc.words.lowers == ["the", "mayor", "of", "kyiv", "spoke", "l’état", "said"]
    assert doc.vocabulary == {"the", "mayor", "of", "kyiv", "spoke", ",", "l’état", "said"}


def test_a_phrase_can_end_on_the_last_token():
    from lintnews.phrases import PhraseIndex

    index = PhraseIndex()
    index.add("Kiev", "city")
    index.add("rocket fire", "calque")
    doc = Document.from_text("A rocket fire hit Kiev")
    assert list(index.find(doc)) == [(2, 13, "calque"), (18, 22, "city")]


@pytest.mark.parametrize("text, starts", [
    ("", [0]),
    ("one line", [0]),
    ("a\nbc\n\nd", [0, 2, 5, 6]),
    ("a\n", [0, 2]),
    ("a\r\nbc\rd\n", [0, 3, 6, 8]),        # Windows and old Mac breaks: one line each
    ("\r\n\r\n", [0, 2, 4]),
])
def test_line_starts(text, starts):
    assert Document.from_text(text).line_starts == starts
