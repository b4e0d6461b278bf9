"""Printers: each turns a finished Report into one output format. A printer never decides what is wrong."""
from __future__ import annotations

import importlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from ..errors import LintnewsError
from ..finding import Finding, Severity

#: --format name -> module under lintnews/output/ with a `write(report, stream)` function.
FORMATS = {"text": "text", "json": "json_", "json-lines": "json_lines", "sarif": "sarif", "github": "github"}


@dataclass
class Report:
    """Everything a printer may print about one run."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    #: Rules that were enabled for the run (SARIF lists them).
    rules: list = field(default_factory=list)
    show_fixes: bool = False
    #: Findings fixed by --fix, not in `findings` any more.
    fixed: int = 0
    #: The directory paths are reported relative to (SARIF, GitHub); None: the repository
    #: holding the current directory, or the current directory outside a repository.
    root: str | None = None
    #: (path, article id) -> (line of the JSON Lines file the article is on, that line's length
    #: in code points), filled by `locate_articles` for the formats that point into files.
    article_lines: dict = field(default_factory=dict)
    #: Rules that failed on a file (a bug, see engine.failed): one line each. SARIF marks the
    #: run as not successful and lists them; GitHub gets an error annotation for each.
    errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {str(s): 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            out[str(f.severity)] += 1
        return out

    def base(self) -> Path:
        return Path(os.path.abspath(self.root)) if self.root else repository_root()

    def relative(self, path: str) -> str | None:
        """`path` relative to the base, with '/' separators; None when it lies outside."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.base()).as_posix()
        except ValueError:
            return None


    def locate_articles(self) -> None:
        """Find the line of its batch file each article with findings is on.

        Findings in a JSON Lines batch count lines and columns inside the article (as an
        editor opening the article sees them); GitHub can only point at the file, so SARIF
        and GitHub annotations mark the article's whole line in the batch. Articles are named
        as lintnews.batch names them: by `id`, else `line N`.
        """
        from ..files import BinaryFile, read_source

        for path in sorted({f.path for f in self.findings if f.article is not None and f.path != "-"}):
            try:
                text = read_source(path).text
            except (LintnewsError, BinaryFile):
                continue
            for number, line in enumerate(text.split("\n"), start=1):
                try:
                    article = json.loads(line)
                except ValueError:
                    continue
                if isinstance(article, dict):
                    name = article.get("id")
                    name = f"line {number}" if name is None or str(name).strip() == "" else str(name)
                    self.article_lines.setdefault((path, name), (number, len(line.rstrip("\r"))))


def repository_root(start: str | None = None) -> Path:
    """The nearest directory above `start` (default: the current one) holding `.git`, else `start`.

    GitHub resolves annotation and SARIF paths against the repository's root, which is where
    CI checks it out; running from a sub-directory must not change the paths.
    """
    here = Path(os.path.abspath(start or os.getcwd()))
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def file_uri(path: Path) -> str:
    """An absolute file:// URI, percent-encoded, for a directory ending with '/'."""
    text = quote(path.as_posix())
    return f"file://{text if text.startswith('/') else '/' + text}"


def writer(name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[name]}").write
