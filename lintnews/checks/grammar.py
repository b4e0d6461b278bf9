"""Grammar through LanguageTool (`--grammar`): its matches become findings coded LT + its rule id.

LanguageTool reads the article's prose a few paragraphs at a time (several requests in flight,
see lintnews/languagetool.py). What lintnews blanked out of the prose (markup, web addresses) is
sent as spaces, so a match that touches a blanked character is about markup, not about the
copy, and is dropped; so is a match that overlaps a finding of lintnews's own
(`without_duplicates`), which already says what is wrong there.

Some LanguageTool rules are noise on news copy and are off unless named (`NOISY_RULES`,
`NOISY_CATEGORIES`, listed in README "Grammar (LanguageTool)"); the figures behind each choice
come from the WMT14 human reference translation (clean English: every match is a false alarm).
"""
from __future__ import annotations

import fnmatch

from ..finding import Severity
from . import Hit, check

#: LanguageTool rule ids (or fnmatch patterns: EN_COMPOUNDS_*) that are off unless a selector names
#: them; per 1,000 sentences of the WMT14 reference, where each is a false alarm or house style.
NOISY_RULES = (
    # Spelling: every name from abroad is "misspelt" (326 per 1,000 sentences of clean copy).
    "MORFOLOGIK_RULE_EN_US", "MORFOLOGIK_RULE_EN_GB", "MORFOLOGIK_RULE_EN_AU", "MORFOLOGIK_RULE_EN_CA",
    "MORFOLOGIK_RULE_EN_NZ", "MORFOLOGIK_RULE_EN_ZA", "EN_MULTITOKEN_SPELLING_*",
    # Names written without their diacritics (Yaounde, Bogota) are standard English usage.
    "EN_DIACRITICS_REPLACE_*",
    # Assumes the current year; lintnews's own date rules know the article's year.
    "EN_DATE_WEEKDAY_CURRENTYEAR",
    # Optional commas: news style leaves them out.
    "COMMA_COMPOUND_SENTENCE*", "SENT_START_CONJUNCTIVE_LINKING_ADVERB_COMMA",
    "MISSING_COMMA_AFTER_INTRODUCTORY_PHRASE", "MISSING_COMMA_BETWEEN_DAY_AND_YEAR",
    "MISSING_COMMA_AFTER_WEEKDAY", "MISSING_COMMA_AFTER_YEAR",
    # A quotation that runs over several paragraphs leaves each but the last one open; lintnews's
    # own quotation-mark rules know that convention.
    "EN_UNPAIRED_QUOTES",
    # US punctuation inside quotation marks; wire copy often follows British practice.
    "QUOTATION_MARKS_COMMA",
    # "Proper noun?" on plural nouns ("ports", "funds").
    "POSSESSIVE_APOSTROPHE",
    # "percent" for "per cent": a house-style choice.
    "PER_CENT",
    # Compounds and hyphens ("war lords", "medium sized", "three week"): house style (10 per 1,000).
    "EN_COMPOUNDS_*", "*_COMPOUNDS", "*_COMPOUNDS_*", "MISSING_HYPHEN",
)

#: LanguageTool categories that are style advice or one variety of English preferred to another.
NOISY_CATEGORIES = frozenset({"STYLE", "REDUNDANCY", "REPETITIONS_STYLE", "PLAIN_ENGLISH",
                              "BRITISH_ENGLISH", "AMERICAN_ENGLISH_STYLE", "COMPOUNDING"})

#: LanguageTool issue types reported as warnings; the others (style, uncategorized, whitespace,
#: locale-violation...) are infos.
WARNING_TYPES = frozenset({"grammar", "misspelling", "typographical", "duplication", "inconsistency"})

#: Paragraphs are sent together up to about this many characters per request.
CHUNK = 2000
MAX_SUGGESTIONS = 5


def is_grammar_code(code: str) -> bool:
    return code.startswith("LT")


def _noisy(rule_id: str, category: str) -> bool:
    return category in NOISY_CATEGORIES or any(fnmatch.fnmatchcase(rule_id, n) for n in NOISY_RULES)


def _specificity(selector: str, code: str) -> int:
    """How specifically `selector` names the finding code `code` (LT + rule id): 0 not at all."""
    s = selector.strip()
    if s.lower() in ("all", "*"):
        return 1
    if s.lower() == "grammar" or s.upper() == "LT000":
        return 3
    return 1 + len(s) if code.startswith(s.upper()) else 0


