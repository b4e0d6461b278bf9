"""The linter: loads every rule, selects some, runs them over a Document, returns Findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path

from . import checks, suppressions  # suppressions registers IO100/IO101
from .checks import Hit, grammar
from .config import Config, glob_matches
from .document import Document
from .errors import ConfigError, LintnewsError
from .finding import Finding, Fix, Severity, deduplicate
from .fixes import replaceable
from .packs import DeclaredRule, builtin_pack_dir, load_packs
from .phrases import PhraseIndex
from .prefilter import PRESENT, GateIndex, folded_in_place, folded_text
from .rule import Rule


def names_dynamic_code(selector: str, rule: Rule) -> bool:
    """Whether `selector` (LTEN_A_VS_AN) names codes the LanguageTool rule reports under rather
    than the rule itself (LT000, prefixes LT and LT0)."""
    s = selector.upper()
    return rule.family == "LT" and s.startswith("LT") and len(s) > 2 and not rule.code.startswith(s)


@dataclass
class Context:
    """What a check may know beyond the document: the run's settings."""

    config: Config


@dataclass
class Result:
    """The findings for one document, and notices about the run (such as a rule stopped)."""

    findings: list[Finding]
    notices: list[str] = field(default_factory=list)
    #: Rules that raised an exception on the document (a bug in the rule): one line each.
    errors: list[str] = field(default_factory=list)

    def rule_failed(self, doc: Document, rule: Rule, exc: Exception) -> None:
        """Record that `rule` raised `exc` on `doc` (its findings there already left out): a
        pattern past its timeout is a notice, anything else an error (see `failed`)."""
        if isinstance(exc, TimeoutError):
            self.notices.append(stopped(doc, rule))
        else:
            self.errors.append(failed(doc, rule, exc))


def stopped(doc: Document, rule: Rule) -> str:
    """The notice on a rule whose pattern ran past its timeout (a catastrophic user regex)."""
    return (f"{doc.name}: rule {rule.code} ({rule.name}) stopped: a pattern ran longer than its "
            f"timeout; the rule's other findings in this file are dropped")


