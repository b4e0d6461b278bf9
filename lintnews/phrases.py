"""Many phrases, one pass: phrase lists are matched on the document's tokens, not by regex."""
from __future__ import annotations

from collections import defaultdict

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

    def add(self, phrase: str, payload, ignorecase: bool = True, whole_line: bool = False) -> None:
        tokens = phrase_tokens(phrase, ignorecase)
        if not tokens:
            raise ValueError(f"phrase {phrase!r} has no words")
        if whole_line:
            self._lines[" ".join(phrase_tokens(phrase, True))].append(payload)
            self._line_firsts.add(phrase_tokens(phrase, True)[0])
        else:
            self._first[tokens[0].lower()].append((tokens, ignorecase, payload))
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
        return self._by_second

    def find(self, doc: Document):
        """Yield (start, end, payload) for every occurrence, in document order."""
        prose = doc.prose
        tokens = doc.tokens
        first = self._first
        table = self._second_table() if first else {}
        n = len(tokens)
        # Most tokens start no phrase: find the few that do in one comprehension.
        starts = [i for i, tok in enumerate(tokens) if tok.lower in first]
        for i in starts:
            tok = tokens[i]
            by_second, singles = table[tok.lower]
            candidates = by_second.get(tokens[i + 1].lower, singles) if i + 1 < n else singles
            for seq, ignorecase, payload in candidates:
                k = len(seq)
                if i + k > n:
                    continue
                ok = True
                for j in range(k):
                    t = tokens[i + j]
                    if (t.lower if ignorecase else t.text) != seq[j]:
                        ok = False
                        break
                    # A phrase never runs over a line break.
                    if j and "\n" in prose[tokens[i + j - 1].end:t.start]:
                        ok = False
                        break
                if ok:
                    yield tok.start, tokens[i + k - 1].end, payload
        if self._lines:
            line_firsts = self._line_firsts
            for line in doc.lines:
                # Only a line whose first word starts a whole-line phrase is worth its key.
                head = TOKEN.search(line.text)
                if head is None or head.group().lower() not in line_firsts:
                    continue
                key = " ".join(m.group().lower() for m in TOKEN.finditer(line.text))
                for payload in self._lines.get(key, ()):
                    lead = len(line.text) - len(line.text.lstrip())
                    yield line.start + lead, line.start + len(line.text.rstrip()), payload