def wanted(code: str, category: str, config) -> bool:
    """Selection for LanguageTool's rules, as for lintnews's own: the most specific selector wins.
    A noisy rule is on only when a selector names it more specifically than "LT" does."""
    noisy = _noisy(code[2:], category)

    def on_score(selectors) -> int:
        scores = [_specificity(s, code) for s in selectors]
        return max((x for x in scores if not noisy or x > 3), default=0)

    on = (0 if noisy else 1) if config.select is None else on_score(config.select)
    on = max(on, on_score(config.extend_select))
    off = max((_specificity(s, code) for s in config.ignore), default=0)
    return on > 0 and on > off


def server_rules(config) -> tuple[frozenset, frozenset]:
    """(disabled, enabled) rule ids to send with each request: noisy rules nobody named are not
    run at all; rules named in --select/--extend-select are enabled even where LanguageTool
    keeps them off by default (unknown ids are ignored by the server)."""
    named = [s.strip().upper() for s in (*(config.select or ()), *config.extend_select)]
    named = [s for s in named if s.startswith("LT") and len(s) > 2 and s != "LT000"]
    disabled = frozenset(n for n in NOISY_RULES if "*" not in n
                         and not any(("LT" + n).startswith(s) for s in named))
    return disabled, frozenset(s[2:] for s in named)


def _chunks(doc) -> list[tuple[int, int]]:
    """(start, end) of runs of whole paragraphs, about CHUNK characters each."""
    out: list[list[int]] = []
    for p in doc.paragraphs:
        if out and p.end - out[-1][0] <= CHUNK:
            out[-1][1] = p.end
        else:
            out.append([p.start, p.end])
    return [(s, e) for s, e in out]


def _touches_markup(doc, start: int, end: int) -> bool:
    """Whether the span (or, when empty, the character at it) is partly blanked non-prose."""
    end = max(end, start + 1)
    return doc.prose[start:end] != doc.text[start:end]


@check("LT000", "grammar", "warning",
       "LanguageTool's grammar, usage and typography checks, reported as LT + LanguageTool's rule id "
       "(opt-in: --grammar).",
       why="Machine translation leaves agreement errors, wrong articles, doubled words and broken "
           "constructions that no pattern list anticipates. LanguageTool knows thousands of them. "
           "Each finding carries LanguageTool's own rule id (LTEN_A_VS_AN), message and suggested "
           "replacements; select or ignore them like any other code.",
       message="{match}",
       bad=[{"text": "The minister bought [[a]] apartment in the capital.",
             "fixed": "The minister bought an apartment in the capital.", "message": "an"}],
       good=["The minister bought an apartment in the capital."],
       fix="unsafe")
def grammar(doc, ctx):
    from ..languagetool import client

    config = ctx.config
    chunks = _chunks(doc)
    if not chunks:
        return
    disabled, enabled = server_rules(config)
    results = client(config, disabled, enabled).check([doc.prose[s:e] for s, e in chunks])
    for (base, _), matches in zip(chunks, results):
        for m in matches:
            code = "LT" + m.rule_id
            start, end = base + m.start, base + m.end
            if _touches_markup(doc, start, end) or not wanted(code, m.category, config):
                continue
            replacements = m.replacements[:MAX_SUGGESTIONS]
            yield Hit(start, end, m.message, replacement=replacements[0] if replacements else None,
                      safe=False, suggestions=replacements,
                      severity=Severity.WARNING if m.issue_type in WARNING_TYPES else Severity.INFO,
                      code=code, name="languagetool-" + m.category.lower().replace("_", "-"))


def without_duplicates(findings: list) -> list:
    """Drop LanguageTool findings whose span overlaps one of lintnews's own findings for the same
    article (lintnews's message is the one written for news copy)."""
    own = [(f.path, f.article, f.offset, f.end_offset) for f in findings if not is_grammar_code(f.code)]
    if not own:
        return findings

    def duplicate(f) -> bool:
        return any(p == f.path and a == f.article and (s < f.end_offset and f.offset < e or (s, e) == (f.offset, f.end_offset))
                   for p, a, s, e in own)

    return [f for f in findings if not is_grammar_code(f.code) or not duplicate(f)]
