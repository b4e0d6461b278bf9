"""Configuration files: `lintnews.toml`, or a `[tool.lintnews]` table in `pyproject.toml`.

A newsroom keeps its settings beside its articles. The file nearest to an article wins
(walking up from the article's directory; in one directory `lintnews.toml` before
`pyproject.toml`, and a `pyproject.toml` without `[tool.lintnews]` does not count), so a
desk's folder can have settings of its own. `--config FILE` forces one file for every
article; `--isolated` ignores them all.

Command-line options override the file: `--select`, `--include`, `--fail-on`, `--lang` and
`--date` replace its value (`--select` also drops its `extend-select`); `--extend-select`,
`--ignore`, `--exclude` and `--rules` add to it.

Every key is checked before anything is linted: an unknown key, a wrong type or an unknown
rule code stops the run with one line naming the file, the key and what was expected.
Paths and globs in a file are relative to the file's directory.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .config import Config, glob_matches
from .errors import ConfigError
from .finding import Severity

CONFIG_FILES = ("lintnews.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "info")
VARIANTS = ("en-US", "en-GB")
LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")

#: Options that add to the file's list; every other option replaces the file's value.
EXTENDING = ("extend_select", "ignore", "exclude", "rules")


class Expected(Exception):
    """A value of the wrong shape: the message says what was expected."""


def _describe(value) -> str:
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, str):
        return f"a string ({value!r})"
    if isinstance(value, int):
        return f"an integer ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, _dt.datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, _dt.date):
        return f"a date ({value.isoformat()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _strings(value, what: str = "a list of strings") -> tuple[str, ...]:
    if isinstance(value, str):
        raise Expected(f"{what}, got a string (write [{json.dumps(value)}])")
    if not isinstance(value, list):
        raise Expected(f"{what}, got {_describe(value)}")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise Expected(f"{what}, got a list containing {_describe(item)}")
    return tuple(v.strip() for v in value)


def _codes(value) -> tuple[str, ...]:
    return _strings(value, "a list of rule codes, prefixes or names")


def _choice(choices):
    def parse(value):
        if not isinstance(value, str) or value not in choices:
            raise Expected(f"one of {', '.join(repr(c) for c in choices)}, got {_describe(value)}")
        return value
    return parse


def _fail_on(value):
    value = _choice((*SEVERITIES, "never"))(value)
    return None if value == "never" else Severity.parse(value)


def _lang(value):
    if not isinstance(value, str) or not LANG.match(value):
        raise Expected(f"a language code such as 'en', got {_describe(value)}")
    return value


def _date(value):
    if isinstance(value, _dt.datetime) or not isinstance(value, (str, _dt.date)):
        raise Expected(f"a date (2020-01-10, or the string \"2020-01-10\"), got {_describe(value)}")
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(value.strip())
    except ValueError:
        raise Expected(f"a date written YYYY-MM-DD, got {_describe(value)}") from None


def _bool(value):
    if not isinstance(value, bool):
        raise Expected(f"true or false, got {_describe(value)}")
    return value


def _url(value):
    # Any server the newsroom runs (its own machine or another) is allowed: it is the one
    # network address lintnews ever talks to, and the user chose it.
    if not isinstance(value, str):
        raise Expected(f"the http(s) URL of a LanguageTool server (http://127.0.0.1:8081), got {_describe(value)}")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Expected(f"the http(s) URL of a LanguageTool server (http://127.0.0.1:8081), got {_describe(value)}")
    return value.rstrip("/")


def _seconds(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise Expected(f"a number of seconds above 0, got {_describe(value)}")
    return float(value)


def _severity_table(value):
    if not isinstance(value, dict):
        raise Expected(f"a table of rule code = severity (MT001 = \"warning\"), got {_describe(value)}")
    out = {}
    for code, level in value.items():
        if not isinstance(level, str) or level not in SEVERITIES:
            raise Expected(f"a severity ('error', 'warning' or 'info') for {code}, got {_describe(level)}")
        out[code] = Severity.parse(level)
    return out


def _per_file_table(value):
    if not isinstance(value, dict):
        raise Expected(f"a table of glob = [rule codes] (\"wire/*.md\" = [\"TY\"]), got {_describe(value)}")
    return {glob: _strings(codes, f"a list of rule codes for {glob!r}") for glob, codes in value.items()}


#: Key in the file -> (Config field, parser).
KEYS = {
    "select": ("select", _codes),
    "extend-select": ("extend_select", _codes),
    "ignore": ("ignore", _codes),
    "per-file-ignores": ("per_file_ignores", _per_file_table),
    "severity": ("severity", _severity_table),
    "fail-on": ("fail_on", _fail_on),
    "lang": ("lang", _lang),
    "variant": ("variant", _choice(VARIANTS)),
    "date": ("date", _date),
    "rules": ("rules", lambda v: _strings(v, "a list of rule-pack directories")),
    "grammar": ("grammar", _bool),
    "languagetool-url": ("languagetool_url", _url),
    "languagetool-timeout": ("languagetool_timeout", _seconds),
    "include": ("include", lambda v: _strings(v, "a list of globs")),
    "exclude": ("exclude", lambda v: _strings(v, "a list of globs")),
}


def _toml():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def read_table(path: Path) -> dict | None:
    """The lintnews settings in a file, unchecked; None for a pyproject.toml without them."""
    toml = _toml()
    try:
        with open(path, "rb") as handle:
            data = toml.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except toml.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8") from None
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("lintnews") if isinstance(data.get("tool"), dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.lintnews: expected a table, got {_describe(table)}")
    return table


def load(path: Path, forced: bool = False) -> dict:
    """Read and check one configuration file: Config field -> value."""
    table = read_table(path)
    if table is None:
        if forced:
            raise ConfigError(f"{path}: no [tool.lintnews] table in this file")
        return {}
    prefix = "tool.lintnews." if path.name == "pyproject.toml" else ""
    values = {}
    base = path.resolve().parent
    for key, value in table.items():
        if key not in KEYS:
            hint = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint_text = f" (did you mean '{hint[0]}'?)" if hint else f" (expected one of: {', '.join(KEYS)})"
            raise ConfigError(f"{path}: unknown key '{prefix}{key}'{hint_text}")
        name, parse = KEYS[key]
        try:
            values[name] = parse(value)
        except Expected as exc:
            raise ConfigError(f"{path}: {prefix}{key}: expected {exc}") from None
    for directory in values.get("rules", ()):
        full = base / directory
        if not full.is_dir():
            raise ConfigError(f"{path}: {prefix}rules: expected a directory of rule packs, "
                              f"'{directory}' is not one (paths are relative to {base})")
    if "rules" in values:
        values["rules"] = tuple(str(base / d) for d in values["rules"])
    values["root"] = str(base)
    return values


def check_codes(path: Path, values: dict, ruleset) -> None:
    """Unknown rule codes in a file are errors that name the file and the key."""
    prefix = "tool.lintnews." if path.name == "pyproject.toml" else ""
    for key in ("select", "extend-select", "ignore"):
        try:
            ruleset.check_selectors(values.get(KEYS[key][0]) or (), f"{prefix}{key}")
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    for glob, codes in values.get("per_file_ignores", {}).items():
        try:
            ruleset.check_selectors(codes, f"{prefix}per-file-ignores.{glob!r}")
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    for code in values.get("severity", {}):
        if ruleset.resolve(code) is None:
            raise ConfigError(f"{path}: {prefix}severity: unknown rule code or name {code!r} "
                              f"(expected a rule code such as MT001 or a name; see 'lintnews rules')")


def nearest(directory: Path) -> Path | None:
    """The configuration file governing articles in `directory`: the nearest one above it."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or read_table(candidate) is not None):
                return candidate
    return None


