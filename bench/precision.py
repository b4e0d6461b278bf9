"""Findings per 1,000 sentences on the WMT14 human reference (false alarms) and MT outputs.

    python -m bench.precision [--systems ref,rbmt4.0,onlineC.0] [--select ...] [--show CODE]

Prints, per system and per rule family, the number of warnings+errors and of infos, and the
rate per 1,000 sentences. `--show` lists the findings of a code (or prefix) on each system.
"""
from __future__ import annotations

import argparse
from collections import Counter

from lintnews.config import Config, split_codes
from lintnews.engine import Linter
from lintnews.runner import lint_text

from .wmt import CORPUS, article_text, corpus_file, documents


def lint_system(linter: Linter, system: str):
    path = corpus_file(system)
    findings, sentences = [], 0
    for docid, _, sents in documents(path):
        sentences += len(sents)
        # lint_text raises RuleError if a rule fails: a bug is not an absence of findings.
        findings.extend(lint_text(article_text(sents), path=f"{system}/{docid}", linter=linter))
    return findings, sentences


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", default="ref,rbmt4.0,onlineC.0")
    parser.add_argument("--select", default="")
    parser.add_argument("--show", default="")
    parser.add_argument("--grammar", action="store_true")
    parser.add_argument("--languagetool-url", default=None,
                        help="LanguageTool server for --grammar (else LINTNEWS_LANGUAGETOOL_URL)")
    args = parser.parse_args(argv)
    config = Config(select=split_codes([args.select]) or None, grammar=args.grammar,
                    languagetool_url=args.languagetool_url)
    linter = Linter(config)
    print(f"corpus: {CORPUS}")
    for system in args.systems.split(","):
        findings, sentences = lint_system(linter, system)
        per_family = Counter()
        for f in findings:
            per_family[(f.code[:2], "info" if f.severity == 1 else "warn+err")] += 1
        serious = sum(v for (fam, kind), v in per_family.items() if kind == "warn+err")
        infos = sum(v for (fam, kind), v in per_family.items() if kind == "info")
        print(f"\n{system}: {sentences} sentences, {serious} warnings+errors "
              f"({1000 * serious / sentences:.2f}/1000), {infos} infos ({1000 * infos / sentences:.2f}/1000)")
        for fam in sorted({fam for fam, _ in per_family}):
            w, i = per_family[(fam, "warn+err")], per_family[(fam, "info")]
            print(f"  {fam}: {w:5d} warn+err ({1000 * w / sentences:6.2f}/1000)  {i:5d} info ({1000 * i / sentences:6.2f}/1000)")
        by_code = Counter(f.code for f in findings)
        print("  by rule: " + ", ".join(f"{c}={n}" for c, n in sorted(by_code.items())))
        if args.show:
            for f in findings:
                if f.code.startswith(args.show.upper()) or f.name == args.show:
                    print(f"    {f.path}:{f.start.line}:{f.start.column} {f.code} {f.excerpt!r}: {f.message}")


if __name__ == "__main__":
    main()
