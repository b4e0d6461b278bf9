"""A rule's documentation, as `lintnews explain` prints it (and SARIF's help text carries)."""
from __future__ import annotations

from .rule import MARK, Rule


def explain_text(rule: Rule, markdown: bool = False) -> str:
    h = (lambda s: f"## {s}") if markdown else (lambda s: s)
    mark = (lambda t: MARK.sub(r"**\1**", t)) if markdown else (lambda t: MARK.sub(r"[\1]", t))
    lines = [f"# {rule.code} {rule.name}" if markdown else f"{rule.code} ({rule.name})", ""]
    lines += [f"Family: {rule.family_name}. Severity: {rule.severity}. "
              f"Fix: {rule.fix or 'none'}.{'' if rule.default else ' Off by default (opt-in).'}", ""]
    lines += [h("What it does"), rule.summary, ""]
    if rule.why:
        lines += [h("Why it matters"), rule.why.strip(), ""]
    if rule.bad:
        lines += [h("Example (flagged)")]
        for ex in rule.bad:
            lines.append(f"- {mark(ex.text)}" + (f"  ->  {ex.fixed}" if ex.fixed else ""))
        lines.append("")
    if rule.good:
        lines += [h("Use instead / not flagged")]
        lines += [f"- {ex.text}" for ex in rule.good]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
