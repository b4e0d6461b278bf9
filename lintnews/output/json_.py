"""`--format json`: one JSON document. Its shape is versioned by `version` (see README)."""
from __future__ import annotations

import json

from .. import __version__

#: Bump when a field is removed or changes meaning; adding fields keeps the version.
SCHEMA_VERSION = 1


def write(report, stream) -> None:
    data = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "lintnews", "version": __version__},
        "findings": [f.to_dict() for f in report.findings],
        "summary": {"files": report.files, "findings": len(report.findings), **report.counts()},
    }
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
