"""`--format json-lines`: one finding a line, each the JSON object of `--format json`'s findings.

For pipelines that stream findings (`jq -c`, a log shipper, a database loader): no envelope
to parse, no summary line, nothing to wait for.
"""
from __future__ import annotations

import json


def write(report, stream) -> None:
    for f in report.findings:
        stream.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
