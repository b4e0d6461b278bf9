"""One entity, one spelling: names spelled two ways, and French spellings left in English copy.

"Hachd al-Chaabi" in one paragraph and "Hashd" in the next is one organisation the reader is
made to count twice; "Qaïs" and "Pékin" are French transliterations and exonyms English copy
does not use. Known French forms are data (rules/knowledge/exonyms.yaml, rule FC041); other
pairs are found by comparing the article's names with each other (FC040).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache


from .. import knowledge
from ..document import TOKEN
from ..packs import compile_cached
from . import Hit, check
from .officeholders import fold, runs_agree, word_runs

VOWELS = frozenset("aeiouy")
#: Shorter names vary too little for an edit-distance comparison to mean anything.
MIN_EDIT_LENGTH = 6
MIN_NAME_LENGTH = 4
#: A final -e is a French spelling only after these letters ("Mahmoude"); after n, s, l, t, r
#: it makes another name (Simone, Denise, Danielle, Antoinette, Pierre).
FINAL_E_AFTER = frozenset("bcdfghjkmpqvwxz")


@dataclass(frozen=True)
class Exonym:
    french: tuple[str, ...]
    english: str
    also: tuple[tuple[str, ...], ...]
    literal: bool


def _tokens(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in TOKEN.finditer(phrase))


@lru_cache(maxsize=None)
def exonyms() -> dict[str, list[Exonym]]:
    """First word of the French form -> entries, longest first."""
    index = defaultdict(list)
    for e in knowledge.load("exonyms")["exonyms"]:
        forms = tuple(_tokens(a) for a in (*e["english"].split("|"), *e.get("also", ())))
        item = Exonym(_tokens(e["french"]), e["english"], forms, bool(e.get("literal", False)))
        index[item.french[0]].append(item)
    for items in index.values():
        items.sort(key=lambda x: len(x.french), reverse=True)
    return dict(index)


def _base(word: str) -> str:
    """The word without a possessive ('Daech's' -> 'Daech')."""
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def _match(tokens, i: int, seq: tuple[str, ...], prose: str) -> int | None:
    """Index of the last token when `seq` is at tokens[i:], else None."""
    if i + len(seq) > len(tokens):
        return None
    for j, want in enumerate(seq):
        tok = tokens[i + j]
        last = j == len(seq) - 1
        if tok.text != want and not (last and _base(tok.text) == want):
            return None
        if j and "\n" in prose[tokens[i + j - 1].end:tok.start]:
            return None
    return i + len(seq) - 1


def _token_at(tokens, offset: int) -> int | None:
    """Index of the token (of doc.tokens or doc.words) that starts at `offset`, if one does."""
    i = tokens.at(offset)
    return i if i < len(tokens) and tokens.starts[i] == offset else None


def _occurrences(doc, seq: tuple[str, ...]) -> list[tuple[int, int]]:
    tokens, prose, first = doc.tokens, doc.prose, seq[0]
    out = []
    # A token whose text (or its text without "'s") is `first` starts where `first` is written:
    # look there only, not at every token (speed).
    at = prose.find(first)
    while at >= 0:
        i = _token_at(tokens, at)
        if i is not None:
            tok = tokens[i]
            if _base(tok.text) == first or tok.text == first:
                k = _match(tokens, i, seq, prose)
                if k is not None:
                    out.append((tok.start, tokens[k].end))
        at = prose.find(first, at + 1)
    return out


#: Words after which a one-word French form is part of a French phrase ("Le Chemin de Damas").
FRENCH_BEFORE = frozenset("de du des la le les à au aux en d' l' sur".split())
#: Capitalised words that start a sentence or a place phrase rather than a person's name.
NOT_A_GIVEN_NAME = frozenset("""in at from to the on for of by near and but as after before with into
outside inside across around towards toward via than said says""".split())


def _inside_other_name(tokens, i: int, prose: str, matched_ends: set) -> bool:
    """'Albert Londres' (a person), 'Le Chemin de Damas' (a title): not a place name to translate."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if not prev.is_word or prose[prev.end:tokens[i].start].strip():
        return False
    if prev.lower in FRENCH_BEFORE:
        return True
    return prev.text[:1].isupper() and prev.lower not in NOT_A_GIVEN_NAME and prev.end not in matched_ends


@lru_cache(maxsize=None)
def _first_runs() -> dict[str, list[str]]:
    """Folded first run of letters and digits of each first word of a French form -> those words."""
    out = defaultdict(list)
    for key in exonyms():
        run = _ALNUM_RUN.match(key)
        out[fold(run.group()) if run else ""].append(key)
    return dict(out)


_ALNUM_RUN = re.compile(r"[^\W_]+")
#: One letter or digit as the tokeniser (module re) sees it.
_RE_ALNUM = re.compile(r"[^\W_]")


def _exonym_candidates(doc) -> list[int]:
    """Indices of the tokens whose text, or text without "'s", is the first word of a French form.

    Such a token starts with a whole run of letters of the prose, so that run, folded, is one of
    word_runs(doc) (shared with the title and date rules): most articles hold none and no loop
    runs over their tokens (speed). Unless an underscore or a character the two regex modules
    class differently could join runs: then every token is looked at.
    """
    tokens, index, prose = doc.tokens, exonyms(), doc.prose
    firsts = _first_runs()
    if "" in firsts or "_" in prose or not all(map(runs_agree, doc.non_ascii_characters)):
        return [i for i, text in enumerate(tokens.texts) if text in index or _base(text) in index]
    found = set()
    for run in word_runs(doc) & firsts.keys():
        for key in firsts[run]:
            at = prose.find(key)
            while at >= 0:
                i = _token_at(tokens, at)
                if i is not None and (tokens[i].text in index or _base(tokens[i].text) in index):
                    found.add(i)
                at = prose.find(key, at + 1)
    return sorted(found)


def exonym_spans(doc) -> list[tuple[int, int, Exonym]]:
    def compute():
        tokens, prose, index = doc.tokens, doc.prose, exonyms()
        out, covered, ends = [], -1, set()
        for i in _exonym_candidates(doc):
            tok = tokens[i]
            if tok.start < covered:
                continue
            for item in index.get(tok.text, ()) or index.get(_base(tok.text), ()):
                k = _match(tokens, i, item.french, prose)
                if k is not None and len(item.french) == 1 and _inside_other_name(tokens, i, prose, ends):
                    break
                if k is not None:
                    ends.add(tokens[k].end)
                    out.append((tok.start, tokens[k].end, item))
                    covered = tokens[k].end
                    break
        return out

    return doc.memo("exonym_spans", compute)


def _lines(doc, spans) -> str:
    lines = sorted({doc.position(s).line for s, _ in spans})
    if len(lines) == 1:
        return f"line {lines[0]}"
    return "lines " + ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"


@check("FC041", "french-exonym", "warning",
       "A French spelling of a name or place in English copy ('Hachd al-Chaabi', 'Pékin', 'Qaïs').",
       why="Machine translation keeps French transliterations and exonyms. English-language readers "
           "know Beijing, Putin and the Hashd al-Shaabi; an article that also uses the English form names "
           "one entity two ways. The list is data: rules/knowledge/exonyms.yaml.",
       message="French spelling '{match}': English copy writes '{right}'.",
       fix="safe",
       bad=[{"text": "Talks opened in [[Pékin]] on Monday.", "fixed": "Talks opened in Beijing on Monday.",
             "message": "'Beijing'"},
            {"text": "Fighters of the [[Hachd al-Chaabi]] arrived.\n\nThe Hashd denied it.",
             "fixed": "Fighters of the Hashd al-Shaabi arrived.\n\nThe Hashd denied it.",
             "message": "Inconsistent spelling: 'Hachd al-Chaabi' here, 'Hashd' on line 3"},
            {"text": "The group is led by [[Qaïs]] al-Rawi.", "fixed": "The group is led by Qais al-Rawi."},
            {"text": "The [[Daech]] attack was claimed.", "message": "'ISIS' or 'Daesh'"}],
       good=["Talks opened in Beijing on Monday.", "The Hashd al-Shaabi denied it.",
             "She ordered poutine at the diner.", "The Hezbollah Brigades claimed it."])
def french_exonym(doc, ctx):
    for start, end, item in exonym_spans(doc):
        match = doc.prose[start:end]
        choices = item.english.split("|")
        others = [(form, spans) for form in item.also if (spans := _occurrences(doc, form))]
        if others:
            form, spans = max(others, key=lambda o: len(o[1]))
            other = doc.prose[spans[0][0]:spans[0][1]]
            message = (f"Inconsistent spelling: '{match}' here, '{_base(other)}' on {_lines(doc, spans)}; "
                       f"English usage is {_quoted(choices)}.")
        elif item.literal:
            message = f"Word-for-word translation '{match}': English usage is {_quoted(choices)}."
        else:
            message = f"French spelling '{match}': English copy writes {_quoted(choices)}."
        possessive = match[len(match) - 2:] if _base(match) != match else ""
        fix = None if item.literal or len(choices) > 1 else choices[0] + possessive
        yield Hit(start, end, message, replacement=fix, suggestions=tuple(c + possessive for c in choices))


def _quoted(choices) -> str:
    return " or ".join(f"'{c}'" for c in choices)


# --- names spelled two ways, found by comparison ----------------------------------------------
@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """What remains of a name once French-to-English transliteration differences are removed:
    accents and diaereses (ï/i), dj/j, ch/sh, ou/u, doubled letters, a final -e after a stop."""
    s = fold(word)
    s = s.replace("dj", "j").replace("ch", "sh").replace("ou", "u")
    out = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    s = "".join(out)
    if len(s) > 4 and s.endswith("e") and s[-2] in FINAL_E_AFTER:
        s = s[:-1]
    return s


def _vowel_variant(a: str, b: str) -> bool:
    """One vowel for another, same length, first letter kept ('Mursi'/'Morsi', 'Khazali'/'Khazaly')."""
    a, b = fold(a), fold(b)
    if len(a) != len(b) or len(a) < MIN_EDIT_LENGTH or a[0] != b[0]:
        return False
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diffs) == 1 and diffs[0][0] in VOWELS and diffs[0][1] in VOWELS


def _pairs(spellings) -> list[tuple[str, str]]:
    """Pairs of spellings that may be one name: the same skeleton, or one vowel for another."""
    groups: dict[str, list[str]] = defaultdict(list)
    for text in spellings:
        groups[_skeleton(text)].append(text)
    pairs = [(a, b) for forms in groups.values() for i, a in enumerate(forms) for b in forms[i + 1:]]
    by_length = defaultdict(list)
    for text in sorted(spellings):
        by_length[len(text)].append(text)
    for length, forms in by_length.items():
        if length < MIN_EDIT_LENGTH:
            continue  # _vowel_variant is false for all of them
        for i, a in enumerate(forms):
            for b in forms[i + 1:]:
                if a[0] != b[0] and fold(a[0]) != fold(b[0]):
                    continue  # _vowel_variant is false: the first letters differ
                if _vowel_variant(a, b) and _skeleton(a) != _skeleton(b):
                    pairs.append((a, b))
    return pairs


#: A capital and three letters or digits or more. Every name _names keeps (a whole run of letters
#: starting with a capital) is one match: the scan reaches its first letter (a match ends before a
#: character that is not a letter or digit) and takes it whole. Other matches only add to the
#: superset. The same for ASCII prose, with module re (faster there).
_CAPITALISED = compile_cached(r"\p{Lu}[\p{L}\p{N}]{3,}")
_CAPITALISED_ASCII = re.compile(r"[A-Z][A-Za-z0-9]{3,}")
_REGEX_ALNUM = compile_cached(r"[\p{L}\p{N}]")
_REGEX_UPPER = compile_cached(r"\p{Lu}")
#: _CAPITALISED for prose whose letters and digits are all Latin (Document.latin), with module
#: re: its two classes below U+0250, written out as module regex fills them.
_CAPITALISED_LATIN = re.compile("[%s][%s]{3,}" % tuple(
    re.escape("".join(c for c in map(chr, range(0x250)) if pattern.match(c))) for pattern in (_REGEX_UPPER, _REGEX_ALNUM)))


@lru_cache(maxsize=4096)
def _classes_agree(c: str) -> bool:
    """_CAPITALISED (module regex) sees `c` as the tokeniser (module re) and str.isupper do."""
    if (_RE_ALNUM.match(c) is None) != (_REGEX_ALNUM.match(c) is None):
        return False
    return not (c.isupper() and c.isalpha()) or _REGEX_UPPER.match(c) is not None


def _paired_spellings(doc) -> set[str] | None:
    """The spellings that could be in a pair, from the capitalised runs of the prose (a superset
    of the names): None when the article's characters make that superset unsure.

    Vowel masks are computed on all the runs at once, joined by line breaks (speed); Python then
    looks only at runs that share a skeleton or a mask.
    """
    prose = doc.prose
    if not all(map(_classes_agree, doc.non_ascii_characters)):
        return None
    # More runs than names (all capitals, digits) only make the superset larger.
    pattern = _CAPITALISED_ASCII if prose.isascii() else _CAPITALISED_LATIN if doc.latin else _CAPITALISED
    runs = list(set(pattern.findall(prose)))
    if len(runs) < 2:
        return set()
    skeletons = list(map(_skeleton, runs))
    masks = fold("\n".join(runs)).translate(_VOWEL_MASK).split("\n")
    out = set()
    if len(set(skeletons)) < len(runs):
        for forms in _shared(runs, skeletons):
            if len({f.casefold() for f in forms}) > 1:
                out.update(forms)
    if len(set(masks)) < len(runs):
        for forms in _shared(runs, masks):
            out.update(x for i, a in enumerate(forms) for b in forms[i + 1:]
                       if _vowel_variant(a, b) and _skeleton(a) != _skeleton(b) for x in (a, b))
    return out


def _shared(items: list[str], keys: list[str]) -> list[list[str]]:
    """The groups of `items` (two or more) that have the same key."""
    groups = defaultdict(list)
    for item, key in zip(items, keys):
        groups[key].append(item)
    return [g for g in groups.values() if len(g) > 1]


#: Two vowel variants (_vowel_variant) have the same mask: their vowels hidden.
_VOWEL_MASK = str.maketrans({v: "*" for v in VOWELS})


def _names(doc) -> dict[str, list]:
    """Capitalised words (names) by spelling, with their neighbours in the name they belong to.

    Only spellings that could pair with another are kept: a name is a maximal run of letters
    starting with a capital, so the capitalised runs of the prose hold every name, and a
    spelling with no possible partner there has none among the names. Most articles have no
    such pair and no loop over their words runs (speed); the pairs found from what is kept are
    those (and in the order) the whole set of names would give.
    """
    wanted = _paired_spellings(doc)
    if wanted is not None and not wanted:
        return {}
    covered = [(s, e) for s, e, _ in exonym_spans(doc)]
    words = doc.words
    if wanted is None:
        indices = range(len(words))
    else:
        found_at = set()
        prose = doc.prose
        for text in wanted:
            at = prose.find(text)
            while at >= 0:
                i = _token_at(words, at)
                if i is not None:
                    found_at.add(i)
                at = prose.find(text, at + 1)
        indices = sorted(found_at)
    found: dict[str, list] = defaultdict(list)
    texts = words.texts
    for i in indices:
        if not texts[i][0].isupper():
            continue  # the test below, made first: most words are lower case (speed)
        w = words[i]
        text = _base(w.text)
        if wanted is not None and text not in wanted:
            continue
        if len(text) < MIN_NAME_LENGTH or not text[0].isupper() or not text.isalpha() or text.isupper():
            continue
        if any(s <= w.start < e for s, e in covered):
            continue
        neighbours = set()
        for j in (i - 1, i + 1):
            if 0 <= j < len(words) and words[j].text[:1].isupper():
                a, b = sorted((w, words[j]), key=lambda t: t.start)
                gap = doc.prose[a.end:b.start]
                if gap in (" ", "-", " al-", " el-", " bin ", " ibn ", " de "):
                    neighbours.add(_skeleton(_base(words[j].text)))
        found[text].append((w.start, w.start + len(text), neighbours))
    return found


def _same_entity(a: list, b: list) -> bool:
    """Two spellings name different people when both always stand in full names that differ
    ('Louis Martin' and 'Luis Moreno')."""
    na = set().union(*(n for _, _, n in a))
    nb = set().union(*(n for _, _, n in b))
    if all(n for _, _, n in a) and all(n for _, _, n in b) and not (na & nb):
        return False
    return True


@check("FC040", "name-spelled-two-ways", "warning",
       "A name spelled two ways in one article ('Djaber' and 'Jaber', 'Rahimi' and 'Rahemi').",
       why="Two spellings make one person or group look like two, and show the text was assembled from "
           "sources transliterating differently (French ch/dj/ou against English sh/j/u). The less frequent "
           "spelling is reported, with the line of the other.",
       message="Inconsistent spelling: '{match}' here, another spelling elsewhere.",
       bad=[{"text": "Police named the suspect as Karim Jaber.\n\nA lawyer for Karim [[Djaber]] said he was innocent."
                     "\n\nJaber was released.", "message": "'Djaber' here, 'Jaber' on lines 1 and 5"},
            {"text": "Ali Rahimi spoke first. Then Rahimi left.\n\nSupporters of [[Rahemi]] cheered.",
             "message": "'Rahimi' on line 1"}],
       good=["Louis Martin met Luis Moreno in Madrid.\n\nLouis Martin said Luis Moreno agreed.",
             "Jean Dupont and Jeanne Dupont signed.", "Simon Leroy met Simone Leroy.",
             "The Iraqi army entered Iraq on Monday."])
def name_spelled_two_ways(doc, ctx):
    names = _names(doc)
    if not names:
        return
    pairs = _pairs(names)
    reported = set()
    for a, b in pairs:
        if a.casefold() == b.casefold() or not _same_entity(names[a], names[b]):
            continue
        # The minority spelling is reported; on a tie, the one that appears later.
        key = lambda f: (len(names[f]), -names[f][0][0])
        minority, majority = (a, b) if key(a) < key(b) else (b, a)
        for start, end, _ in names[minority]:
            if (start, end) in reported:
                continue
            reported.add((start, end))
            yield Hit(start, end, f"Inconsistent spelling: '{minority}' here, '{majority}' on "
                                  f"{_lines(doc, [(s, e) for s, e, _ in names[majority]])}.",
                      suggestions=(majority,))