def failed(doc: Document, rule: Rule, exc: Exception) -> str:
    """One line on a rule that raised `exc` on `doc`: a bug in lintnews (or in a user's rule), not
    in the article. The rule's findings in that document are left out; the other rules' stand,
    the run goes on, and the command line ends with exit code 2."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    said = " ".join(str(exc).split())  # one line, however the exception's message was written
    if len(said) > FAILURE_CHARS:  # it may quote the article
        said = said[:FAILURE_CHARS - 1] + "…"
    return (f"{doc.name}: rule {rule.code} ({rule.name}) failed: {type(exc).__name__}: {said}{where}; its "
            f"findings in this file are left out (a bug: please report it with the file)")


#: At most this many characters of a failed rule's exception message are shown.
FAILURE_CHARS = 200


#: A match's (start, end): the order a rule's matches are turned into hits.
_span = itemgetter(0, 1)


@lru_cache(maxsize=8)
def _declared(directories: tuple[str, ...]) -> tuple[DeclaredRule, ...]:
    return tuple(load_packs([Path(d) for d in directories]))


class RuleSet:
    """Every rule that exists for a configuration: built-in packs, extra packs, Python checks."""

    def __init__(self, extra_dirs=()):
        dirs = (str(builtin_pack_dir()),) + tuple(str(Path(d)) for d in extra_dirs)
        self.declared = {d.rule.code: d for d in _declared(dirs)}
        self.python = dict(checks.load_all())
        self.rules: dict[str, Rule] = {}
        for code, item in [*self.python.items(), *self.declared.items()]:
            if code in self.rules:
                raise ConfigError(f"rule code {code} is defined twice ({self.rules[code].source} and {item.rule.source})")
            self.rules[code] = item.rule
        self.by_name = {r.name: r for r in self.rules.values()}

    def sorted(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.rules)]

    def resolve(self, selector: str) -> Rule | None:
        return self.rules.get(selector.upper()) or self.by_name.get(selector.lower())

    def matches(self, selector: str, rule: Rule) -> int:
        """How specifically `selector` names `rule`: 0 not at all, more is more specific."""
        if selector.lower() in ("all", "*"):
            return 1
        if selector.lower() == rule.name:
            return 100
        s = selector.upper()
        if rule.code.startswith(s) or names_dynamic_code(selector, rule):
            return 1 + len(s)
        return 0

    def selects(self, selector: str, code: str) -> int:
        """How specifically `selector` names findings reported under `code`, which may be a code a
        rule makes up (LanguageTool's LT + rule id) rather than the rule's own."""
        if code in self.rules:
            return self.matches(selector, self.rules[code])
        if code.startswith(selector.upper()):
            return 1 + len(selector)
        return max((self.matches(selector, r) for r in self.rules.values()
                    if r.family == code[:2] and not names_dynamic_code(selector, r)), default=0)

    def check_selectors(self, selectors, key: str) -> None:
        for s in selectors:
            if not any(self.matches(s, r) for r in self.rules.values()):
                raise ConfigError(f"{key}: unknown rule code, prefix or name {s!r} (see 'lintnews rules')")

    def enabled(self, config: Config) -> list[Rule]:
        for key, selectors in (("select", config.select or ()), ("extend-select", config.extend_select),
                               ("ignore", config.ignore)):
            self.check_selectors(selectors, key)
        out = []
        for rule in self.sorted():
            if config.select is None:
                on = 1 if rule.default else 0
            else:
                on = max((self.matches(s, rule) for s in config.select), default=0)
            on = max(on, max((self.matches(s, rule) for s in config.extend_select), default=0))
            # --ignore LTSOME_RULE drops that one code's findings (the check filters them), not the rule.
            off = max((self.matches(s, rule) for s in config.ignore if not names_dynamic_code(s, rule)), default=0)
            if rule.code.startswith("LT") and not config.grammar:
                on = 0
            if on and on > off:
                out.append(rule)
        return out


class Linter:
    """Runs the enabled rules of a configuration over documents."""

    def __init__(self, config: Config | None = None, ruleset: RuleSet | None = None):
        self.config = config or Config()
        self.ruleset = ruleset or RuleSet(self.config.rules)
        self.enabled = self.ruleset.enabled(self.config)
        codes = {r.code for r in self.enabled}
        self.declared = [d for c, d in self.ruleset.declared.items() if c in codes]
        self.python = [p for c, p in self.ruleset.python.items() if c in codes]
        self.index = PhraseIndex()
        for d in self.declared:
            d.register(self.index)
        gates = [g for d in self.declared for g in d.all_gates() if g is not None]
        gates += [(True, tuple(sorted(p.strings))) for p in self.python if p.strings]
        self.gates = GateIndex(gates) if gates else None
        #: Each rule with patterns, and the strings one of which an article must contain for
        #: any of them to match (None: a pattern without a gate, always run).
        self.scanned = [(d, d.gate_strings()) for d in self.declared if d.patterns]
        self.context = Context(self.config)
        #: Each rule's severity as the configuration sets it (by code, else by name), if it does.
        self._severity = {r.code: self.config.severity.get(r.code) or self.config.severity.get(r.name)
                          for r in self.enabled}

    def lint(self, doc: Document) -> Result:
        result = Result([])
        per_file_off = [codes for glob, codes in self.config.per_file_ignores.items()
                        if glob_matches(doc.path, (glob,), self.config.root)]
        matches: dict[str, list] = {}
        if self.index:
            for start, end, (declared, payload) in self.index.find(doc):
                matches.setdefault(declared.rule.code, []).append((start, end, payload))
        present = None
        if self.gates is not None:
            # Kept on the document for the Python checks' own strings (prefilter.occurs).
            present = doc.remember(PRESENT, self.gates.present(
                folded_text(doc), doc.prose if folded_in_place(doc) else None))
        for declared, strings in self.scanned:
            if present is not None and strings is not None and present.isdisjoint(strings):
                continue  # no pattern of the rule can match: its phrase matches are all it has
            code = declared.rule.code
            try:
                matches[code] = matches.get(code, []) + list(declared.scan(doc, present))
            except LintnewsError:
                raise
            except Exception as exc:  # a catastrophic user pattern's timeout, or a bug
                matches.pop(code, None)
                result.rule_failed(doc, declared.rule, exc)
        # Most rules match nothing in most articles: only those that did are looked at. (The
        # order rules are visited in does not matter: findings are sorted in the end.)
        for code, found in matches.items():
            if found:
                declared = self.ruleset.declared[code]
                self._run(result, doc, declared.rule, declared.hits, sorted(found, key=_span))
        context = self.context
        for item in self.python:
            self._run(result, doc, item.rule, item.function, context)
        if self.config.grammar:
            result.findings = grammar.without_duplicates(result.findings)
        # In-article suppressions come after every check, so every kind of rule is suppressible.
        result.findings = suppressions.apply(doc, result.findings, self)
        if per_file_off:
            result.findings = [f for f in result.findings
                               if not any(self.ruleset.selects(s, f.code) for codes in per_file_off for s in codes)]
        result.findings = deduplicate(result.findings)
        return result

    def _run(self, result: Result, doc: Document, rule: Rule, produce, argument) -> None:
        """Collect the hits `produce(doc, argument)` yields. A rule that raises loses its findings
        in `doc`, not the run: the error is recorded (see `failed`) and the other rules go on."""
        mark = len(result.findings)
        try:
            hits = iter(produce(doc, argument))
            for hit in hits:  # most rules find nothing: no call to _collect for them (speed)
                self._collect(result, doc, rule, chain((hit,), hits))
        except LintnewsError:
            raise  # the run's own errors (LanguageTool unreachable...) end the run
        except Exception as exc:  # a timeout in a pack's exception patterns, or a bug
            del result.findings[mark:]
            result.rule_failed(doc, rule, exc)

    def _collect(self, result: Result, doc: Document, rule: Rule, hits) -> None:
        severity_override = self._severity.get(rule.code)
        spacing = "spacing" in rule.tags
        for hit in hits:
            if spacing and doc.blanked_space(hit.start, hit.end):
                continue  # the "space" is markup that was blanked out, not a space in the article
            override = self.config.severity.get(hit.code) if hit.code else None
            result.findings.append(self.finding(doc, rule, hit, override or severity_override))

    def finding(self, doc: Document, rule: Rule, hit: Hit, severity: Severity | None = None) -> Finding:
        excerpt = doc.text[hit.start:hit.end]
        fix = None
        # A span that covers markup or an HTML character reference keeps its suggestions, not a fix.
        if hit.replacement is not None and replaceable(doc, hit.start, hit.end):
            safe = hit.safe if hit.safe is not None else rule.fix == "safe"
            fix = Fix(hit.replacement, safe)
        message = hit.message if hit.message is not None else rule.message.format(match=excerpt)
        return Finding(doc.path, doc.position(hit.start), doc.position(hit.end), hit.code or rule.code,
                       hit.name or rule.name,
                       Severity.parse(severity) if severity else (hit.severity or rule.severity), message,
                       tuple(hit.suggestions), fix, hit.start, hit.end, doc.article, excerpt)
