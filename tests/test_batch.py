"""JSON Lines batches: one article a line, findings named by article id."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from lintnews.batch import batch_documents
from lintnews.files import Source

REPO = Path(__file__).resolve().parent.parent

BATCH = "\n".join([
    json.dumps({"id": "wire-1", "text": "The talks ended.\n\nTension rose after a rocket fire hit the base.",
                "date": "2020-01-08", "lang": "en", "url": "https://news.example/wire-1"}),
    json.dumps({"id": 42, "body": "<p>Prices are lower than in\n<b>the Hexagon</b>.</p>"}),
    "{not json",
    json.dumps({"id": "wire-3", "title": "No body"}),
    "",
    json.dumps(["a", "list"]),
    json.dumps({"text": "Clean copy about the talks."}),
    json.dumps({"id": "wire-5", "format": "markdown", "text": "# Talks\n\n`a rocket fire` is code; the Hexagon is not."}),
]) + "\r\n"


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "lintnews", *map(str, args)], capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_documents_carry_id_metadata_and_format():
    batch = batch_documents(Source("cms.jsonl", BATCH), {})
    assert [(d.article, d.format) for d in batch] == [("wire-1", "text"), ("42", "html"), ("line 7", "text"),
                                                       ("wire-5", "markdown")]
    assert batch[0].metadata == {"date": "2020-01-08", "lang": "en", "url": "https://news.example/wire-1"}
    assert batch.notices == [
        "cms.jsonl:3: not valid JSON (Expecting property name enclosed in double quotes at column 2); line skipped",
        "cms.jsonl:4: article wire-3 has no text or body string; line skipped",
        "cms.jsonl:6: expected an object with id and text, got list; line skipped",
    ]


def test_findings_name_the_article_and_count_lines_inside_it(tmp_path):
    path = tmp_path / "cms.jsonl"
    path.write_text(BATCH)
    code, out, err = run("check", "--select", "MT102", path)
    assert code == 1
    assert out.splitlines()[:3] == [
        f"{path}[wire-1]:3:20: MT102 [warning] Translationese: write 'a rocket attack' instead of 'a rocket fire'. [*]",
        f"{path}[42]:2:4: MT102 [warning] Translationese: write 'France' instead of 'the Hexagon'. [*]",
        f"{path}[wire-5]:3:26: MT102 [warning] Translationese: write 'France' instead of 'the Hexagon'. [*]",
    ]
    assert err.splitlines() == [f"lintnews: {path}:3: not valid JSON (Expecting property name enclosed in double "
                                f"quotes at column 2); line skipped",
                                f"lintnews: {path}:4: article wire-3 has no text or body string; line skipped",
                                f"lintnews: {path}:6: expected an object with id and text, got list; line skipped"]


def test_json_output_keeps_the_id(tmp_path):
    path = tmp_path / "cms.ndjson"
    path.write_text(BATCH)
    code, out, _ = run("check", "--select", "MT102", "--format", "json", path)
    findings = json.loads(out)["findings"]
    assert [(f["article"], f["start"], f["excerpt"]) for f in findings] == [
        ("wire-1", {"line": 3, "column": 20}, "a rocket fire"),
        ("42", {"line": 2, "column": 4}, "the Hexagon"),
        ("wire-5", {"line": 3, "column": 26}, "the Hexagon"),
    ]
    # Offsets index the article's own text, so a CMS can apply a fix to the article it stores.
    text = json.loads(BATCH.splitlines()[0])["text"]
    assert text[findings[0]["offset"]:findings[0]["end_offset"]] == "a rocket fire"


def test_fix_leaves_a_batch_as_it_is(tmp_path):
    path = tmp_path / "cms.jsonl"
    path.write_bytes(BATCH.encode())
    code, out, err = run("check", "--select", "MT102", "--fix", path)
    assert path.read_bytes() == BATCH.encode()
    assert code == 1 and out.count("MT102") == 3
    assert f"lintnews: {path}: JSON Lines batches are not fixed in place" in err
    assert err.count(":3: not valid JSON") == 1
