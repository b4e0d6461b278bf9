"""Settings for one run: which rules, how strict, and facts about the articles (date, language)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from .errors import ConfigError
from .finding import Severity


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: rule code -> severity that replaces the rule's own.
    severity: dict = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    #: The language articles should be in.
    lang: str = "en"
    #: en-US or en-GB: which spelling of titles (Defense/Defence) a rule expects.
    variant: str = "en-US"
    #: The reference date for resolving years, when the article gives none of its own.
    date: _dt.date | None = None
    #: Extra rule-pack directories.
    rules: tuple[str, ...] = ()
    grammar: bool = False
    languagetool_url: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: glob -> codes ignored in files matching the glob.
    per_file_ignores: dict = field(default_factory=dict)


def parse_date(value) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"invalid date {value!r} (expected YYYY-MM-DD)") from None


def split_codes(values) -> tuple[str, ...]:
    """'MT,FC001' and ['MT', 'FC001'] both give ('MT', 'FC001')."""
    out = []
    for value in values or ():
        out.extend(part.strip() for part in str(value).split(",") if part.strip())
    return tuple(out)
