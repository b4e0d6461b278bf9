"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

`::error file=a.md,line=3,col=1,endLine=3,endColumn=28,title=MT001::message` in a job's log
becomes an annotation on the pull request's diff, with no upload and no permissions. Paths
are relative to the repository root (where Actions checks out), end columns are exclusive
as everywhere in lintnews, and values are escaped as the runner requires: `%`, CR and LF in
the message; those and `:` and `,` in properties.
"""
from __future__ import annotations

from ..finding import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(report, f) -> str:
    props = []
    batch_line = report.article_lines.get((f.path, f.article)) if f.article is not None else None
    if f.path != "-":
        path = report.relative(f.path) or f.path
        if batch_line is not None:  # the article's line in the batch file (see Report.locate_articles)
            props += [("file", path), ("line", batch_line[0])]
        else:
            props += [("file", path), ("line", f.start.line), ("col", f.start.column),
                      ("endLine", f.end.line), ("endColumn", f.end.column)]
    props.append(("title", f.code))
    message = f.message
    if f.article is not None:
        message += f" (article {f.article}, line {f.start.line}, column {f.start.column})"
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
    return f"::{COMMANDS[f.severity]} {fields}::{escape_data(message)}"


def write(report, stream) -> None:
    for f in report.findings:
        stream.write(command(report, f) + "\n")
    for error in report.errors:  # a rule that failed on a file: an annotation on the run itself
        stream.write(f"::error title=lintnews::{escape_data(error)}\n")
