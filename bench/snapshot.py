"""Every finding on the WMT14 articles, one JSON line each: to prove an optimisation changes nothing.

    python -m bench.snapshot OUT.jsonl [--systems ref,rbmt4.0,...]
    diff <(python -m bench.snapshot /dev/stdout) before.jsonl
"""
from __future__ import annotations

import argparse
import json

from lintnews.config import Config
from lintnews.engine import Linter
from lintnews.runner import lint_text

from .wmt import SYSTEMS, article_text, corpus_file, documents


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    args = parser.parse_args(argv)
    linter = Linter(Config())
    with open(args.out, "w", encoding="utf-8") as handle:
        for system in args.systems.split(","):
            for docid, _, sentences in documents(corpus_file(system)):
                # lint_text raises RuleError if a rule fails: a bug is not an absence of findings.
                for f in lint_text(article_text(sentences), path=f"{system}/{docid}", linter=linter):
                    handle.write(json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
