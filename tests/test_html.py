"""HTML articles: only visible prose is linted, findings point into the original file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from lintnews.document import Document
from lintnews.html import html_prose

from .helpers import lint

REPO = Path(__file__).resolve().parent.parent

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Talks &amp; strikes</title>
  <meta property="article:published_time" content="2020-01-08T09:30:00+00:00">
  <style>p.a-rocket-fire { color: red }</style>
  <script>var s = "<p>Prices are lower than in the Hexagon.</p>";</script>
</head>
<body>
<header><p>Prices are lower than in the Hexagon.</p></header>
<nav><a href="/">Prices are lower than in the Hexagon.</a></nav>
<article>
<h1>Talks end</h1>
<p class="lead" data-note="a rocket fire">Tension rose after a rocket fire hit the base.</p>
<p>He said &quot;prices are lower than in the Hexagon&quot; and left.</p>
</article>
<aside>Read more: a rocket fire</aside>
<footer>&copy; Prices are lower than in the Hexagon.</footer>
</body>
</html>
"""


def test_only_visible_prose_is_linted_at_its_place_in_the_file():
    findings = lint(PAGE, select=["MT102"], format="html", path="page.html")
    assert [(f.start.line, f.start.column, f.end.column, f.excerpt) for f in findings] == [
        (14, 62, 75, "a rocket fire"),
        (15, 43, 54, "the Hexagon"),
    ]
    lines = PAGE.splitlines()
    assert lines[13][61:74] == "a rocket fire" and lines[14][42:53] == "the Hexagon"


def test_metadata_from_head():
    _, metadata = html_prose(PAGE)
    assert metadata == {"title": "Talks & strikes", "lang": "en-GB", "date": "2020-01-08"}
    doc = Document.from_text(PAGE, path="page.html", format="html")
    assert doc.metadata["date"] == "2020-01-08"


def test_prose_keeps_the_length_and_blanks_what_is_not_seen():
    text = ('<div hidden><p>secret</p></div><p style="display: none">gone</p>'
            '<p aria-hidden="true">also gone</p><p>Seen <!-- not seen --> here.</p><template>t</template>')
    prose, _ = html_prose(text)
    assert len(prose) == len(text)
    assert prose.split() == ["Seen", "here."]
    # A hidden element whose end tag is left out hides itself, not the rest of the page.
    prose, _ = html_prose("<p hidden>secret<p>Shown.</p><ul><li hidden>gone<li>Kept.</ul>"
                          "<div><p aria-hidden=true>out</div>Last.")
    assert prose.split() == ["Shown.", "Kept.", "Last."]


def test_block_elements_are_paragraphs_of_their_own():
    doc = Document.from_text("<h2>Strikes resume</h2><p>The talks ended. Unions met on Monday.</p>"
                             "<ul><li>First point.</li><li>Second point.</li></ul>", format="html")
    assert [(p.text, p.standalone) for p in doc.paragraphs] == [
        ("Strikes resume", True), ("The talks ended. Unions met on Monday.", False),
        ("First point.", False), ("Second point.", False)]
    assert [s.text for s in doc.sentences][1:3] == ["The talks ended.", "Unions met on Monday."]


def test_character_references_stand_where_they_are_written():
    text = "<p>&quot;Oui&quot;, caf&eacute; &amp; bar&#8217;s, a&nbsp;b &bogus; x &lt; y</p>"
    prose, _ = html_prose(text)
    assert len(prose) == len(text)
    # The character is written at the end of its reference, next to the word that follows, or at
    # the start when white space or a tag follows; the rest of the reference is blank.
    assert prose == ("\n\n " + '     "Oui' + '     ",' + " café" + " " * 7 + " " + " " * 4 + "& bar"
                     + " " * 6 + "’s, a" + " " * 5 + "\u00a0b &bogus; x " + "<   " + " y" + "\n\n  ")


def test_crlf_html_positions():
    text = "<html>\r\n<body>\r\n<p>Tension rose after a rocket fire hit the base.</p>\r\n</body></html>\r\n"
    findings = lint(text, select=["MT102"], format="html", path="page.html")
    assert [(f.start.line, f.start.column, f.excerpt) for f in findings] == [(3, 23, "a rocket fire")]


def test_ten_thousand_nested_levels(tmp_path):
    depth = 10_000
    text = "<html><body>" + "<div>" * depth + "<p>Prices are lower than in the Hexagon.</p>" + "</div>" * depth
    text += "\n<section>" + "<aside>" * depth + "Prices are lower than in the Hexagon." + "</aside>" * depth
    text += "<p>A rocket fire hit.</p></section></body></html>\n"
    findings = lint(text, select=["MT102"], format="html", path="deep.html")
    column = len("<html><body>") + 5 * depth + len("<p>Prices are lower than in ") + 1
    second = text.splitlines()[1].index("A rocket fire") + 1
    assert second > 15 * depth  # after the hidden aside
    assert [(f.start.line, f.start.column, f.excerpt) for f in findings] == [
        (1, column, "the Hexagon"), (2, second, "A rocket fire")]
    page = tmp_path / "deep.htm"
    page.write_text(text)
    proc = subprocess.run([sys.executable, "-m", "lintnews", "check", "--select", "MT102", "--format", "json",
                           str(page)], capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.returncode == 1, proc.stderr
    assert [f["excerpt"] for f in json.loads(proc.stdout)["findings"]] == ["the Hexagon", "A rocket fire"]
    assert b"Traceback" not in proc.stderr


def test_broken_markup_does_not_stop_the_run():
    text = "<p>Unclosed <b>bold <i>and a rocket fire hit</p></div></span><p>Prices in the Hexagon"
    findings = lint(text, select=["MT102"], format="html", path="broken.html")
    assert [f.excerpt for f in findings] == ["a rocket fire", "the Hexagon"]


def test_markup_blanked_out_is_not_a_space_and_lines_are_the_files():
    page = ("<html><body><p>Sign up for our daily news briefing today</p>\n"
            "<p>Sign up for our daily news briefing today</p>\n"
            "<p>He went to <a href=\"/m\">the market</a>. Then he left .</p></body></html>\n")
    findings = lint(page, select=["TY002", "CL003"], format="html", path="page.html")
    assert [(f.code, f.start.line, f.start.column, f.message) for f in findings] == [
        ("CL003", 2, 4, "Repeats line 1 word for word: remove the duplicate."),
        ("TY002", 3, 56, "Space before '.': remove it."),
    ]
