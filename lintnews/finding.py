"""Finding, Fix and Severity: the one type every part of lintnews speaks."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field, asdict


class Severity(enum.IntEnum):
    """How bad a finding is. Ordered, so `--fail-on warning` means warning or error."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Position:
    """A place in the original file: 1-based line, 1-based column in Unicode code points."""

    line: int
    column: int


@dataclass(frozen=True)
class Fix:
    """Replace the finding's span (in the original text) with `replacement`."""

    replacement: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    path: str
    start: Position
    end: Position  # exclusive: the column just after the span
    code: str
    name: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # Character offsets in the decoded original text; used to apply fixes.
    offset: int = 0
    end_offset: int = 0
    # The batch item (a JSON Lines article id) the finding belongs to, if any.
    article: str | None = None
    # What the span says, for fingerprints and printers.
    excerpt: str = field(default="", compare=False)

    @property
    def sort_key(self):
        return (self.path, self.article or "", self.offset, self.end_offset, self.code, self.message)

    def to_dict(self) -> dict:
        """The documented JSON shape of one finding (see README, "JSON output")."""
        data = {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "start": asdict(self.start),
            "end": asdict(self.end),
            "offset": self.offset,
            "end_offset": self.end_offset,
            "excerpt": self.excerpt,
            "suggestions": list(self.suggestions),
            "fix": None if self.fix is None else {"replacement": self.fix.replacement, "safe": self.fix.safe},
        }
        if self.article is not None:
            data["article"] = self.article
        return data


def deduplicate(findings: list[Finding]) -> list[Finding]:
    """Sort by position; keep one finding per span and rule, and one per span and message."""
    seen: set = set()
    kept = []
    for f in sorted(findings, key=lambda f: (f.sort_key, -f.severity)):
        keys = ((f.path, f.article, f.offset, f.end_offset, f.code),
                (f.path, f.article, f.offset, f.end_offset, f.message.casefold()))
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        kept.append(f)
    return kept
