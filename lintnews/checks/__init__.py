"""Rules that need code: each module registers its check functions with `@check`.

A check is `fn(doc, ctx) -> Iterable[Hit]`. It never prints, never reads files and never
knows the output format: it says where the problem is and, if it knows better, what to
say and what to put instead.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable, Iterable

from ..finding import Severity
from ..rule import Example, Rule



@dataclass(frozen=True)
class Hit:
    """One problem a check found: a span of the document's prose, in character offsets."""

    start: int
    end: int
    message: str | None = None
    replacement: str | None = None
    safe: bool | None = None
    suggestions: tuple[str, ...] = ()
    severity: Severity | None = None
    #: For checks that report under codes of their own making (LanguageTool's rule ids):
    #: the code and name to report instead of the registered rule's.
    code: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class PythonRule:
    rule: Rule
    function: Callable
    #: Strings (each its own `prefilter.fold`) the check asks `prefilter.occurs` about: the
    #: engine looks for them in its one pass of the gate index over the article.
    strings: frozenset[str] = frozenset()


REGISTRY: dict[str, PythonRule] = {}


def check(code: str, name: str, severity: str, summary: str, *, why: str = "", message: str = "{match}",
          bad: Iterable = (), good: Iterable = (), fix: str | None = None, default: bool = True,
          tags: Iterable[str] = (), strings: Iterable[str] = ()):
    """Register a check function as the rule `code`. `strings`: see PythonRule.strings."""

    def register(function: Callable) -> Callable:
        rule = Rule(code, name, Severity.parse(severity), summary, why, message,
                    tuple(Example.parse(e) for e in bad), tuple(Example.parse(e) for e in good),
                    fix, default, f"{function.__module__}.{function.__qualname__}", tuple(tags))
        problems = rule.validate()
        if problems:  # pragma: no cover - a programming error, caught by the test suite
            raise ValueError(f"{code}: {'; '.join(problems)}")
        if code in REGISTRY and REGISTRY[code].function is not function:  # pragma: no cover
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = PythonRule(rule, function, frozenset(strings))
        return function

    return register


def load_all() -> dict[str, PythonRule]:
    """Import every module under lintnews/checks/ (each registers its rules) and return them.

    Check modules import heavy libraries (langdetect, language_tool_python) inside the
    functions that need them, so that loading the rule set stays fast.
    """
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")):
        importlib.import_module(f"{__name__}.{module}")
    return REGISTRY