class Settings:
    """Which configuration governs each article, with one Linter per configuration file.

    Articles under the same configuration file share its Linter (rules are compiled once per
    file), so a run over many folders costs one rule set per distinct configuration.
    """

    def __init__(self, overrides: dict | None = None, config_file: str | None = None, isolated: bool = False):
        if config_file and isolated:
            raise ConfigError("--config and --isolated cannot be used together")
        self.overrides = dict(overrides or {})
        self.isolated = isolated
        self.forced = Path(config_file) if config_file else None
        self._near: dict[str, Path | None] = {}
        self._by_path: dict[str, Path | None] = {}
        #: Each directory as written in a path, made absolute.
        self._absolute: dict[str, str] = {}
        self._values: dict[Path | None, dict] = {}
        self._configs: dict[Path | None, Config] = {}
        self._linters: dict = {}
        if self.forced is not None:
            self._values[self.forced] = load(self.forced, forced=True)

    def __getstate__(self):
        """What a worker process needs: the files already read; it builds its own Linters."""
        state = dict(self.__dict__)
        state.update(_near={}, _by_path={}, _absolute={}, _configs={}, _linters={})
        return state

    def command_line(self) -> Config:
        """The options given on the command line alone (discovery uses their globs)."""
        return Config(**self.overrides)

    def source_for(self, path: str) -> Path | None:
        """The configuration file for an article ('-' is standard input: the current directory)."""
        if self.isolated:
            return None
        if self.forced is not None:
            return self.forced
        if path != "-" and path in self._by_path:  # asked for each article several times
            return self._by_path[path]
        # Keyed by the directory's name: a Path is built only for a directory not seen yet (and
        # made absolute once per directory as written, not for each of its files).
        if path == "-":
            directory = os.getcwd()
        else:
            written = os.path.dirname(path)
            if written not in self._absolute:
                self._absolute[written] = os.path.abspath(written)
            directory = self._absolute[written]
        if directory not in self._near:
            self._near[directory] = nearest(Path(directory))
        if path != "-":
            self._by_path[path] = self._near[directory]
        return self._near[directory]

    def config_for(self, path: str) -> Config:
        return self._config(self.source_for(path))

    def _config(self, source: Path | None) -> Config:
        if source not in self._configs:
            if source is not None and source not in self._values:
                self._values[source] = load(source)
            values = dict(self._values.get(source, {}))
            for key, value in self.overrides.items():
                values[key] = tuple(values.get(key, ())) + tuple(value) if key in EXTENDING else value
            if "select" in self.overrides:
                values["extend_select"] = tuple(self.overrides.get("extend_select", ()))
            self._configs[source] = Config(**values)
        return self._configs[source]

    def linter_for(self, path: str):
        from .engine import Linter, RuleSet

        source = self.source_for(path)
        if source not in self._linters:
            config = self._config(source)
            ruleset = RuleSet(config.rules)
            if source is not None:
                check_codes(source, self._values[source], ruleset)
            self._linters[source] = Linter(config, ruleset)
        return self._linters[source]

    def wanted(self, path: str, named: bool) -> bool:
        """Whether the article's configuration lints it: `exclude` always, `include` only for
        files found in a directory (a file named on the command line is always included)."""
        if path == "-":
            return True
        config = self.config_for(path)
        if glob_matches(path, config.exclude, config.root):
            return False
        return named or not config.include or glob_matches(path, config.include, config.root)

    def filter(self, files: list[str], named) -> list[str]:
        """The discovered files each one's configuration lints; reads and checks every
        configuration involved (one Linter each) before anything is linted."""
        named = set(named)
        kept = [f for f in files if self.wanted(f, f in named)]
        for path in kept:
            self.linter_for(path)
        return kept

    def files(self, paths) -> list[str]:
        """Files to lint for command-line `paths`: discovered with the command line's globs,
        then filtered by each file's configuration."""
        from .articles import discover

        config = self.command_line()
        return self.filter(discover(paths, config.include, config.exclude), paths)

    def rules(self) -> list:
        """Every rule enabled under some configuration of the run, by code."""
        found = {r.code: r for linter in self._linters.values() for r in linter.enabled}
        return [found[c] for c in sorted(found)]
