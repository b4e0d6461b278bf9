"""Text left untranslated: passages in another language, and single French words in English.

Language identification (langdetect) is slow and unreliable on short strings, so it runs only
on spans long enough to be judged, and only where a cheap test (the share of the target
language's own function words) says the span may not be in the target language.
"""
from __future__ import annotations

import re
import struct
import threading
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, compress, count, filterfalse, islice, repeat
from operator import and_, attrgetter, eq, mul, rshift, sub

from .. import knowledge
from ..document import TOKEN
from . import Hit, check
from .officeholders import folded_prose
from .quotes import mark_positions

#: langdetect is unreliable below this many letters (on the seed, "subscribe" reads as Romanian).
MIN_LETTERS = 40
MIN_WORDS = 6
#: A span is reported only when langdetect is this sure of a language other than the target.
MIN_PROBABILITY = 0.90
#: Below this share of its own function words a span may not be in the target language...
OWN_SHARE_FLOOR = 0.22
#: ...if at least this share of its words are another language's function words.
OTHER_SHARE_FLOOR = 0.15
#: Spans where this share of the words are capitalised are headlines or names: not judged.
TITLE_CASE_SHARE = 0.6

FRENCH_ACCENTS = re.compile(r"[éèêëàâîïôûùçœ]")
#: The marks QUOTED opens a quotation with.
_OPENING = "\"“«"
QUOTED = re.compile(r"[%s]\s*([^\"“”«»\n]{%d,})\s*[\"”»]" % (_OPENING, MIN_LETTERS))

#: Letters of the Latin script (and everything below it): what is left is another script.
LATIN = re.compile(r"[\x00-\u024f]+")

_detector_lock = threading.Lock()


def target_language(doc, ctx) -> str:
    """The language the article should be in: front matter `lang`, else the run's `--lang`."""
    lang = doc.metadata.get("lang") or getattr(ctx.config, "lang", None) or "en"
    return str(lang).strip().lower().replace("_", "-").split("-")[0] or "en"


@lru_cache(maxsize=None)
def _function_words() -> dict[str, frozenset]:
    data = knowledge.load("function-words")
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in data["languages"].items()}


def language_name(code: str) -> str:
    return knowledge.load("function-words")["names"].get(code, code)


def _words(text: str) -> list[str]:
    """The words of `text`, as written."""
    return [m.group(1) for m in TOKEN.finditer(text) if m.group(1)]


def may_be_foreign(text: str, target: str) -> bool:
    """True when a span shows signs of another language: another language's function words
    (at least OTHER_SHARE_FLOOR of its words, and more than the target's own), or mostly
    letters of another script. A span with neither (names, figures, a short English line) is
    not sent to langdetect. Languages without a word list always go to langdetect.

    Another language's function word counts as written in lower case only ('Al' in a name is
    no sign of Spanish); the target's also capitalised or in capitals."""
    words = _words(text)
    if not words or target not in _function_words():
        return True
    counts = [sum(map(ws.__contains__, words)) for ws in _other_lists(target)]
    return (_function_word_signal(sum(map(_own_forms(target).__contains__, words)), max(counts, default=0),
                                  len(words))
            or other_script(text))


def _function_word_signal(own: int, other: int, total: int) -> bool:
    """`other` of `total` words are one other language's function words, `own` the target's."""
    share, other_share = own / total, other / total
    return other_share >= OTHER_SHARE_FLOOR and (share < OWN_SHARE_FLOOR or other_share > share)


def other_script(text: str) -> bool:
    """Mostly letters of another script (Arabic, Cyrillic, Chinese...) than the Latin one."""
    if text.isascii():
        return False
    high = sum(map(str.isalpha, LATIN.sub("", text)))
    return bool(high) and high / sum(map(str.isalpha, text)) >= 0.5


def long_enough(text: str) -> bool:
    return len(_words(text)) >= MIN_WORDS and sum(map(str.isalpha, text)) >= MIN_LETTERS


