"""Declarative rule packs: YAML files of rules, read safely, validated, compiled once.

A pack is a mapping with a `rules` list. Each rule has the metadata of every rule (code,
name, severity, summary, why, message, examples, fix) and a `kind`, modelled on Vale's:

- existence:    `tokens` (phrases, matched word by word) and/or `patterns` (regular
                expressions, run with the `regex` module and a timeout) that are always wrong.
                `whole_line: true` flags a phrase only when it is a whole line by itself.
- substitution: `swap: {wrong: right}`; the fix puts `right` in place of `wrong`. Several
                answers separated by `|` become suggestions and no fix. `regex: true` makes
                the keys regular expressions.
- consistency:  `either: [[spelling, other spelling], ...]`: both in one article is a finding
                on the less frequent one, citing the line of the other.

See README "Writing a rule pack" for a full example.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .checks import Hit
from .errors import RulePackError
from .finding import Severity
from .phrases import PhraseIndex
from .prefilter import (
    folded_in_place, folded_text, gates, leads_with_literal, line_anchored, passes, reach, single_line,
)
from .rule import Example, Rule

#: Seconds one pattern may run on one article before it is stopped.
PATTERN_TIMEOUT = 1.0

KINDS = ("existence", "substitution", "consistency")

SCHEMA = {
    "type": "object",
    "required": ["rules"],
    "additionalProperties": False,
    "properties": {
        "description": {"type": "string"},
        "rules": {"type": "array", "items": {"$ref": "#/definitions/rule"}},
    },
    "definitions": {
        "example": {
            "oneOf": [
                {"type": "string"},
                {"type": "object", "required": ["text"], "additionalProperties": False,
                 "properties": {"text": {"type": "string"}, "fixed": {"type": "string"},
                                "format": {"enum": ["text", "markdown"]}, "message": {"type": "string"},
                                "options": {"type": "object"}}},
            ]
        },
        "rule": {
            "type": "object",
            "required": ["code", "name", "kind", "severity", "summary", "examples"],
            "additionalProperties": False,
            "properties": {
                "code": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{3}$"},
                "name": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"},
                "kind": {"enum": list(KINDS)},
                "severity": {"enum": ["error", "warning", "info"]},
                "summary": {"type": "string", "minLength": 1},
                "why": {"type": "string"},
                "message": {"type": "string"},
                "fix": {"enum": ["safe", "unsafe", None]},
                "default": {"type": "boolean"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "ignorecase": {"type": "boolean"},
                "whole_line": {"type": "boolean"},
                "regex": {"type": "boolean"},
                "tokens": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "patterns": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "swap": {"type": "object", "minProperties": 1,
                         "additionalProperties": {"type": "string", "minLength": 1}},
                "either": {"type": "array", "minItems": 1,
                           "items": {"type": "array", "minItems": 2, "items": {"type": "string"}}},
                "examples": {
                    "type": "object", "required": ["bad", "good"], "additionalProperties": False,
                    "properties": {
                        "bad": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/example"}},
                        "good": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/example"}},
                    },
                },
            },
            "allOf": [
                {"if": {"properties": {"kind": {"const": "existence"}}},
                 "then": {"anyOf": [{"required": ["tokens"]}, {"required": ["patterns"]}]}},
                {"if": {"properties": {"kind": {"const": "substitution"}}}, "then": {"required": ["swap"]}},
                {"if": {"properties": {"kind": {"const": "consistency"}}}, "then": {"required": ["either"]}},
            ],
        },
    },
}


class LineDict(dict):
    """A YAML mapping that remembers the line it started on."""

    line = 0


def _construct_mapping(loader, node):
    data = LineDict(loader.construct_mapping(node, deep=True))
    data.line = node.start_mark.line + 1
    return data


_line_loader = None


def _loader():
    """A safe loader (no Python objects) keeping line numbers for error messages. Built, and
    yaml imported, only when a pack is parsed: a run with cached packs reads no YAML."""
    global _line_loader
    if _line_loader is None:
        import yaml

        class _LineLoader(yaml.SafeLoader):
            pass

        _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
        _line_loader = _LineLoader
    return _line_loader


def _line_of(data, path) -> int:
    line = getattr(data, "line", 1)
    node = data
    for key in path:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        line = getattr(node, "line", line)
    return line


def read_pack(path: Path) -> list:
    """Parse and validate one pack file; return its raw rule mappings."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{path}: cannot read rule pack ({exc})") from None
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise RulePackError(f"{path}:{line}: invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise RulePackError(f"{path}:1: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise RulePackError(f"{path}:1: a rule pack is a mapping with a 'rules' list")
    import jsonschema  # only when a pack is actually parsed

    validator = jsonschema.Draft7Validator(SCHEMA)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = jsonschema.exceptions.best_match(errors)
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        raise RulePackError(f"{path}:{_line_of(data, error.absolute_path)}: {where}: {error.message}")
    for raw in data["rules"]:
        problems = []
        for key in ("patterns", "exceptions") + (("swap",) if raw.get("regex") else ()):
            for pattern in raw.get(key, ()):
                try:
                    regex.compile(pattern)
                except regex.error as exc:
                    problems.append(f"pattern {pattern!r} does not compile: {exc}")
        if "message" in raw:
            problems.extend(_message_problems(raw["message"], raw["kind"]))
        if problems:
            raise RulePackError(f"{path}:{raw.line}: rule {raw['code']}: {problems[0]}")
    return data["rules"]


#: The fields each kind of rule fills in its message.
MESSAGE_FIELDS = {"existence": ("match",), "substitution": ("match", "right"),
                  "consistency": ("match", "other", "line")}


def _message_problems(message: str, kind: str) -> list[str]:
    """Why `message` cannot be filled in for a rule of `kind` (a field it does not have, a stray
    brace), checked when the pack is read rather than found on the first article it flags."""
    import string

    fields = MESSAGE_FIELDS[kind]
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
        unknown = next((name for name in names if name not in fields), None)
        problem = f"unknown field {{{unknown}}}" if unknown is not None else None
        if problem is None:
            message.format(**dict.fromkeys(fields, "x"))  # a format spec that str refuses
    except ValueError as exc:
        problem = str(exc)
    if problem is None:
        return []
    allowed = ", ".join("{" + f + "}" for f in fields)
    return [f"message {message!r}: {problem} (the message of a rule of kind {kind} may use {allowed}; "
            f"a brace itself is written {{{{ or }}}})"]


@dataclass
class DeclaredRule:
    """A compiled YAML rule of one of the declarative kinds."""

    rule: Rule
    kind: str
    phrases: list = field(default_factory=list)      # (phrase, payload)
    patterns: list = field(default_factory=list)     # (compiled regex, payload)
    exceptions: list = field(default_factory=list)   # compiled regexes: a match inside one is not flagged
    ignorecase: bool = True
    whole_line: bool = False
    #: For each pattern, the strings one of which its every match contains (see prefilter.py).
    gates: list = field(default_factory=list)
    #: For each pattern, further such sets (each one also necessary), cheap to test.
    more_gates: list = field(default_factory=list)
    #: For each pattern that starts with `^`: the same pattern led by "\n" instead (see
    #: `_line_matches`), else None.
    line_variants: list = field(default_factory=list)
    #: For each such pattern: whether its matches never hold a line break (see `_at_lines`).
    single_lines: list = field(default_factory=list)
    #: For each pattern with a gate, its `prefilter.reach` (None when unbounded): it is then
    #: run only around the places its gate's strings occur (see `_windowed`).
    reaches: list = field(default_factory=list)

    def register(self, index: PhraseIndex) -> None:
        for phrase, payload in self.phrases:
            index.add(phrase, (self, payload), self.ignorecase, self.whole_line)

    def all_gates(self):
        return [*self.gates, *(g for more in self.more_gates for g in more)]

    def gate_strings(self) -> frozenset | None:
        """The strings of every pattern's first gate: an article that contains none of them
        cannot match any pattern. None when a pattern has no gate."""
        if any(g is None for g in self.gates) or len(self.gates) < len(self.patterns):
            return None
        return frozenset(s for g in self.gates for s in g[1])

    def scan(self, doc, present: frozenset | None = None):
        """Pattern matches, as (start, end, payload). A runaway pattern raises TimeoutError.
        `present`: the gate strings the article contains (prefilter.GateIndex), when known."""
        prose = doc.prose
        folded = lambda: folded_text(doc)  # noqa: E731
        spans = getattr(present, "spans", None)
        for i, (pattern, payload) in enumerate(self.patterns):
            gate_ = self.gates[i] if i < len(self.gates) else None
            reach_ = None
            if gate_ is not None:
                more = self.more_gates[i] if i < len(self.more_gates) else ()
                if present is not None:
                    if present.isdisjoint(gate_[1]) or any(present.isdisjoint(g[1]) for g in more):
                        continue
                    reach_ = self.reaches[i] if spans is not None and i < len(self.reaches) else None
                    if reach_ is not None and not folded_in_place(doc):
                        reach_ = None
                elif not passes(gate_, prose, folded) or not all(passes(g, prose, folded) for g in more):
                    continue
            variant = self.line_variants[i] if i < len(self.line_variants) else None
            if reach_ is not None:
                found = _windowed(pattern, prose, present.windows(gate_[1], *reach_), reach_)
            elif (variant is not None and spans is not None and gate_ is not None and i < len(self.single_lines)
                  and self.single_lines[i] and folded_in_place(doc)):
                found = _at_lines(pattern, prose, (start for s in gate_[1] for start, _ in spans.get(s, ())))
            elif variant is None:
                found = pattern.finditer(prose, timeout=PATTERN_TIMEOUT)
            else:
                found = _line_matches(pattern, variant, prose)
            for m in found:
                if m.end() > m.start():
                    yield m.start(), m.end(), m.expand(payload) if isinstance(payload, str) else payload

    def _excepted(self, doc, start, end) -> bool:
        for pattern in self.exceptions:
            for m in pattern.finditer(doc.prose, max(0, start - 80), min(len(doc.prose), end + 80),
                                      timeout=PATTERN_TIMEOUT):
                if m.start() <= start and end <= m.end():
                    return True
        return False

    def hits(self, doc, matches):
        """Turn this rule's matches into hits, as its kind says."""
        matches = [m for m in matches if not (self.exceptions and self._excepted(doc, m[0], m[1]))]
        if self.kind == "existence":
            for start, end, _ in matches:
                yield Hit(start, end, self.rule.message.format(match=doc.prose[start:end]))
        elif self.kind == "substitution":
            for start, end, right in matches:
                found = doc.prose[start:end]
                answers = [match_case(found, a.strip()) for a in right.split("|")]
                if found in answers:
                    continue  # already the right form
                message = self.rule.message.format(match=found, right="' or '".join(answers))
                if len(answers) == 1 and self.rule.fix:
                    yield Hit(start, end, message, replacement=answers[0], suggestions=tuple(answers))
                else:
                    yield Hit(start, end, message, suggestions=tuple(answers))
        elif self.kind == "consistency":
            yield from self._consistency(doc, matches)

    def _consistency(self, doc, matches):
        by_group: dict = {}
        for start, end, (group, variant) in matches:
            by_group.setdefault(group, {}).setdefault(variant, []).append((start, end))
        for variants in by_group.values():
            if len(variants) < 2:
                continue
            # The spelling used most (then first) is the article's; the others are flagged.
            ranked = sorted(variants.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
            main_spans = ranked[0][1]
            main_text = doc.prose[main_spans[0][0]:main_spans[0][1]]
            lines = sorted({doc.position(s).line for s, _ in main_spans})
            for _, spans in ranked[1:]:
                for start, end in spans:
                    yield Hit(start, end, self.rule.message.format(
                        match=doc.prose[start:end], other=main_text,
                        line=", ".join(str(n) for n in lines)), suggestions=(main_text,))


class _LineMatch:
    """A match of a "\n"-led line variant, seen as the `^` pattern's match: it starts after
    the newline."""

    __slots__ = ("_m",)

    def __init__(self, m):
        self._m = m

    def start(self):
        return self._m.start() + 1

    def end(self):
        return self._m.end()


def _line_matches(pattern, variant, text: str):
    """What `pattern.finditer(text)` finds, for a pattern `^rest` (MULTILINE) whose `variant`
    is `\nrest`: the start of the text is tried with `pattern`, every other line start by
    searching for `variant`. Should a match be empty, the rest is left to `finditer` itself,
    which knows what comes after an empty match."""
    m = pattern.match(text, 0, timeout=PATTERN_TIMEOUT)
    pos = 0
    if m is not None:
        if m.end() == 0:
            yield from pattern.finditer(text, 0, timeout=PATTERN_TIMEOUT)
            return
        yield m
        pos = m.end()
    while True:
        # A newline at pos - 1 (inside the last match) still starts a line at pos.
        m = variant.search(text, max(pos - 1, 0), timeout=PATTERN_TIMEOUT)
        if m is None:
            return
        if m.end() == m.start() + 1:
            yield from pattern.finditer(text, pos, timeout=PATTERN_TIMEOUT)
            return
        yield _LineMatch(m)
        pos = m.end()


def _at_lines(pattern, text: str, offsets):
    """What `pattern.finditer(text)` finds, for a `^` pattern whose matches never hold a line
    break, given offsets of its gate's strings in `text`: a match holds one of them, so it
    lies in one of their lines, and starts where that line does. Only those lines are tried."""
    for start in sorted({text.rfind("\n", 0, offset) + 1 for offset in offsets}):
        m = pattern.match(text, start, timeout=PATTERN_TIMEOUT)
        if m is not None:
            yield m


def _windowed(pattern, text: str, windows, reach_: tuple[int, int, int]):
    """What `pattern.finditer(text)` finds, for a pattern with that `prefilter.reach`, given the
    (first, last) ranges where its matches can start: each range is searched with the text cut
    short just beyond where a match starting in it can look, so the pattern is not tried at
    every character of the article. A match is never empty, so each search goes on from the
    last match's end, as finditer's does."""
    width, _, ahead = reach_
    size = len(text)
    pos = 0
    for first, last in windows:
        pos = max(pos, first)
        end = min(size, last + width + ahead + 1)
        while pos <= last:
            m = pattern.search(text, pos, end, timeout=PATTERN_TIMEOUT)
            if m is None or m.start() > last:
                break
            yield m
            pos = m.end()


def match_case(found: str, replacement: str) -> str:
    """Give the replacement the capital letter the flagged text starts with."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def compile_pattern(pattern: str, flags: int):
    """Compile a pack's pattern. Version-1 `regex` turns on full case folding with IGNORECASE
    (so that 'ß' matches 'SS'); it makes patterns such as `[\\w-]*` run some 15 times slower
    and buys nothing in English copy, so it is turned off (`(?-f)`)."""
    return regex.compile("(?-f)" + pattern, flags)


def compile_rule(raw: dict, source: str) -> DeclaredRule:
    examples = raw["examples"]
    kind = raw["kind"]
    default_messages = {
        "existence": "{match}",
        "substitution": "Use '{right}' instead of '{match}'.",
        "consistency": "Inconsistent spelling: '{match}' here, '{other}' on line {line}.",
    }
    rule = Rule(raw["code"], raw["name"], Severity.parse(raw["severity"]), raw["summary"], raw.get("why", ""),
                raw.get("message", default_messages[kind]),
                tuple(Example.parse(e) for e in examples["bad"]), tuple(Example.parse(e) for e in examples["good"]),
                raw.get("fix") if kind == "substitution" else None, raw.get("default", True),
                f"{source}:{getattr(raw, 'line', 1)}", tuple(raw.get("tags", ())))
    ignorecase = raw.get("ignorecase", True)
    flags = regex.MULTILINE | regex.V1 | (regex.IGNORECASE if ignorecase else 0)
    declared = DeclaredRule(rule, kind, ignorecase=ignorecase, whole_line=raw.get("whole_line", False),
                            exceptions=[compile_pattern(p, flags) for p in raw.get("exceptions", ())])
    if kind == "existence":
        declared.phrases = [(p, None) for p in raw.get("tokens", ())]
        declared.patterns = [(compile_pattern(p, flags), None) for p in raw.get("patterns", ())]
        _gate(declared, raw.get("patterns", ()), ignorecase)
        declared.line_variants = [compile_pattern("\n(?:" + p[1:] + ")", flags) if line_anchored(p) else None
                                  for p in raw.get("patterns", ())]
        declared.single_lines = [line_anchored(p) and single_line(p) for p in raw.get("patterns", ())]
    elif kind == "substitution":
        if raw.get("regex"):
            declared.patterns = [(compile_pattern(k, flags), v) for k, v in raw["swap"].items()]
            _gate(declared, raw["swap"], ignorecase)
        else:
            declared.phrases = list(raw["swap"].items())
    else:
        declared.phrases = [(spelling, (g, v)) for g, group in enumerate(raw["either"])
                            for v, spelling in enumerate(group)]
    return declared


def _gate(declared: DeclaredRule, patterns, ignorecase: bool) -> None:
    found = [gates(p, ignorecase) for p in patterns]
    declared.gates = [g[0] if g else None for g in found]
    declared.more_gates = [g[1:] for g in found]
    declared.reaches = [reach(p) if g and not leads_with_literal(p) else None for p, g in zip(patterns, found)]


def builtin_pack_dir() -> Path:
    """rules/ inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RulePackError(f"the built-in rule packs are missing (looked in {here / 'rules'})")


def pack_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.yaml") if p.is_file()) + sorted(
        p for p in directory.glob("*.yml") if p.is_file())


def load_packs(directories: list[Path], cache: bool = True) -> list[DeclaredRule]:
    """Every rule of the packs in `directories`, compiled.

    Parsing YAML and validating it against the schema costs more than all the rest of a
    start-up, so compiled packs are kept in the user's cache directory under a hash of
    the packs' bytes (see `cache_file`): a pack edited, added or removed is read afresh.
    """
    for directory in directories:
        if not directory.is_dir():
            raise RulePackError(f"{directory}: rule pack directory not found")
    target = cache_file(directories) if cache else None
    if target is not None:
        cached = _read_cache(target)
        if cached is not None:
            return cached
    rules = _parse_packs(directories)
    if target is not None:
        _write_cache(target, rules)
    return rules


def _parse_packs(directories: list[Path]) -> list[DeclaredRule]:
    rules = []
    for directory in directories:
        if not directory.is_dir():
            raise RulePackError(f"{directory}: rule pack directory not found")
        for path in pack_files(directory):
            for raw in read_pack(path):
                try:
                    rules.append(compile_rule(raw, str(path)))
                except (ValueError, KeyError) as exc:
                    raise RulePackError(f"{path}:{getattr(raw, 'line', 1)}: rule {raw.get('code')}: {exc}") from None
    return rules


def packs_digest(directories: list[Path]) -> str:
    """A hash of every pack's bytes: the key under which compiled packs may be cached."""
    digest = hashlib.sha256()
    for directory in directories:
        for path in pack_files(directory) if directory.is_dir() else ():
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# --- the compiled-pack cache ---------------------------------------------------------------
#: Bumped when what is cached changes shape in a way the source hash below would not catch.
CACHE_FORMAT = 1
#: Entries kept per kind (compiled packs, each knowledge file): older ones are removed.
CACHE_KEEP = 16


def cache_dir() -> Path | None:
    """Where compiled packs are kept: $LINTNEWS_CACHE_DIR, else the platform's user cache
    directory (~/.cache/lintnews, $XDG_CACHE_HOME/lintnews). LINTNEWS_CACHE_DIR=off disables it."""
    configured = os.environ.get("LINTNEWS_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "0", "off", "no", "false") else Path(configured)
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return None
    return Path(user_cache_dir("lintnews", appauthor=False))


def cache_file(directories: list[Path]) -> Path | None:
    """The cache entry for these pack directories: named by a hash of the packs' bytes, of the
    code that compiles them (a checkout that changes packs.py must not read stale objects),
    and of the Python and `regex` versions (a pickled pattern holds its compiled code)."""
    where = cache_dir()
    if where is None:
        return None
    digest = hashlib.sha256()
    digest.update(f"{CACHE_FORMAT}\0{sys.version}\0{regex.__version__}\0".encode())
    here = Path(__file__).resolve().parent
    for module in ("packs.py", "prefilter.py", "rule.py", "finding.py", "phrases.py"):
        try:
            digest.update((here / module).read_bytes())
        except OSError:
            return None
    try:
        digest.update(packs_digest(directories).encode())
    except OSError:
        return None
    return where / f"packs-{digest.hexdigest()[:32]}.pickle"


def _read_cache(path: Path) -> list[DeclaredRule] | None:
    """The cached rules, or None when missing, unreadable or corrupt (then packs are re-read)."""
    rules = _read_pickle(path)
    if not isinstance(rules, list) or not all(isinstance(r, DeclaredRule) for r in rules):
        return None
    return rules


def cached_by_content(name: str, content: bytes, compute):
    """`compute()`, kept in the cache directory under a hash of `content` (the bytes it is
    computed from): parsed knowledge files are read from there on the next start."""
    where = cache_dir()
    if where is None:
        return compute()
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{sys.version}\0{name}\0".encode() + content).hexdigest()[:32]
    path = where / f"{name}-{digest}.pickle"
    found = _read_pickle(path)
    if found is not None:
        return found
    value = compute()
    _write_cache(path, value)
    return value


def _read_pickle(path: Path):
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - any damage to the cache only means a cache miss
        return None


def _write_cache(path: Path, value, durable: bool = True) -> None:
    """Store a cache entry; a read-only or full cache directory is not an error."""
    from .files import write_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(str(path), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable)
        # Entries of packs since edited are never read again: keep the newest few of a kind.
        kind = path.name.rsplit("-", 1)[0]
        entries = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[CACHE_KEEP:]:
            old.unlink()
    except Exception:  # noqa: BLE001 - a cache that cannot be written is only a cache miss next time
        pass


# --- the checks' own patterns ------------------------------------------------------------------
#: (pattern, flags) -> the compiled pattern, as read from the cache (None: not read yet).
_compiled: dict | None = None


def compile_cached(pattern: str, flags: int = 0) -> "regex.Pattern":
    """regex.compile(pattern, flags), kept in the cache directory from one run to the next.

    `regex` parses a pattern in Python: each of the checks' long alternations (titles, country
    words, month names) takes 5 to 10 ms, some 100 ms a process in all. A pickled pattern is
    rebuilt from its compiled code, in C, in a fraction of that. The checks' patterns share
    one cache entry per Python and `regex` version; a pattern not in it yet is compiled and
    added (the entry is rewritten then, without waiting for the disk: a damaged entry only
    means compiling again)."""
    global _compiled
    if _compiled is None:
        _compiled = _read_patterns()
    key = (pattern, flags)
    found = _compiled.get(key)
    if found is None:
        found = _compiled[key] = regex.compile(pattern, flags)
        path = _patterns_file()
        if path is not None:
            _write_cache(path, dict(_compiled), durable=False)
    return found


def _patterns_file() -> Path | None:
    where = cache_dir()
    if where is None:
        return None
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{sys.version}\0{regex.__version__}".encode()).hexdigest()[:32]
    return where / f"patterns-{digest}.pickle"


def _read_patterns() -> dict:
    """The cached patterns, or none when the entry is missing, unreadable or not what it should be."""
    path = _patterns_file()
    found = _read_pickle(path) if path is not None else None
    if not isinstance(found, dict) or not all(
            isinstance(k, tuple) and isinstance(v, regex.Pattern) for k, v in found.items()):
        return {}
    return found
