"""lintnews: a linter for machine-translated and scraped news copy.

The Python API (README, "Python API"), for embedding lintnews or running it on a
distributed engine::

    import lintnews

    findings = lintnews.lint_text(text, path="story.md", config=lintnews.Config(select=("MT",)))
    rows = [f.to_dict() for f in findings]
    for result in lintnews.lint_paths(["articles/"], jobs=4):
        ...

Everything here is picklable (Config, Finding, FileResult, the functions themselves) and
side-effect free: nothing is printed and no article is written. Names are imported on first
use, so `import lintnews` stays as cheap as the command's start-up.
"""

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_API = {
    "lint_text": "runner",
    "lint_paths": "runner",
    "lint_file": "runner",
    "FileResult": "runner",
    "Config": "config",
    "Finding": "finding",
    "Fix": "finding",
    "Position": "finding",
    "Severity": "finding",
    "Linter": "engine",
    "LintnewsError": "errors",
    "RuleError": "errors",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'lintnews' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_API))
