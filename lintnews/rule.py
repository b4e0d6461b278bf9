"""Rule metadata: what every rule, YAML or Python, says about itself."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .finding import Severity

#: Code prefixes and the family each names, as `lintnews rules` shows them.
FAMILIES = {
    "MT": "translation artefacts",
    "FC": "factual consistency",
    "TY": "typography",
    "CL": "clean-up leftovers",
    "LD": "language (untranslated text)",
    "LT": "grammar (LanguageTool)",
    "IO": "input",
}

CODE = re.compile(r"^(?:[A-Z]{2}\d{3}|LT[A-Z0-9_]*)$")
NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MARK = re.compile(r"\[\[(.*?)\]\]", re.S)


@dataclass(frozen=True)
class Example:
    """An example text. In `bad` ones, [[double brackets]] mark each span the rule must flag."""

    text: str
    #: For bad examples of a rule with a fix: the text once every fix is applied.
    fixed: str | None = None
    #: "text" or "markdown" (to give an example front matter such as a date).
    format: str = "text"
    #: Words the finding's message must contain.
    message: str | None = None
    #: Options the example runs with, such as {"date": "2020-01-10"}.
    options: dict = field(default_factory=dict)

    @classmethod
    def parse(cls, raw) -> "Example":
        if isinstance(raw, str):
            return cls(raw)
        return cls(raw["text"], raw.get("fixed"), raw.get("format", "text"), raw.get("message"),
                   dict(raw.get("options", {}) or {}))

    def unmarked(self) -> tuple[str, list[tuple[int, int]]]:
        """The text without markers, and the (start, end) of each marked span in it."""
        out, spans, last, removed = [], [], 0, 0
        for m in MARK.finditer(self.text):
            out.append(self.text[last:m.start()])
            start = m.start() - removed
            spans.append((start, start + len(m.group(1))))
            out.append(m.group(1))
            removed += 4
            last = m.end()
        out.append(self.text[last:])
        return "".join(out), spans


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    #: One line: what the rule finds (rules list, SARIF shortDescription).
    summary: str
    #: Why it matters in a published article (explain, SARIF fullDescription).
    why: str = ""
    #: The default message; `{match}` is the flagged text.
    message: str = "{match}"
    bad: tuple[Example, ...] = ()
    good: tuple[Example, ...] = ()
    #: "safe", "unsafe" or None when the rule offers no fix.
    fix: str | None = None
    #: Off unless selected (opt-in rules).
    default: bool = True
    #: Where the rule is defined: a pack file, or the Python module.
    source: str = ""
    tags: tuple[str, ...] = ()

    @property
    def family(self) -> str:
        return self.code[:2]

    @property
    def family_name(self) -> str:
        return FAMILIES.get(self.family, "")

    def validate(self) -> list[str]:
        problems = []
        if not CODE.match(self.code):
            problems.append(f"code {self.code!r} is not two capital letters and three digits")
        if not NAME.match(self.name):
            problems.append(f"name {self.name!r} is not lower-case words joined by hyphens")
        if self.fix not in (None, "safe", "unsafe"):
            problems.append(f"fix must be safe or unsafe, not {self.fix!r}")
        return problems
