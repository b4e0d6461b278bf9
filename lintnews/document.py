"""The article as checks see it: prose, paragraphs, sentences and words, each with offsets.

Offsets index `Document.prose`, which has the length of the decoded original text (see
markup.py), so one offset -> (line, column) map serves every check. Lines are 1-based;
columns are 1-based and count Unicode code points (not bytes, not UTF-16 units).
"""
from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Sequence
from itertools import accumulate, compress, count, repeat
from operator import add, itemgetter
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import regex

from . import markup
from .finding import Position


# Slotted, not frozen: an article has thousands of lines, paragraphs and sentences, and a
# frozen dataclass is built at a third of the speed. Checks treat them as read-only.
@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Paragraph(Span):
    #: The paragraph is one short line with no closing punctuation: an intertitle or headline.
    standalone: bool = False


@dataclass(slots=True)
class Sentence(Span):
    paragraph: int = 0


class Token(NamedTuple):
    """A word or a punctuation mark. A named tuple, not a dataclass like the other spans: an
    article has tens of thousands of tokens and a tuple is built in half the time."""

    start: int
    end: int
    text: str
    lower: str = ""
    is_word: bool = True


WORD = r"[^\W_]+(?:['’][^\W_]+)*(?:_[^\W_]+)*"
TOKEN = re.compile(rf"({WORD})|([^\w\s]|_)")
#: The same tokens as separators: split() gives gap, token, gap, token, ..., gap. Nothing
#: after a word's parts can fail, so possessive quantifiers (Python 3.11) find the same
#: words with no backtracking state: a sixth faster over a whole article.
TOKEN_SPLIT = re.compile(rf"({WORD.replace('+', '++').replace(')*', ')*+')}|[^\w\s]|_)"
                         if sys.version_info >= (3, 11) else rf"({WORD}|[^\w\s]|_)")
#: TOKEN_SPLIT for ASCII text, where [^\W_] is [A-Za-z0-9]: a range is tested in a quarter
#: of the time of a Unicode category, at every character of the article.
TOKEN_SPLIT_ASCII = re.compile(
    TOKEN_SPLIT.pattern.replace(r"[^\W_]", "[A-Za-z0-9]").replace(r"[^\w\s]", r"[^A-Za-z0-9_\s]"))
#: The letters and digits of the Latin script beyond ASCII (U+0080 to U+024F: accented letters,
#: ordinals, superscript digits), which is as far as most non-ASCII articles go.
LATIN_ALNUM = "".join(chr(c) for c in range(0x80, 0x250) if chr(c).isalnum())
LATIN_ALNUM_CLASS = f"[A-Za-z0-9{LATIN_ALNUM}]"
#: TOKEN_SPLIT for text whose letters and digits are all Latin: ranges again, not categories
#: (a quarter faster on an article with curly quotes or accents).
TOKEN_SPLIT_LATIN = re.compile(TOKEN_SPLIT.pattern.replace(r"[^\W_]", LATIN_ALNUM_CLASS)
                               .replace(r"[^\w\s]", rf"[^A-Za-z0-9_\s{LATIN_ALNUM}]"))


def _without_underscore(pattern: str) -> str:
    """A TOKEN_SPLIT pattern for text without "_": no underscore part after a word's letters to
    try, no "_" alternative (a sixth faster: most articles have no underscore)."""
    for alnum in (r"[^\W_]", "[A-Za-z0-9]", LATIN_ALNUM_CLASS):
        pattern = pattern.replace(f"(?:_{alnum}++)*+", "").replace(f"(?:_{alnum}+)*", "")
    return pattern.replace("|_)", ")").replace("0-9_\\s", "0-9\\s")


TOKEN_SPLIT_PLAIN, TOKEN_SPLIT_LATIN_PLAIN = (
    re.compile(_without_underscore(p.pattern)) for p in (TOKEN_SPLIT, TOKEN_SPLIT_LATIN))
