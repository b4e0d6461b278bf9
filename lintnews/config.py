"""Settings for one run: which rules, how strict, and facts about the articles (date, language)."""
from __future__ import annotations

import datetime as _dt
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath

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
    #: Seconds to wait for one LanguageTool answer.
    languagetool_timeout: float = 60.0
    #: LanguageTool requests in flight at once (None: one per CPU, at most 10).
    languagetool_threads: int | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: glob -> codes ignored in files matching the glob.
    per_file_ignores: dict = field(default_factory=dict)
    #: The directory of the configuration file these settings came from (None: none did).
    #: Globs in per_file_ignores, include and exclude are relative to it.
    root: str | None = None


def parse_date(value) -> _dt.date:
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(f"invalid date {value!r} (expected YYYY-MM-DD)") from None


def glob_matches(path: str, globs, root: str | None = None) -> bool:
    """Whether `path` matches one of `globs`: as given, relative to `root`, by its name, or by a
    directory it is in ("drafts" matches drafts/a.md)."""
    if not globs:
        return False
    pure = PurePath(path)
    candidates = {path, pure.as_posix(), pure.name}
    relative = None if pure.is_absolute() else pure
    if root is not None and path != "-":
        try:
            relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
        except ValueError:
            relative = None
    if relative is not None:  # directories count only below the root (never /tmp or /home)
        parts = [p for p in relative.parts if p not in (".", "..")]
        candidates.add(PurePath(*parts).as_posix() if parts else "")
        for i in range(1, len(parts)):
            candidates.add(PurePath(*parts[:i]).as_posix())
            candidates.add(parts[i - 1])
    return any(fnmatch.fnmatch(c, g) for c in candidates for g in globs)


def split_codes(values) -> tuple[str, ...]:
    """'MT,FC001' and ['MT', 'FC001'] both give ('MT', 'FC001')."""
    out = []
    for value in values or ():
        out.extend(part.strip() for part in str(value).split(",") if part.strip())
    return tuple(out)
