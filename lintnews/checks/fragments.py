"""Broken segmentation: a sentence cut by machine translation leaves a stray noun phrase behind.

"...sent 500 soldiers to neighboring Kuwait. Iraq." comes from "au Koweït voisin de l'Irak": the
translation split the sentence and left "Iraq." on its own. A one- or two-word "sentence" made of
a name, inside a paragraph of ordinary sentences, is such a leftover. Intertitles (short lines of
their own) and the short replies of dialogue ("No.", "Not at all.", "Why?") are not.
"""
from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter, not_

from ..document import one_sentence, split_sentences
from ..packs import compile_cached
from . import Hit, check

#: Words that make a legitimate one- or two-word sentence: replies, adverbs, interjections.
SHORT_SENTENCE_WORDS = frozenset("""
yes no not never nothing none nobody everything everyone always exactly absolutely indeed right wrong
true false fine good great okay ok sure thanks thank please sorry really perhaps maybe certainly agreed
correct enough again hello goodbye bravo amen alas well so too also still period end done finally
today tomorrow yesterday now then later here there why how what who when where which whatever
""".split())

FRAGMENT_MAX_WORDS = 2
#: FRAGMENT_MAX_WORDS + 1 white-space-separated chunks that are all letters and digits
#: (str.split and str.isalnum, as re's \s and [^\W_] are).
_MORE_THAN_TWO_ALNUM_CHUNKS = re.compile(r"(?:(?<!\S)[^\W_]+(?!\S)(?s:.)*?){%d}" % (FRAGMENT_MAX_WORDS + 1))
WORD = compile_cached(r"[\p{L}\p{N}][\p{L}\p{N}'’\-.]*")
#: A character that is no letter, digit, space, apostrophe, hyphen or full stop ("Iraq: no.").
OTHER_PUNCTUATION = compile_cached(r"[^\p{L}\p{N}\s'’\-.]")


def _is_name(word: str) -> bool:
    """A capitalised word that is not a reply or an adverb: 'Iraq', 'Saudi', 'Al-Qaeda'."""
    return word[:1].isupper() and word.lower() not in SHORT_SENTENCE_WORDS and not word.isupper()


@check("MT301", "sentence-fragment", "warning",
       "A one- or two-word 'sentence' made of a bare name inside a paragraph: a broken translation.",
       why="When machine translation splits a sentence wrongly, part of it ends up on its own: "
           "'...sent troops to neighboring Kuwait. Iraq.' (from 'au Koweït voisin de l'Irak'). The reader "
           "cannot tell what the stray name means. Intertitles on lines of their own and short replies "
           "('No.', 'Not at all.') are not flagged.",
       message="Sentence fragment '{match}' inside a paragraph: probably a broken translation.",
       bad=["The unit moved to neighboring Kuwait. [[Iraq.]] More troops are ready.",
            "Talks resumed in the capital. [[Saudi Arabia.]] The envoy left on Monday."],
       good=["Did he resign? No. He stayed in office.",
             "The talks failed.\n\nAnger\n\nThe crowd grew.",
             "He was asked if he would run. Absolutely. The campaign starts on Monday.",
             "PARIS. The talks resumed on Monday.",
             "Who won the vote? Germany. The others abstained."])
def sentence_fragment(doc, ctx):
    # A fragment follows a statement in the same paragraph: only paragraphs of several sentences
    # can hold one, and the first sentence of a paragraph is never one. Most paragraphs are one
    # sentence (one_sentence): the article's sentences are not built for them (speed).
    paragraphs = doc.paragraphs
    for para in compress(paragraphs, map(not_, map(one_sentence, map(attrgetter("text"), paragraphs)))):
        if para.standalone:
            continue
        spans = split_sentences(para.text)
        for (ps, pe), (s, e) in zip(spans, spans[1:]):
            text = para.text[s:e]
            # Cheap, in C: more than two chunks made only of letters and digits are more than two
            # words (the full stop that ends a sentence only hides one such chunk). The search
            # stops at the third such chunk, near the start of an ordinary sentence.
            if _MORE_THAN_TWO_ALNUM_CHUNKS.search(text) is not None:
                continue
            if not text.endswith(".") or text.endswith("..") or any(q in text for q in "\"“”«»‘"):
                continue
            if sum(map(str.isalnum, text[:-1].split())) > FRAGMENT_MAX_WORDS:
                continue
            words = WORD.findall(text[:-1])
            if not 1 <= len(words) <= FRAGMENT_MAX_WORDS or not all(_is_name(w) for w in words):
                continue
            if OTHER_PUNCTUATION.search(text[:-1]):
                continue  # "Iraq: no." and the like carry their own punctuation
            # The sentence before it (in the same paragraph) is a statement: not a question it
            # answers, not a dateline opening the paragraph.
            previous = para.text[ps:pe].rstrip("\"”’»)] ")
            if not previous.endswith("."):
                continue
            yield Hit(para.start + s, para.start + e,
                      f"Sentence fragment '{text}' inside a paragraph: probably a broken translation.")
