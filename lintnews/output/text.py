"""The default format: one finding a line, `path:line:col: CODE [severity] message (suggestion)`."""
from __future__ import annotations


def line(f) -> str:
    where = f"{f.path}:{f.start.line}:{f.start.column}"
    if f.article is not None:
        where = f"{f.path}[{f.article}]:{f.start.line}:{f.start.column}"
    text = f"{where}: {f.code} [{f.severity}] {f.message}"
    if f.suggestions and not any(s in f.message for s in f.suggestions):
        text += " (" + " | ".join(f"'{s}'" for s in f.suggestions) + ")"
    if f.fix is not None:
        text += " [*]" if f.fix.safe else " [unsafe fix]"
    return text


def summary(report) -> str:
    n = len(report.findings)
    counts = report.counts()
    parts = [f"{v} {k}{'s' if v != 1 else ''}" for k, v in counts.items() if v]
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    if not n:
        text = f"No findings in {files}."
    else:
        text = f"Found {n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in {files}."
        fixable = sum(1 for f in report.findings if f.fix is not None and f.fix.safe)
        if fixable:
            text += f" {fixable} fixable with --fix (marked [*])."
    if report.fixed:
        text += f" Fixed {report.fixed}."
    return text


def write(report, stream) -> None:
    for f in report.findings:
        stream.write(line(f) + "\n")
    stream.write(summary(report) + "\n")
