"""Where the time goes: seconds per rule and per document stage over the WMT14 articles.

    python -m bench.profile [--systems ref,rbmt4.0] [--select ...] [--top 25]

`python -m bench.run` says whether lintnews is fast enough; this says which rule to look at
when it is not. Each stage (reading, prose, tokens, sentences, the phrase index) and each
rule is timed on its own over every article of the chosen systems (all nine by default);
the total is one ordinary `Linter.lint` per article, so the parts may not add up exactly
(stages are shared by the rules that use them).
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict

from lintnews.config import Config, split_codes
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.prefilter import PRESENT, folded_text
from lintnews.runner import collect_garbage_rarely

from .wmt import SYSTEMS, article_text, corpus_file, documents


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--systems", default=",".join(SYSTEMS))
    parser.add_argument("--select", default="")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    collect_garbage_rarely()  # as the command line does
    linter = Linter(Config(select=split_codes([args.select]) or None))
    texts = [(f"{system}/{docid}", article_text(sentences))
             for system in args.systems.split(",") for docid, _, sentences in documents(corpus_file(system))]
    size = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    spent: dict[str, float] = defaultdict(float)

    def timed(key, function):
        start = time.perf_counter()
        value = function()
        spent[key] += time.perf_counter() - start
        return value

    for path, text in texts:
        doc = timed("stage: prose (markup)", lambda: Document.from_text(text, path=path))
        timed("stage: tokens", lambda: doc.tokens)
        timed("stage: paragraphs and sentences", lambda: doc.sentences)
        timed("stage: lines", lambda: doc.lines)
        timed("stage: phrase index (all packs)", lambda: list(linter.index.find(doc)))
        present = timed("stage: pattern gates (all packs)", lambda: doc.remember(
            PRESENT, linter.gates.present(folded_text(doc))) if linter.gates else None)
        for declared, strings in linter.scanned:
            if present is None or strings is None or not present.isdisjoint(strings):
                timed(f"{declared.rule.code} {declared.rule.name} (patterns)", lambda: list(declared.scan(doc, present)))
        for item in linter.python:
            timed(f"{item.rule.code} {item.rule.name}", lambda: list(item.function(doc, linter.context)))
    start = time.perf_counter()
    for path, text in texts:
        linter.lint(Document.from_text(text, path=path))
    total = time.perf_counter() - start
    print(f"{len(texts)} articles, {size:.2f} MB: {total:.2f} s in Linter.lint, {size / total:.2f} MB/s "
          f"(reading files and printing not included)")
    for key, seconds in sorted(spent.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"{seconds:8.3f} s  {100 * seconds / total:5.1f} %  {key}")


if __name__ == "__main__":
    main()
