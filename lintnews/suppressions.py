"""Suppressions written in the article itself: an editor's "yes, this is deliberate".

A quotation may keep a minister's own wording; a piece about French typography may show a
guillemet on purpose. Rather than turning a rule off for every article, the editor marks
the place:

    <!-- lintnews-disable-next-line MT001 -->          the next line that has text
    <!-- lintnews-disable MT001,TY -->  ...  <!-- lintnews-enable -->   a stretch of the article
    <!-- lintnews-disable-file CL005 -->               the whole file

in Markdown and HTML. Plain text has no comments, so there the same directive is a line of
its own starting with `#` (`# lintnews-disable-next-line MT001`); that line is not prose
(markup.TEXT_DIRECTIVE). Codes are rule codes, prefixes or names, separated by commas; none
means every rule. Text after ` -- ` is a reason, for the next editor.

Suppressions are applied by the engine after every check has run, so Python rules, rule
packs and LanguageTool findings are all suppressible. Two rules report on the directives:
IO101 (on by default) flags a directive lintnews cannot read, which would otherwise
silently suppress nothing; IO100 (opt-in, like ruff's RUF100) flags one that suppressed
nothing in this run.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from . import markup
from .checks import Hit, check
from .finding import Fix

KINDS = ("disable", "enable", "disable-next-line", "disable-file")

#: `<!-- lintnews-KIND codes -- reason -->` on one line (Markdown and HTML).
COMMENT = re.compile(r"<!--[ \t]*(?P<body>lintnews-[^\n]*?)[ \t]*-->")
BODY = re.compile(r"lintnews-(?P<kind>[A-Za-z-]*[A-Za-z])(?P<rest>.*)", re.S)
SELECTOR = re.compile(r"[^\s,]+")
REASON = re.compile(r"(?:^|\s)--(?:\s|$)")

UNUSED, INVALID = "IO100", "IO101"


@check(UNUSED, "unused-suppression", "warning",
       "A suppression comment that suppressed no finding in this run.",
       why="A suppression outlives the sentence it was written for: once the text is corrected it hides "
           "nothing, until someone writes a new mistake under it. Removing stale suppressions keeps them "
           "meaningful. Only codes of rules enabled in the run are judged. Opt-in, like ruff's RUF100.",
       bad=[{"text": "Intro.\n[[<!-- lintnews-disable-next-line TY004 -->\n]]The talks ended on Monday.\n",
             "fixed": "Intro.\nThe talks ended on Monday.\n", "format": "markdown",
             "options": {"extend_select": ("TY004",)}, "message": "suppresses no finding"},
            {"text": "<!-- lintnews-disable-next-line TY004[[, CL005]] -->\nHe said « no » to them.\n",
             "fixed": "<!-- lintnews-disable-next-line TY004 -->\nHe said « no » to them.\n",
             "format": "markdown", "options": {"extend_select": ("TY004", "CL005")}, "message": "CL005"}],
       good=[{"text": "<!-- lintnews-disable-next-line TY004 -->\nHe said « no » to them.\n",
              "format": "markdown", "options": {"extend_select": ("TY004",)}}],
       fix="safe", default=False, tags=("suppressions",))
def unused_suppression(doc, ctx):
    """Reported by `apply` once every other rule has run: a check alone cannot know."""
    return ()


@check(INVALID, "invalid-suppression", "warning",
       "A suppression comment lintnews cannot read: an unknown directive or rule code.",
       why="A misspelt directive or code suppresses nothing, silently: the editor believes a finding "
           "is dealt with while it still fails the build, or a real mistake is let through under a "
           "comment that was meant for another rule.",
       bad=[{"text": "<!-- lintnews-disable-next-line [[ZZ999]] -->\nThe talks ended.\n", "format": "markdown",
             "message": "ZZ999"},
            {"text": "<!-- [[lintnews-disable-nextline]] MT001 -->\nThe talks ended.\n", "format": "markdown",
             "message": "lintnews-disable-next-line"},
            "# [[lintnews-disable-line]] MT001\nThe talks ended.\n"],
       good=[{"text": "<!-- lintnews-disable-next-line MT001 -- quoting him -->\nThe talks ended.\n",
              "format": "markdown"},
             "# lintnews-disable-file official-title\nThe talks ended.\n"],
       tags=("suppressions",))
def invalid_suppression(doc, ctx):
    """Reported by `apply`, which reads the directives once for both jobs."""
    return ()


@dataclass
class Selector:
    """One code, prefix or name in a directive (text None: no codes, every rule)."""

    text: str | None
    start: int
    end: int
    used: int = 0

    def matches(self, finding) -> bool:
        if self.text is None or self.text.lower() in ("all", "*"):
            return True
        return finding.code.startswith(self.text.upper()) or finding.name == self.text.lower()


@dataclass
class Directive:
    kind: str
    #: The whole comment (or plain-text line) in the document's text.
    start: int
    end: int
    line: int
    selectors: list[Selector] = field(default_factory=list)


@dataclass
class Scope:
    """Where one selector of one directive applies: an offset range, or one line."""

    selector: Selector
    start: int = 0
    end: int = 0
    line: int | None = None

    def covers(self, finding) -> bool:
        if self.line is not None:
            return finding.start.line == self.line
        return self.start <= finding.offset <= self.end


def _known(selector: str, rules) -> bool:
    if selector.lower() in ("all", "*"):
        return True
    s = selector.upper()
    return any(r.code.startswith(s) or r.name == selector.lower() or (s.startswith("LT") and r.code.startswith("LT"))
               for r in rules)


def _raw_directives(doc):
    """(start, end, body start, body) of every directive-looking comment or line."""
    if doc.format == "text":
        for m in markup.TEXT_DIRECTIVE.finditer(doc.text):
            at = m.group().index("lintnews-")
            yield m.start(), m.end(), m.start() + at, m.group()[at:].rstrip("\r \t")
        return
    fences = []
    if doc.format == "markdown":
        fences = [(m.start(), m.end()) for m in markup.FENCE.finditer(markup._lf(doc.text))]
    for m in COMMENT.finditer(doc.text):
        if any(s <= m.start() < e for s, e in fences):
            continue  # an example in a code block, not a directive
        yield m.start(), m.end(), m.start("body"), m.group("body")


def parse(doc, rules) -> tuple[list[Directive], list[Hit]]:
    """The directives of a document, and IO101 hits for what cannot be read."""
    directives, problems = [], []
    for start, end, body_at, body in _raw_directives(doc):
        m = BODY.match(body)
        kind = m.group("kind").lower() if m else ""
        if kind not in KINDS:
            word = body.split()[0] if body.split() else body
            problems.append(Hit(body_at, body_at + len(word),
                                f"Unknown suppression directive '{word}': write lintnews-disable-next-line, "
                                f"lintnews-disable, lintnews-enable or lintnews-disable-file."))
            continue
        rest_at = body_at + m.start("rest")
        rest = m.group("rest")
        reason = REASON.search(rest)
        if reason:
            rest = rest[:reason.start()]
        directive = Directive(kind, start, end, doc.position(start).line)
        for s in SELECTOR.finditer(rest):
            text = s.group()
            if not _known(text, rules):
                problems.append(Hit(rest_at + s.start(), rest_at + s.end(),
                                    f"Unknown rule code, prefix or name '{text}' in a suppression comment: "
                                    f"it suppresses nothing (see 'lintnews rules')."))
                continue
            directive.selectors.append(Selector(text, rest_at + s.start(), rest_at + s.end()))
        if not directive.selectors and not SELECTOR.search(rest):
            directive.selectors.append(Selector(None, start, end))
        if directive.selectors:
            directives.append(directive)
    return directives, problems


def _next_text_line(doc, line: int) -> int | None:
    """The first line after 1-based `line` with prose on it."""
    for index in range(line, len(doc.lines)):
        if doc.lines[index].text.strip():
            return index + 1
    return None


def scopes(doc, directives: list[Directive]) -> list[Scope]:
    out, open_ = [], []
    for d in directives:
        if d.kind == "disable-file":
            out += [Scope(s, 0, len(doc.text)) for s in d.selectors]
        elif d.kind == "disable-next-line":
            target = _next_text_line(doc, d.line)
            out += [Scope(s, line=target) for s in d.selectors if target is not None]
        elif d.kind == "disable":
            open_ += [Scope(s, d.end, len(doc.text)) for s in d.selectors]
        else:  # enable: closes every open region, or those of the codes it names
            names = {s.text.upper() for s in d.selectors if s.text is not None}
            for scope in list(open_):
                if not names or (scope.selector.text or "").upper() in names:
                    scope.end = d.start
                    out.append(scope)
                    open_.remove(scope)
    return out + open_


def apply(doc, findings: list, linter) -> list:
    """The findings no directive suppresses, plus IO100/IO101 findings when those rules are on."""
    if "lintnews-" not in doc.text:
        return findings
    rules = linter.ruleset.rules
    enabled = {r.code for r in linter.enabled}
    directives, problems = parse(doc, rules.values())
    if INVALID in enabled:
        findings = findings + [_finding(linter, doc, INVALID, hit) for hit in problems]
    active = scopes(doc, directives)
    kept = []
    for f in findings:
        hits = [s for s in active if s.covers(f) and s.selector.matches(f)]
        for s in hits:
            s.selector.used += 1
        if not hits:
            kept.append(f)
    if UNUSED in enabled:
        on = [r for r in linter.enabled if r.code not in (UNUSED, INVALID)]
        kept += [_finding(linter, doc, UNUSED, hit) for hit in _unused(doc, directives, on)]
    return kept


def _unused(doc, directives: list[Directive], enabled_rules) -> list[Hit]:
    hits = []
    for d in directives:
        if d.kind == "enable":
            continue
        judged = [s for s in d.selectors if s.text is None or _known(s.text, enabled_rules)]
        unused = [s for s in judged if not s.used]
        if not unused:
            continue
        if len(unused) == len(d.selectors):
            start, end = _whole_line(doc.text, d.start, d.end)
            hits.append(Hit(start, end, f"Unused suppression: '{_label(doc.text, d)}' suppresses no finding; "
                                        f"remove it.", replacement="" if d.kind != "disable" else None))
            continue
        for s in unused:
            i = d.selectors.index(s)
            if i > 0:
                start, end = d.selectors[i - 1].end, s.end
            else:
                start, end = s.start, d.selectors[i + 1].start
            hits.append(Hit(start, end, f"Unused suppression of {s.text}: no {s.text} finding here to suppress.",
                            replacement=""))
    return hits


def _label(text: str, d: Directive) -> str:
    body = text[d.start:d.end]
    m = COMMENT.match(body)
    return (m.group("body") if m else body.strip().lstrip("#").strip())


def _whole_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The directive's span, widened to its whole line when nothing else is on that line."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    after = end
    while after < len(text) and text[after] in " \t":
        after += 1
    if text[line_start:start].strip() or (after < len(text) and text[after] not in "\r\n"):
        return start, end
    if text.startswith("\r\n", after):
        return line_start, after + 2
    return line_start, min(after + 1, len(text))


def _finding(linter, doc, code: str, hit: Hit):
    rule = linter.ruleset.rules[code]
    severity = linter.config.severity.get(rule.code) or linter.config.severity.get(rule.name)
    finding = linter.finding(doc, rule, hit, severity)
    if hit.replacement is not None and finding.fix is None:
        # The engine keeps fixes off markup; removing a directive is an edit of markup by design.
        finding = dataclasses.replace(finding, fix=Fix(hit.replacement, True))
    return finding
