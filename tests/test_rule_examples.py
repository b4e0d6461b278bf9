"""Every rule, YAML or Python, proves itself with its own examples (pycodestyle/LanguageTool style).

bad examples: the rule flags exactly the [[marked]] spans; applying its fixes gives `fixed`,
which the rule no longer flags. good examples: the rule flags nothing.
"""
from __future__ import annotations

import pytest

from lintnews.engine import RuleSet
from lintnews.files import decode
from lintnews.fixes import apply_fixes

from .helpers import lint

RULES = RuleSet().sorted()


def _run(rule, example):
    text, spans = example.unmarked()
    options = dict(example.options)
    notes = ()
    encoding = options.pop("encoding", None)
    if encoding:
        source = decode(text.encode(encoding), "example.txt")
        notes = (("encoding", source.fallback_note),) if source.fallback_note else ()
        text = source.text
    if rule.family == "LT":  # LanguageTool's rules report under LT + its rule id, from a real server
        from .conftest import languagetool_url

        options.update(grammar=True, languagetool_url=languagetool_url())
    findings = [f for f in lint(text, select=[rule.code], format=example.format, notes=notes, **options)
                if f.code == rule.code or (rule.family == "LT" and f.code.startswith("LT"))]
    return text, spans, findings


def test_every_rule_has_examples():
    missing = [r.code for r in RULES if not r.bad or not r.good]
    assert not missing, f"rules without bad and good examples: {missing}"


def test_codes_and_names_are_unique_and_well_formed():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert not rule.validate(), (rule.code, rule.validate())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_bad_examples_are_flagged_at_the_marked_spans(rule):
    for example in rule.bad:
        text, spans, findings = _run(rule, example)
        assert spans, f"{rule.code}: bad example has no [[marked]] span: {example.text!r}"
        got = sorted((f.offset, f.end_offset) for f in findings)
        assert got == sorted(spans), (
            f"{rule.code} on {text!r}: expected {[text[s:e] for s, e in spans]}, "
            f"got {[text[s:e] for s, e in got]} ({[f.message for f in findings]})")
        if example.message:
            for f in findings:
                assert example.message in f.message, (rule.code, f.message)
        fixable = [f for f in findings if f.fix is not None]
        if fixable or example.fixed is not None:
            assert example.fixed is not None, f"{rule.code}: the example has a fix, give its `fixed` text"
            fixed, count = apply_fixes(text, findings, unsafe=True)
            assert count and fixed == example.fixed
            again = _run(rule, type(example)(fixed, format=example.format, options=example.options))[2]
            assert again == [], f"{rule.code}: the fixed text is flagged again: {[f.message for f in again]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_good_examples_are_not_flagged(rule):
    for example in rule.good:
        _, _, findings = _run(rule, example)
        assert findings == [], f"{rule.code} flags a good example: {[(f.excerpt, f.message) for f in findings]}"
