"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer).

What GitHub needs and this printer gives: one run; `tool.driver` with name, version,
informationUri and every rule the run could report (its help is `lintnews explain`); per
result a rule id, a level, a message whose first sentence is the alert's title, a location
relative to the repository root (`uriBaseId` %SRCROOT%) with a region whose end column is
exclusive, and `partialFingerprints` so an alert survives edits elsewhere in the article.
lintnews counts columns in code points, so the run declares `columnKind: unicodeCodePoints`
(SARIF's default is UTF-16 units). GitHub takes at most 25,000 results per run: beyond that
the run says how many were left out.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..explain import explain_text
from ..finding import Severity
from ..rule import FAMILIES
from . import file_uri

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/lintnews/lintnews"
ROOT = "%SRCROOT%"
MAX_RESULTS = 25_000
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptor(rule) -> dict:
    tags = [t for t in (rule.family_name, *rule.tags) if t]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": (rule.why or rule.summary).strip()},
        "help": {"text": explain_text(rule), "markdown": explain_text(rule, markdown=True)},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.default},
        "properties": {"tags": list(dict.fromkeys(tags))},
    }


def reported_descriptor(finding) -> dict:
    """For a code a check reports under a name of its own (LanguageTool's rule ids)."""
    family = FAMILIES.get(finding.code[:2], "")
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": f"{finding.code} ({finding.name})"},
        "fullDescription": {"text": finding.message},
        "help": {"text": finding.message},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"tags": [family] if family else []},
    }


def fingerprint(finding, occurrence: int) -> str:
    """What the finding is, not where: the rule, the article and the flagged words, plus how
    many identical findings precede it in the file. Lines added or removed elsewhere leave it
    unchanged; the line number and the message (which may cite a line) are not part of it."""
    key = "\0".join((finding.code, finding.article or "", " ".join(finding.excerpt.split())))
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}:{occurrence}"


def region(finding) -> dict:
    return {"startLine": finding.start.line, "startColumn": finding.start.column,
            "endLine": finding.end.line, "endColumn": finding.end.column}


def batch_line(report, finding) -> tuple[int, int] | None:
    """For a finding in a JSON Lines batch: (line in the file, its length), when known."""
    if finding.article is None:
        return None
    return report.article_lines.get((finding.path, finding.article))


def where_in_article(finding) -> str:
    return f" (article {finding.article}, line {finding.start.line}, column {finding.start.column})"


def artifact(report, path: str) -> dict:
    if path == "-":
        return {"uri": "stdin"}
    relative = report.relative(path)
    if relative is None:
        return {"uri": file_uri(Path(os.path.abspath(path)))}
    return {"uri": quote(relative), "uriBaseId": ROOT}


def fix(report, finding) -> dict:
    replacement = finding.fix.replacement
    what = f"Replace with '{replacement}'" if replacement else "Delete"
    if not finding.fix.safe:
        what += " (unsafe: check the meaning)"
    return {
        "description": {"text": what},
        "artifactChanges": [{
            "artifactLocation": artifact(report, finding.path),
            "replacements": [{"deletedRegion": region(finding), "insertedContent": {"text": replacement}}],
        }],
    }


def result(report, finding, index: int | None, occurrence: int) -> dict:
    """One result. A batch article's finding marks the article's whole line in the batch file
    (its position inside the article is in the message and the properties) and offers no fix,
    since the article's text is escaped inside that line."""
    message = finding.message
    place = region(finding)
    line = batch_line(report, finding)
    if line is not None:
        place = {"startLine": line[0], "startColumn": 1, "endLine": line[0], "endColumn": line[1] + 1}
        message += where_in_article(finding)
    location = {"physicalLocation": {"artifactLocation": artifact(report, finding.path), "region": place}}
    if finding.article is not None:
        location["logicalLocations"] = [{"name": finding.article, "kind": "object"}]
    out = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {"primaryLocationLineHash": fingerprint(finding, occurrence)},
    }
    if index is not None:
        out["ruleIndex"] = index
    if finding.fix is not None and finding.article is None:
        out["fixes"] = [fix(report, finding)]
    if finding.article is not None:
        out["properties"] = {"article": finding.article, "articleRegion": region(finding)}
    return out


def document(report) -> dict:
    """The SARIF log as a dict (the printer dumps it; tests validate it)."""
    descriptors = [rule_descriptor(r) for r in report.rules]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    for f in report.findings:
        if f.code not in index:
            index[f.code] = len(descriptors)
            descriptors.append(reported_descriptor(f))
    seen: dict = {}
    results = []
    for f in report.findings[:MAX_RESULTS]:
        key = (f.path, fingerprint(f, 0))
        seen[key] = seen.get(key, 0) + 1
        results.append(result(report, f, index.get(f.code), seen[key]))
    run = {
        "tool": {"driver": {"name": "lintnews", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": descriptors}},
        "originalUriBaseIds": {ROOT: {"uri": file_uri(report.base()).rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": not report.errors}],
    }
    notifications = [{"level": "error", "message": {"text": error}} for error in report.errors]
    left_out = len(report.findings) - len(results)
    if left_out > 0:
        notifications.append({
            "level": "warning",
            "message": {"text": f"{left_out} findings were left out: GitHub code scanning accepts at most "
                                f"{MAX_RESULTS:,} results per run."},
        })
    if notifications:
        run["invocations"][0]["toolExecutionNotifications"] = notifications
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write(report, stream) -> None:
    json.dump(document(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
