"""Printers: each turns a finished Report into one output format. A printer never decides what is wrong."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..finding import Finding, Severity

#: --format name -> module under lintnews/output/ with a `write(report, stream)` function.
FORMATS = {"text": "text", "json": "json_"}


@dataclass
class Report:
    """Everything a printer may print about one run."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    #: Rules that were enabled for the run (SARIF lists them).
    rules: list = field(default_factory=list)
    show_fixes: bool = False
    #: Findings fixed by --fix, not in `findings` any more.
    fixed: int = 0

    def counts(self) -> dict[str, int]:
        out = {str(s): 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            out[str(f.severity)] += 1
        return out


def writer(name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").write
