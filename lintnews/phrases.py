"""Many phrases, one pass: phrase lists are matched on the document's tokens, not by regex."""
from __future__ import annotations

from collections import defaultdict
from itertools import compress

from .document import TOKEN, Document


def phrase_tokens(phrase: str, ignorecase: bool = True) -> tuple[str, ...]:
    tokens = tuple(m.group() for m in TOKEN.finditer(phrase))
    return tuple(t.lower() for t in tokens) if ignorecase else tokens


class PhraseIndex:
    """Token sequences keyed by their first token; `find` walks the document once."""

    def __init__(self):
        self._first: dict[str, list] = defaultdict(list)
        self._lines: dict[str, list] = defaultdict(list)
        self._line_firsts: set[str] = set()
        self._by_second: dict | None = None
        #: For each first token: the set of (lower-case) tokens of each of its phrases.
        self._needs: dict[str, list] = defaultdict(list)
        self._line_needs: dict[str, list] = defaultdict(list)

    def add(self, phrase: str, payload, ignorecase: bool = True, whole_line: bool = False) -> None:
        tokens = phrase_tokens(phrase, ignorecase)
        if not tokens:
            raise ValueError(f"phrase {phrase!r} has no words")
        if whole_line:
            lowered = phrase_tokens(phrase, True)
            self._lines[" ".join(lowered)].append(payload)
            self._line_firsts.add(lowered[0])
            self._line_needs[lowered[0]].append(frozenset(lowered))
        else:
            self._first[tokens[0].lower()].append((tokens, ignorecase, payload))
            self._needs[tokens[0].lower()].append(frozenset(t.lower() for t in tokens))
            self._by_second = None

    def __bool__(self) -> bool:
        return bool(self._first or self._lines)

    def _second_table(self) -> dict:
        """For each first token: the candidates by their second token (lower case), each list
        in the order the phrases were added, one-token phrases included; and the one-token
        phrases alone. Many phrases start with "the": at a "the" only those whose second word
        is the next one are worth comparing."""
        if self._by_second is None:
            table = {}
            for key, candidates in self._first.items():
                seconds = {seq[1].lower() for seq, _, _ in candidates if len(seq) > 1}
                table[key] = ({s: [c for c in candidates if len(c[0]) == 1 or c[0][1].lower() == s] for s in seconds},
                              [c for c in candidates if len(c[0]) == 1])
            self._by_second = table
            #: The first tokens as a set of their own: a set intersection with the vocabulary
            #: costs a twentieth of one with the dict's keys (speed).
            self._first_keys = frozenset(self._first)
        return self._by_second

    def find(self, doc: Document):
        """Yield (start, end, payload) for every occurrence, in document order."""
        prose = doc.prose
        first = self._first
        table = self._second_table() if first else {}
        # Most tokens start no phrase: find the few that do without a Python loop. A first
        # token counts only when all the words of one of its phrases are in the article
        # ("the" is everywhere, "the hexagon" rarely).
        vocabulary = doc.vocabulary
        present = {key for key in (self._first_keys & vocabulary if first else ())
                   if any(needs <= vocabulary for needs in self._needs[key])}
        if present:
            tokens = doc.tokens
            n = len(tokens)
            lowers, texts, token_starts, ends = tokens.lowers, tokens.texts, tokens.starts, tokens.ends
            starts = list(compress(range(n), map(present.__contains__, lowers)))
        else:
            starts = ()
        for i in starts:
            by_second, singles = table[lowers[i]]
            candidates = by_second.get(lowers[i + 1], singles) if i + 1 < n else singles
            for seq, ignorecase, payload in candidates:
                k = len(seq)
                if i + k > n:
                    continue
                words = lowers if ignorecase else texts
                ok = True
                for j in range(k):
                    if words[i + j] != seq[j]:
                        ok = False
                        break
                    # A phrase never runs over a line break.
                    if j and "\n" in prose[ends[i + j - 1]:token_starts[i + j]]:
                        ok = False
                        break
                if ok:
                    yield token_starts[i], ends[i + k - 1], payload
        if self._lines:
            yield from self._whole_lines(doc)

    def _whole_lines(self, doc: Document):
        """Whole-line phrases: a line whose tokens are exactly a phrase's. Only the few tokens
        that can start one, and that are the first on their line, are looked at."""
        vocabulary = doc.vocabulary
        firsts = {key for key in self._line_firsts & vocabulary
                  if any(needs <= vocabulary for needs in self._line_needs[key])}
        if not firsts:
            return
        prose, tokens = doc.prose, doc.tokens
        lowers, starts, ends = tokens.lowers, tokens.starts, tokens.ends
        n = len(tokens)
        for i in compress(range(n), map(firsts.__contains__, lowers)):
            if i and "\n" not in prose[ends[i - 1]:starts[i]]:
                continue  # not the first token of its line
            j = i + 1
            while j < n and "\n" not in prose[ends[j - 1]:starts[j]]:
                j += 1
            for payload in self._lines.get(" ".join(lowers[i:j]), ()):
                yield starts[i], ends[j - 1], payload
