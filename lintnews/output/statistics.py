"""`--statistics`: how many findings each rule has, most first (what to fix in the pipeline first)."""
from __future__ import annotations

import json


def rows(report) -> list[dict]:
    by_code: dict[str, dict] = {}
    for f in report.findings:
        row = by_code.setdefault(f.code, {"code": f.code, "name": f.name, "count": 0, "fixable": 0})
        row["count"] += 1
        row["fixable"] += f.fix is not None and f.fix.safe
    return sorted(by_code.values(), key=lambda r: (-r["count"], r["code"]))


def write(report, stream, fmt: str = "text", quiet: bool = False) -> None:
    table = rows(report)
    if fmt == "json":
        json.dump(table, stream, indent=2)
        stream.write("\n")
        return
    width = max((len(str(r["count"])) for r in table), default=1)
    code_width = max((len(r["code"]) for r in table), default=5)
    name_width = max((len(r["name"]) for r in table), default=0)
    for r in table:
        mark = " [*]" if r["fixable"] == r["count"] else f" [{r['fixable']} fixable]" if r["fixable"] else ""
        stream.write(f"{r['count']:>{width}}  {r['code']:<{code_width}}  {r['name']:<{name_width}}{mark}".rstrip()
                     + "\n")
    if not quiet:
        from .text import summary

        stream.write(summary(report) + "\n")