def title_case(text: str) -> bool:
    """A headline or a list of names ("Charles-de-Gaulle Aircraft Carrier Unavailable"):
    capitalised words carry little of a language's signal and langdetect misreads them."""
    words = [m.group(1) for m in TOKEN.finditer(text) if m.group(1) and m.group(1)[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= TITLE_CASE_SHARE


def _no_foreign_signs(doc, target: str) -> bool:
    """Whether no span of the article can show signs of another language (foreign_signs): the
    target has a list of function words, the article has no word of another language's list as
    written (in lower case) and no letter of another script. Most articles (speed: their words
    are not counted)."""
    if target not in _function_words() or _other_scripts(doc):
        return False
    # A set intersection first: the few words it leaves are looked for as written.
    candidates = doc.vocabulary.intersection(_other_words(target))
    return not candidates or not any(map(doc.tokens.texts.__contains__, candidates))


def _other_scripts(doc) -> bool:
    """Letters of another script than the Latin one, anywhere in the article."""
    return any(c > "\u024f" and c.isalpha() for c in doc.non_ascii_characters)


class _WordCounts:
    """Running counts of function words over the document's words, so that most spans are
    ruled out with two bisections and a few subtractions instead of a pass over their text.

    Spans (paragraphs, sentences, quotations) begin and end at word boundaries, so the
    words of a span are the document's words that start inside it."""

    def __init__(self, doc, target: str):
        words = doc.words
        self.own_list = _function_words().get(target)
        self.other_lists = _other_lists(target) if self.own_list is not None else []
        self.words = words
        # Without letters of another script, no span is mostly in another script (other_script),
        # and a span without the signs of function words is ruled out at once.
        self.other_scripts = _other_scripts(doc)
        if self.own_list is not None:
            # One running sum counts both: the target's function words in the low bits, words
            # of any other language (at least as many as those of the likeliest one) above; as
            # written (see may_be_foreign).
            self.counts = [0, *accumulate(map(_weights(target).get, words.texts, repeat(0)))]

    def foreign_signs(self, start: int, end: int, text: str) -> bool:
        """long_enough(text) and not title_case(text) and may_be_foreign(text, target)."""
        words = self.words
        i = bisect_left(words.starts, start)
        j = bisect_left(words.starts, end, i)
        total = j - i
        if total < MIN_WORDS:
            return False
        if self.own_list is not None:
            both = self.counts[j] - self.counts[i]
            own, bound = both & _OWN_MASK, both >> _OTHER_SHIFT
            if not _function_word_signal(own, bound, total) or not _function_word_signal(
                    own, max((sum(map(ws.__contains__, texts)) for texts in [
                        words.texts[i:j]] for ws in self.other_lists), default=0), total):
                if not self.other_scripts or not other_script(text):
                    return False
        firsts = [word[0] for word in words.texts[i:j]]
        alpha = sum(map(str.isalpha, firsts))
        if alpha and sum(map(and_, map(str.isalpha, firsts), map(str.isupper, firsts))) / alpha \
                >= TITLE_CASE_SHARE:
            return False
        return sum(map(str.isalpha, text)) >= MIN_LETTERS

    def suspects(self, spans) -> tuple[set[int], set[int]]:
        """The indices of `spans` (in order, each beginning and ending at word boundaries) for
        which foreign_signs may be true (it is false for all others), and of those that hold a
        word of another language's list (foreign_signs is false for any span inside the others,
        which have no sign of another language at all). In bulk: most paragraphs are ruled out
        by their word count or their function words, with no call per span."""
        starts, counts = self.words.starts, self.counts if self.own_list is not None else None
        lows = list(map(bisect_left, repeat(starts), map(attrgetter("start"), spans)))
        highs = list(map(bisect_left, repeat(starts), map(attrgetter("end"), spans)))
        if counts is None or self.other_scripts:
            return {k for k, i, j in zip(count(), lows, highs) if j - i >= MIN_WORDS}, set(range(len(spans)))
        others = list(map(rshift, map(sub, map(counts.__getitem__, highs), map(counts.__getitem__, lows)),
                          repeat(_OTHER_SHIFT)))
        holders = set(compress(count(), others))
        return {k for k in holders if highs[k] - lows[k] >= MIN_WORDS and _function_word_signal(
            (counts[highs[k]] - counts[lows[k]]) & _OWN_MASK, others[k], highs[k] - lows[k])}, holders


_OTHER_SHIFT = 32
_OWN_MASK = (1 << _OTHER_SHIFT) - 1


@lru_cache(maxsize=None)
def _weights(target: str) -> dict:
    """1 for each form of the target's function words, 1 << _OTHER_SHIFT for each word of
    another language's list (lower case): summed over a span's words as written, its two
    counts (see _WordCounts). The two never share a key: the other lists leave out the
    target's words, and hold no capital."""
    return {**dict.fromkeys(_own_forms(target), 1), **dict.fromkeys(_other_words(target), 1 << _OTHER_SHIFT)}


@lru_cache(maxsize=None)
def _own_forms(target: str) -> frozenset:
    """The target's function words in lower case, capitalised and in capitals."""
    own = _function_words()[target]
    return frozenset().union(own, map(str.capitalize, own), map(str.upper, own))


@lru_cache(maxsize=None)
def _other_words(target: str) -> frozenset:
    return frozenset().union(*_other_lists(target))


@lru_cache(maxsize=None)
def _other_lists(target: str) -> list[frozenset]:
    """Each other language's function words that are not also the target's: 'in' and 'a' are
    English as well as German and French, and no sign of either in an English headline; nor are
    the target's homographs ('war' and 'die' in English)."""
    shared = _function_words()[target].union(knowledge.load("function-words")["homographs"].get(target, ()))
    return [ws - shared for lang, ws in _function_words().items() if lang != target]


@lru_cache(maxsize=1024)
def detect(text: str):
    """(language code, probability) of langdetect's best guess, or None without letters.

    The profiles load on the first call only; the seed makes the answer the same on every run,
    so a text met again (a headline or wire paragraph in several articles of a run) is
    answered from memory: one call takes some 5 ms.
    """
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    with _detector_lock:
        DetectorFactory.seed = 0
        detector = _detector_factory().create()
        try:
            detector.append(text)
            best = detector.get_probabilities()[0]
        except LangDetectException:
            return None
    return best.lang, best.prob


@lru_cache(maxsize=1)
def _detector_factory():
    """langdetect's DetectorFactory over its own 55 profiles, read from the lintnews cache.

    langdetect parses 55 JSON profiles and expands every n-gram into a row of 55
    probabilities on each start: 0.3 s per process, for a run that looks up a few hundred
    n-grams. The same rows, computed once as langdetect computes them (same files, same
    order, same language indices), are cached packed (see _profile_rows) and unpacked on
    first use; a cache load takes some 10 ms."""
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from ..packs import cached_by_content

    names = os.listdir(PROFILES_DIRECTORY)  # langdetect's order is the directory's
    stats = []
    for name in names:
        info = os.stat(os.path.join(PROFILES_DIRECTORY, name))
        stats.append((name, info.st_size, info.st_mtime_ns))
    langlist, langsize, ngrams, rows, ends = cached_by_content(
        "langdetect-sorted-rows", repr((PROFILES_DIRECTORY, stats)).encode(),
        lambda: _profile_rows(PROFILES_DIRECTORY, names))
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    class Factory(DetectorFactory):
        def _create_detector(self):
            return _Detector(self)

    class _Detector(Detector):
        """langdetect's Detector with its inner loops over the 55 languages done in bulk: the
        same floating-point operations in the same order, with the same random draws (so the
        same answers), in a fraction of the time."""

        def _detect_block(self):
            """Detector._detect_block, where each update multiplies the probabilities by
            (weight + the n-gram's row): that row, the same in a whole trial, is added once per
            n-gram and trial, not at every one of a trial's up to 1,000 draws."""
            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            self.langprob = [0.0] * len(self.langlist)
            self.random.seed(self.seed)
            rows, choice = self.word_lang_prob_map, self.random.choice
            for _ in range(self.n_trial):
                prob = self._init_probability()
                alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                weight = alpha / self.BASE_FREQ
                shifted: dict = {}
                i = 0
                while True:
                    word = choice(ngrams)
                    row = shifted.get(word)
                    if row is None and word in rows:
                        row = shifted[word] = [weight + q for q in rows[word]]
                    if row is not None:
                        prob = list(map(mul, prob, row))
                    if i % 5 == 0:
                        if self._normalize_prob(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                            break
                    i += 1
                for j in range(len(self.langprob)):
                    self.langprob[j] += prob[j] / self.n_trial

        def _normalize_prob(self, prob):
            total = sum(prob)
            prob[:] = [p / total for p in prob]
            return max(0.0, *prob)

    factory = Factory()
    factory.langlist = list(langlist)
    factory.word_lang_prob_map = _PackedProbabilities(ngrams, rows, ends, langsize)
    return factory


#: One language's probability for an n-gram: its index in the language list and the value.
_PAIR = struct.Struct("<Bd")


def _profile_rows(directory: str, names: list[str]) -> tuple[list, int, str, bytes, bytes]:
    """What DetectorFactory.load_profile builds, packed as (language list, row length, n-grams,
    rows, ends): the n-grams in sorted order, joined by NUL (langdetect's n-grams are one to
    three letters or spaces); each one's row holds only its non-zero probabilities, as
    (index, value) pairs, and ends in `rows` at its offset in `ends` (an array of "I")."""
    import json
    import os

    langlist, rows = [], {}
    for filename in names:
        path = os.path.join(directory, filename)
        if filename.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profile = json.load(handle)
        index = len(langlist)
        langlist.append(profile["name"])
        n_words = profile["n_words"]
        for word, frequency in profile["freq"].items():
            packed = rows.setdefault(word, [])
            length = len(word)
            if 1 <= length <= 3:
                packed.append(_PAIR.pack(index, 1.0 * frequency / n_words[length - 1]))
    ngrams = sorted(rows)
    packed = [b"".join(rows[word]) for word in ngrams]
    return (langlist, len(names), "\0".join(ngrams), b"".join(packed),
            array("I", accumulate(map(len, packed))).tobytes())


class _PackedProbabilities:
    """langdetect's n-gram -> [probability per language] map (`in` and `[]` are all langdetect
    uses), over the packed rows of _profile_rows: an n-gram is found by bisection in the sorted
    list and its row unpacked on first use. (A dict of the 87,000 n-grams takes longer to build
    than all the lookups of a run.)"""

    def __init__(self, ngrams: str, rows: bytes, ends: bytes, langsize: int):
        self.ngrams = ngrams.split("\0")
        self.rows = rows
        self.ends = array("I")
        self.ends.frombytes(ends)
        self.langsize = langsize
        self.unpacked: dict[str, list] = {}

    def _index(self, word) -> int:
        """The n-gram's place in the sorted list, or -1."""
        i = bisect_left(self.ngrams, word)
        return i if i < len(self.ngrams) and self.ngrams[i] == word else -1

    def __contains__(self, word) -> bool:
        return word in self.unpacked or self._index(word) >= 0

    def __getitem__(self, word) -> list:
        row = self.unpacked.get(word)
        if row is None:
            i = self._index(word)
            if i < 0:
                raise KeyError(word)
            row = [0.0] * self.langsize
            for index, value in _PAIR.iter_unpack(self.rows[self.ends[i - 1] if i else 0:self.ends[i]]):
                row[index] = value
            self.unpacked[word] = row
        return row


def _foreign(text: str, target: str, signs: bool | None = None):
    """(code, probability) when `text` is reliably in a language other than `target`, else None.
    `signs`, when known, is the outcome of the cheap tests (see _WordCounts.foreign_signs)."""
    if signs is None:
        signs = long_enough(text) and not title_case(text) and may_be_foreign(text, target)
    if not signs:
        return None
    found = detect(text)
    if found is None:
        return None
    code, probability = found
    if code.split("-")[0] == target or probability < MIN_PROBABILITY:
        return None
    return code, probability


def _message(code: str, probability: float, target: str, what: str) -> str:
    return (f"{what} is not in {language_name(target)}: langdetect reads it as {language_name(code)} "
            f"({code}, probability {probability:.2f}). Translate it or remove it.")


@check("LD001", "untranslated-passage", "warning",
       "A paragraph, sentence or quotation that is not in the article's language.",
       why="Machine-translation pipelines skip segments they cannot parse, and scrapers pick up text "
           "in the site's own language. Readers of an English article cannot read a French paragraph. "
           "The target language is `--lang` (default en) unless the article's front matter sets `lang`. "
           "Spans shorter than about 40 letters are not judged: language identification is unreliable "
           "on them.",
       message="Paragraph is not in English: langdetect reads it as French (fr, probability 1.00).",
       bad=[{"text": "The minister arrived in Lyon on Monday.\n\n"
                     "[[Le ministre a ensuite rencontré les représentants des syndicats pendant deux heures.]]\n",
             "message": "French (fr, probability"},
            {"text": "---\nlang: fr\n---\nLe ministre est arrivé lundi à Lyon pour une visite de deux jours.\n\n"
                     "[[The minister then met union representatives for two hours on Monday.]]\n",
             "format": "markdown", "message": "not in French"}],
       good=["The minister arrived in Lyon on Monday. He met union leaders for two hours.\n",
             "Sit-in\n\nThe crowd outside the ministry grew through the afternoon.\n",
             {"text": "---\nlang: fr\n---\nLe ministre est arrivé lundi à Lyon pour une visite de deux jours.\n",
              "format": "markdown"}])
def untranslated_passage(doc, ctx):
    target = target_language(doc, ctx)
    if _no_foreign_signs(doc, target):
        return
    counts = _WordCounts(doc, target)
    paragraphs, all_sentences = doc.paragraphs, doc.sentences
    paragraph_of = list(map(attrgetter("paragraph"), all_sentences))
    # A paragraph is looked at when it may be foreign itself, or when it has several sentences or
    # a quotation mark that opens a quotation, one of which may be: only where it holds another
    # language's word. Most paragraphs are none of these (speed).
    suspects, holders = counts.suspects(paragraphs)
    several = holders.intersection(compress(paragraph_of, map(eq, paragraph_of, islice(paragraph_of, 1, None))))
    paragraph_starts = list(map(attrgetter("start"), paragraphs))
    prose = doc.prose
    quoted = holders.intersection(bisect_right(paragraph_starts, i) - 1 for i in mark_positions(doc) if prose[i] in _OPENING)
    for index in sorted({*suspects, *several, *quoted}):
        para = paragraphs[index]
        found = _foreign(para.text, target, index in suspects and counts.foreign_signs(para.start, para.end, para.text))
        if found:
            yield Hit(para.start, para.end, _message(*found, target, "Paragraph"))
            continue
        sentences = all_sentences[bisect_left(paragraph_of, index):bisect_right(paragraph_of, index)]
        flagged = []
        if len(sentences) > 1:
            for sentence in sentences:
                found = _foreign(sentence.text, target,
                                 counts.foreign_signs(sentence.start, sentence.end, sentence.text))
                if found:
                    flagged.append((sentence.start, sentence.end))
                    yield Hit(sentence.start, sentence.end, _message(*found, target, "Sentence"))
        if index not in quoted:
            continue
        for m in QUOTED.finditer(para.text):
            start, end = para.start + m.start(1), para.start + m.end(1)
            if any(s <= start and end <= e for s, e in flagged):
                continue
            found = _foreign(m.group(1), target, counts.foreign_signs(start, end, m.group(1)))
            if found:
                yield Hit(start, end, _message(*found, target, "Quotation"))


# --- single French words -----------------------------------------------------------------

@lru_cache(maxsize=None)
def french_lexicon():
    data = knowledge.load("french-words")
    words = {str(k).lower(): str(v) for k, v in data["words"].items()}
    loanwords = frozenset(str(w).lower() for w in data["loanwords"])
    phrases = tuple(tuple(m.group().lower() for m in TOKEN.finditer(p)) for p in data["loan_phrases"])
    participles = frozenset(str(w).lower() for w in data["auxiliary_participles"])
    context = frozenset(str(w).lower() for w in data["context_words"])
    return words, loanwords | context, phrases, participles, context


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


def _is_loanword(word: str, loanwords) -> bool:
    return word in loanwords or (word.endswith("s") and word[:-1] in loanwords)


def _frenchness(word: str, lexicon, loanwords):
    """The English gloss ('' when unknown) if `word` (lower case) looks French, else None."""
    if _is_loanword(word, loanwords):
        return None
    if word in lexicon:
        return lexicon[word]
    if "'" in word:
        return None  # elisions (qu'il, l'Élysée) are MT202's
    if FRENCH_ACCENTS.search(word):
        return ""
    return None


@lru_cache(maxsize=1 << 16)
def _gloss(lower: str):
    """_frenchness of a word in lower case, once per distinct word."""
    lexicon, loanwords = french_lexicon()[:2]
    return _frenchness(_normal(lower), lexicon, loanwords)


def _french_among(words: set, ascii_only: bool = False) -> set:
    """The `words` (lower case) that look French (_gloss). An ASCII word has no accent: it looks
    French only when the lexicon has it, so only the words beyond ASCII are judged one by one
    (`ascii_only`: there are none). Speed: an article has hundreds of words, the lexicon's ASCII
    words are few, and a set intersection iterates the smaller set."""
    french = set(words & _french_ascii_words())
    if not ascii_only:
        french.update(w for w in filterfalse(str.isascii, words) if _gloss(w) is not None)
    return french


@lru_cache(maxsize=1)
def _french_ascii_words() -> frozenset:
    """The lexicon's ASCII words that look French: the only ASCII words that can."""
    return frozenset(w for w in french_lexicon()[0] if w.isascii() and _gloss(w) is not None)


def _in_loan_phrase(tokens, index) -> bool:
    """Whether the token at `index` is part of a French phrase English has borrowed."""
    lowers = tokens.lowers
    n = len(lowers)
    for phrase, offset in _loan_phrases_by_word().get(lowers[index].replace("’", "'"), ()):
        start = index - offset
        if start < 0 or start + len(phrase) > n:
            continue
        if all(lowers[start + j].replace("’", "'") == word for j, word in enumerate(phrase)):
            return True
    return False


@lru_cache(maxsize=None)
def _loan_phrases_by_word() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Each word of a loan phrase -> (phrase, the word's index in it), in the list's order."""
    out: dict[str, list] = {}
    for phrase in french_lexicon()[2]:
        for offset, word in enumerate(phrase):
            out.setdefault(word, []).append((phrase, offset))
    return out


def _english_word(token, lexicon, loanwords, context) -> bool:
    """A lower-case word that does not itself look French."""
    text = token.text
    word = _normal(text)
    return text[:1].islower() and word not in context and _frenchness(word, lexicon, loanwords) is None


@check("LD002", "french-word", "warning",
       "A single French word left untranslated inside an English sentence.",
       why="Machine translation leaves words it cannot place in the source language: 'cédé', 'à', "
           "'où'. A lexicon of French words (rules/knowledge/french-words.yaml) finds them; words "
           "borrowed by English (café, fiancée, coup d'état, vis-à-vis), names and titles (any "
           "word next to a capitalised one, or inside a run of French words) are left alone.",
       message="French word 'cédé' left in an English sentence: translate it.",
       bad=[{"text": "The company has [[cédé]] its stake to a rival group.\n", "message": "French word 'cédé'"},
            {"text": "The convoy drove on [[où]] the road ended.\n", "message": "(where)"}],
       good=["They met at a café near the station before the coup d'état.\n",
             "His fiancée spoke to the press vis-à-vis the new rules.\n",
             "She starred in Un Américain à Paris and met Jean de La Fontaine's heirs.\n",
             "The paper Le Canard enchaîné broke the story.\n",
             {"text": "---\nlang: fr\n---\nIl a cédé sa part.\n", "format": "markdown"}])
def french_word(doc, ctx):
    if target_language(doc, ctx) != "en":
        return
    # Most articles have no French word at all: each distinct word is judged once per process.
    french = _french_among(doc.vocabulary, doc.prose.isascii())  # punctuation too: it is never French
    if not french:
        return
    # Most such words are names, written with a capital (François, Hébert): the words are taken
    # only when one is written in lower case (speed).
    texts = doc.tokens.texts
    if not any(texts[i][:1].islower() for i in compress(count(), map(french.__contains__, doc.tokens.lowers))):
        return
    lexicon, loanwords, _, _, context = french_lexicon()
    words = doc.words
    prose = doc.prose
    lowers = words.lowers
    for i in compress(range(len(words)), map(french.__contains__, lowers)):
        token = words[i]
        if not token.text[:1].islower():
            continue  # names, titles, sentence-initial words
        gloss = _gloss(token.lower)
        # Part of a hyphenated name or compound (Saint-Jean-de-Luz, prêt-à-porter).
        if prose[token.start - 1:token.start] == "-" or prose[token.end:token.end + 1] == "-":
            continue
        if _in_loan_phrase(words, i):
            continue
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        # Isolated inside English: an English word before it, and no capitalised word after
        # it (a title such as "Panique à Bamako" or a run of French words is left alone).
        if (before is None or "\n" in prose[before.end:token.start]
                or not _english_word(before, lexicon, loanwords, context)):
            continue
        if after is not None and "\n" not in prose[token.end:after.start]:
            following = _normal(after.text)
            if after.text[:1].isupper() or following in context or (
                    not after.text[:1].isdigit() and _frenchness(following, lexicon, loanwords) is not None):
                continue
        meaning = f" ({gloss})" if gloss else ""
        yield Hit(token.start, token.end,
                  f"French word '{token.text}'{meaning} left in an English sentence: translate it.")


#: "a" and the word after it: every "a explained" passes, with many more (Syria said) that
#: the tokens then rule out.
AUXILIARY_CANDIDATE = re.compile(r"a (?=([^\W_]+))")


def _auxiliary_candidates(doc, participles: frozenset):
    """The matches of AUXILIARY_CANDIDATE whose word, in lower case, is one of `participles`, in
    order. Looked for as "a " and each participle the article has, in its folded prose (one
    character for one: the same offsets), not at its every "a " (speed). (A participle that
    is no token of its own, such as the "said" of "said's", is not in the vocabulary; nor is it
    a finding.)"""
    prose, folded = doc.prose, folded_prose(doc)
    found = {}  # by offset: "a " and one participle may begin "a " and another
    for participle in participles.intersection(doc.vocabulary):
        key = "a " + participle
        i = folded.find(key)
        while i >= 0:
            m = AUXILIARY_CANDIDATE.match(prose, i)
            if m is not None and m.group(1).lower() in participles:
                found[i] = m
            i = folded.find(key, i + 1)
    return [found[i] for i in sorted(found)]


@check("LD003", "french-auxiliary", "warning",
       "French 'a' (has) left before an English participle: 'he a explained'.",
       why="\"Il a expliqué\" translated word by word keeps the French auxiliary 'a': 'the minister a "
           "explained'. English needs 'has' or the simple past.",
       message="French auxiliary 'a' (has) left untranslated: write 'explained' or 'has explained'.",
       fix="unsafe",
       bad=[{"text": "The minister [[a explained]] that talks would resume.\n",
             "fixed": "The minister explained that talks would resume.\n"},
            {"text": "\"We will not give in,\" she [[a said]].\n",
             "fixed": "\"We will not give in,\" she said.\n"}],
       good=["It was a detailed report and a said-to-be final offer.\n",
             "He read a declared candidate's manifesto.\n"])
def french_auxiliary(doc, ctx):
    if target_language(doc, ctx) != "en":
        return
    participles = french_lexicon()[3]
    prose = doc.prose
    if "a " not in prose or participles.isdisjoint(doc.vocabulary):
        return
    words = None  # taken when a candidate is found: most articles have none (speed)
    for m in _auxiliary_candidates(doc, participles):
        if words is None:
            words = doc.words
        i = words.at(m.start())
        if not 1 <= i < len(words) - 1:
            continue
        aux, participle = words[i], words[i + 1]
        if aux.start != m.start() or aux.text != "a" or participle.lower not in participles:
            continue
        if doc.prose[aux.end:participle.start] != " ":
            continue
        # "a said-to-be", "a declared candidate": an adjective before a noun, not a verb.
        after = doc.prose[participle.end:participle.end + 1]
        if after == "-":
            continue
        if i + 2 < len(words) and after == " " and participle.lower not in {"said", "told"}:
            following = words[i + 2].lower
            if following not in {"that", "the", "to", "on", "in", "his", "her", "their", "its", "a", "an"}:
                continue
        # The subject before "a" is a word (pronoun or noun), not a preposition or verb.
        subject = words[i - 1]
        if subject.lower in {"is", "was", "as", "of", "for", "with", "by", "from", "into", "be", "been",
                             "have", "had", "has", "what", "such", "quite", "rather", "half", "once",
                             "and", "or", "but", "in", "on", "at", "to"}:
            continue
        yield Hit(aux.start, participle.end,
                  f"French auxiliary 'a' (has) left untranslated: write '{participle.text}' or "
                  f"'has {participle.text}'.", replacement=participle.text, suggestions=(
                      participle.text, f"has {participle.text}"))