#: In ASCII text the apostrophe is ' only.
TOKEN_SPLIT_ASCII_PLAIN = re.compile(_without_underscore(TOKEN_SPLIT_ASCII.pattern).replace("['’]", "'"))
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+[\"“‘«(\[]?[\d\p{Lu}]|\s*$)".replace(r"\p{Lu}", "A-ZÀ-ÖØ-Þ"))

#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st mt ft gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres sec atty
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vs etc inc corp co ltd jr sr approx est dept univ ave blvd fig vol op cf al e.g i.e
u.s u.k u.n e.u a.m p.m d.c mme mlle m
""".split())

STANDALONE_MAX_WORDS = 8


@dataclass
class Document:
    """One article: the decoded text, its prose, and metadata (front matter, CLI options)."""

    path: str
    text: str
    prose: str = ""
    format: str = "text"
    metadata: dict = field(default_factory=dict)
    #: Notes from reading the file (such as an encoding fallback), reported as findings.
    notes: list = field(default_factory=list)
    #: The JSON Lines article id, for batch inputs.
    article: str | None = None
    #: For a section of a longer text (see runner.SECTION_CHARS): the (line, column) its first
    #: character has in the file, so positions are the file's. (1, 1) for a whole file.
    origin: tuple = (1, 1)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        if not self.prose:
            self.prose = markup.plain_prose(self.text)
        if len(self.prose) != len(self.text):  # pragma: no cover - a bug in a markup reader
            raise ValueError("prose must keep the length of the original text")

    @property
    def name(self) -> str:
        """The path, and the article's id in a batch (`archive.jsonl[a17]`): for notices."""
        return self.path + (f"[{self.article}]" if self.article else "")

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", format: str = "text", **kw) -> "Document":
        meta = dict(kw.pop("metadata", {}) or {})
        if format == "markdown":
            prose, front = markup.markdown_prose(text)
            return cls(path, text, prose, format, {**front, **meta}, **kw)
        if format == "html":
            from .html import html_prose  # only when an HTML file is read

            prose, found = html_prose(text)
            return cls(path, text, prose, format, {**found, **meta}, **kw)
        return cls(path, text, markup.plain_prose(text), "text", meta, **kw)

    def blanked_space(self, start: int, end: int) -> bool:
        """True when prose[start:end] holds white space that was markup in the file (a tag, a
        Markdown mark, a link target). Spacing rules ("space before '.'") ignore such spans:
        in `<a>text</a>.` the space before the full stop is not in the article."""
        prose, text = self.prose, self.text
        for i in range(max(0, start), min(end, len(text))):
            if prose[i] != text[i] and prose[i] in " \n" and text[i] != "\r":
                return True
        return False

    def memo(self, key, compute):
        """A value computed once per document and shared by the checks that need it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def memoized(self, key, default=None):
        """The value memo stored under `key`, if some check or the engine computed it."""
        return self._memo.get(key, default)

    def remember(self, key, value):
        """Store `value` under `key` for the checks, in place of any earlier one."""
        self._memo[key] = value
        return value

    # --- positions -------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        text = self.text
        if "\r" not in text:
            return _starts(text.split("\n"))
        return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> Position:
        """(line, column) of a character offset; both 1-based, columns in code points."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.line_starts, offset) - 1
        if self.origin != (1, 1):
            first_line, first_column = self.origin
            return Position(first_line + line, offset - self.line_starts[line] + (first_column if line == 0 else 1))
        return Position(line + 1, offset - self.line_starts[line] + 1)

    def line_span(self, line: int) -> Span:
        """The prose of 1-based `line`, without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.prose)
        text = self.prose[start:end].rstrip("\n").rstrip(" ") if line < len(self.line_starts) else self.prose[start:end]
        return Span(start, start + len(text), text)

    # --- structure -------------------------------------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        """Every line of prose (blank ones too), without line breaks."""
        texts = self.prose.split("\n")
        return [Span(start, start + len(text), text) for start, text in zip(_starts(texts), texts)]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Blocks of prose separated by blank lines, stripped of surrounding white space."""
        out = []
        prose = self.prose
        start = 0
        for m in [*PARAGRAPH_BREAK.finditer(prose), None]:
            end = m.start() if m else len(prose)
            chunk = prose[start:end]
            stripped = chunk.strip()
            if stripped:
                s = start + (len(chunk) - len(chunk.lstrip()))
                e = s + len(stripped)
                # Most paragraphs end with a full stop: no call to is_standalone for them.
                out.append(Paragraph(s, e, stripped, stripped[-1] not in _CLOSING and is_standalone(stripped)))
            if m:
                start = m.end()
        return out

    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for index, para in enumerate(self.paragraphs):
            text = para.text
            if one_sentence(text):  # a paragraph has no white space at either end
                out.append(Sentence(para.start, para.end, text, index))
                continue
            for s, e in split_sentences(text):
                out.append(Sentence(para.start + s, para.start + e, text[s:e], index))
        return out

    @cached_property
    def non_ascii_characters(self) -> frozenset[str]:
        """The distinct non-ASCII characters of the prose: for the tokens, for fold and for the
        checks that must know whether the prose holds unusual characters."""
        prose = self.prose
        # One scan for the few non-ASCII characters, not a set of every character (speed; the
        # module regex scans a character class ten times faster than re here).
        return frozenset() if prose.isascii() else frozenset("".join(_NON_ASCII.findall(prose)))

    @cached_property
    def latin(self) -> bool:
        """Whether every letter and digit of the prose is of the Latin script (below U+0250):
        patterns then test ranges of characters, not Unicode categories (speed)."""
        return all(c < "\u0250" or not c.isalnum() for c in self.non_ascii_characters)

    @cached_property
    def _columns(self) -> tuple[list, list, list]:
        """Token starts, ends and texts, as three lists. Built in bulk (split, accumulate): an
        article has thousands of tokens, and a loop over regex matches costs twice as much."""
        prose = self.prose
        plain = "_" not in prose
        if prose.isascii():
            pattern = TOKEN_SPLIT_ASCII_PLAIN if plain else TOKEN_SPLIT_ASCII
        elif self.latin:
            pattern = TOKEN_SPLIT_LATIN_PLAIN if plain else TOKEN_SPLIT_LATIN
        else:
            pattern = TOKEN_SPLIT_PLAIN if plain else TOKEN_SPLIT
        parts = pattern.split(prose)
        offsets = list(accumulate(map(len, parts), initial=0))
        # Offsets run gap, token, gap, ..., gap, end: a token starts at each odd one but the last.
        return offsets[1:-1:2], offsets[2::2], parts[1::2]

    @cached_property
    def tokens(self) -> "Tokens":
        """Words and punctuation marks, in order."""
        return Tokens(*self._columns)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every token in lower case, once: one set intersection tells whether any of a rule's
        words occurs in the article at all."""
        return frozenset(self.tokens.lowers)

    @cached_property
    def words(self) -> "Tokens":
        """The tokens that are words (not punctuation), in order."""
        tokens = self.tokens
        is_word = tokens.is_word
        return Tokens(*(list(compress(column, is_word)) for column in (
            tokens.starts, tokens.ends, tokens.texts, tokens.lowers)), [True] * sum(is_word))

    def paragraph_at(self, offset: int) -> Paragraph | None:
        starts = [p.start for p in self.paragraphs]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.paragraphs[i].start <= offset <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None


class Tokens(Sequence):
    """A list of Tokens kept as columns: `starts`, `ends`, `texts`, `lowers`, `is_word`.

    An article has thousands of tokens and most checks look at a few of them, or at one
    column in bulk (every lower-case text, every start for a bisection): a Token is built
    only when one is asked for, not a tuple for each token of every article; and the columns
    `lowers` and `is_word` only when a check asks for one."""

    __slots__ = ("starts", "ends", "texts", "_lowers", "_is_word")

    def __init__(self, starts: list, ends: list, texts: list, lowers: list | None = None,
                 is_word: list | None = None):
        self.starts, self.ends, self.texts, self._lowers, self._is_word = starts, ends, texts, lowers, is_word

    @property
    def lowers(self) -> list[str]:
        """Each token's text in lower case."""
        if self._lowers is None:
            self._lowers = list(map(str.lower, self.texts))
        return self._lowers

    @property
    def is_word(self) -> list[bool]:
        """Whether each token is a word: it starts with a letter or digit ([^\\W_] is
        str.isalnum); a punctuation token is one character that is neither."""
        if self._is_word is None:
            self._is_word = list(map(str.isalnum, map(itemgetter(0), self.texts)))
        return self._is_word

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if i.__class__ is slice:
            texts = self.texts[i]
            return list(map(tuple.__new__, repeat(Token), zip(self.starts[i], self.ends[i], texts, map(
                str.lower, texts), map(str.isalnum, map(itemgetter(0), texts)))))
        text = self.texts[i]
        return tuple.__new__(Token, (self.starts[i], self.ends[i], text, text.lower(), text[0].isalnum()))

    def __iter__(self):
        return map(tuple.__new__, repeat(Token), zip(self.starts, self.ends, self.texts, self.lowers, self.is_word))

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"

    def at(self, offset: int) -> int:
        """The index of the first token that starts at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)


def _starts(lines: list[str]) -> list[int]:
    """Where each of `lines`, a text split at "\n", starts in the text: line k after the k lines
    before it and their k line breaks (all in C)."""
    return list(map(add, accumulate(map(len, lines[:-1]), initial=0), count()))


#: The last characters of a paragraph that is no intertitle (a question may be one).
_CLOSING = frozenset(".,;:!…")


def is_standalone(paragraph: str) -> bool:
    """A one-line paragraph of a few words without closing punctuation (an intertitle)."""
    if "\n" in paragraph:
        return False
    if paragraph[-1] in _CLOSING:
        return False
    return len(paragraph.split()) <= STANDALONE_MAX_WORDS


#: What ends a sentence: its marks, and the closing quotes and brackets after them.
_SENTENCE_MARKS = ".!?…"
_SENTENCE_TAIL = _SENTENCE_MARKS + "\"”’»)]"


def one_sentence(text: str) -> bool:
    """Whether `text`, which has no white space at either end, is one sentence by a quick test:
    no mark before its closing run of marks and quotes. Then no boundary can fall inside (one
    needs white space or the end after its mark). Most paragraphs pass it."""
    body = text.rstrip(_SENTENCE_TAIL)
    # The four _SENTENCE_MARKS, each looked for in C (a regex or a generator costs twice as much).
    return "." not in body and "!" not in body and "?" not in body and "…" not in body


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries in one paragraph, as (start, end) offsets into `text`."""
    if text and not text[0].isspace() and not text[-1].isspace() and one_sentence(text):
        return [(0, len(text))]
    spans = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        mark = m.group()
        if mark[0] == "." and len(mark.rstrip("\"”’»)]")) == 1 and _abbreviation_before(text, m.start()):
            continue
        piece = text[start:end].lstrip()  # empty when the piece is all white space
        if piece:
            spans.append((end - len(piece), end))
        start = end
    rest = text[start:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        spans.append((start + lead, start + len(rest.rstrip())))
    return spans


#: The letters, digits and dots right before a full stop (re's [^\W_] is str.isalnum).
_RUN_BEFORE = re.compile(r"(?:[^\W_]|\.)+\Z")
#: A run of letters and dots this long is longer than any abbreviation, and no initial.
_LONGEST_RUN = max(map(len, ABBREVIATIONS)) + 1


def _abbreviation_before(text: str, dot: int) -> bool:
    low = max(0, dot - _LONGEST_RUN)
    m = _RUN_BEFORE.search(text, low, dot)  # the run within the last few characters
    i = dot if m is None else m.start()
    if i == low and low and (text[low - 1].isalnum() or text[low - 1] == "."):
        return False  # the run goes on before them: too long to be an abbreviation
    word = text[i:dot].lower()
    if word in ABBREVIATIONS:
        return True
    # An initial ("John F. Kennedy"): one capital letter after a space.
    return len(word) == 1 and text[dot - 1].isupper() and (i == 0 or text[i - 1] in " (\"“")
