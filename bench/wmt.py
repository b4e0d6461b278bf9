"""The WMT14 fr-en newstest corpus (../shared/corpora/wmt14-fr-en) as articles.

Each file is one sentence a line; a `# genre=news ... docid=ID` line starts each document.
An article is a document's sentences, one paragraph each (the corpus keeps no paragraphs).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "wmt14-fr-en"
HEADER = re.compile(r"^# genre=(?P<genre>\S+).*?docid=(?P<docid>\S+)")
SYSTEMS = ("ref", "rbmt4.0", "onlineC.0", "rbmt1.0", "onlineA.0", "onlineB.0", "kit.3112",
           "uedin-wmt14.3024", "Stanford-University.3496")


def corpus_file(system: str, corpus: Path = CORPUS) -> Path:
    return corpus / f"newstest2014.fr-en.{system}"


def documents(path: Path) -> list[tuple[str, str, list[str]]]:
    """(docid, genre, sentences) for each document in one system's file."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = HEADER.match(line)
        if m:
            docs.append((m.group("docid"), m.group("genre"), []))
        elif docs and line.strip():
            docs[-1][2].append(line)
    return docs


def article_text(sentences: list[str]) -> str:
    return "\n\n".join(sentences) + "\n"


def sentence_count(path: Path) -> int:
    return sum(len(s) for _, _, s in documents(path))


def write_articles(path: Path, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    for i, (docid, _, sentences) in enumerate(documents(path)):
        target = out_dir / f"{i:04d}_{docid[:16]}.txt"
        target.write_text(article_text(sentences), encoding="utf-8")
        files.append(target)
    return files


def write_jsonl(path: Path, target: Path) -> Path:
    with open(target, "w", encoding="utf-8") as handle:
        for docid, _, sentences in documents(path):
            handle.write(json.dumps({"id": docid, "text": article_text(sentences)}, ensure_ascii=False) + "\n")
    return target
