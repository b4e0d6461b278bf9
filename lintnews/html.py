"""HTML articles: only what a reader sees is linted, at the offsets it has in the file.

A page exported from a CMS carries navigation, scripts, share buttons and attributes around
the story. Linting those would bury the findings that matter, so `html_prose` keeps the
visible text of the body and blanks everything else to spaces, character for character,
like markup.py does for Markdown: the prose has the length of the file and an offset in it
is the same offset in the file.

Parser: the standard library's `html.parser`. It is event-driven (a 10,000-level nested
document costs a loop, not a recursion), tolerant of broken markup, and it tells where each
tag, text run and character reference starts (`getpos`), which is what mapping findings back
to the file needs. Tree builders (html5lib, lxml, selectolax) do not keep those positions.

What is blanked: tags and their attributes, comments, the doctype, and everything inside
head, script, style, template, noscript, nav, header, footer, aside, form controls, svg and
math, and inside any element with the `hidden` attribute, `aria-hidden="true"` or an inline
`display: none`. Block elements (p, div, h1-h6, li, blockquote...) end a paragraph: their
tags are blanked to a blank line ("\\n\\n" then spaces) so a headline is a paragraph of its
own; <br> becomes a line break.

Character references (`&amp;`, `&#233;`, `&rsquo;`) are longer than the character they stand
for. The character is written at one end of the reference and the rest is blanked to spaces:
at the start when the reference is followed by white space, a tag or the end of the text
(`said&quot; then` reads `said"       then`), else at its end (`&quot;Yes` reads
`     "Yes`), so the filler joins the white space beside it. A reference inside a word
(`don&#8217;t`) cannot be written without a gap: the word is read as two. Fixes are never
applied to a span that touches markup or a character reference (see fixes.replaceable).

Metadata: <title> becomes `title`, <html lang> `lang`, and the publication date (meta
article:published_time, date, pubdate, dc.date, itemprop=datePublished, or the first
<time datetime> in the body) becomes `date` (YYYY-MM-DD).
"""
from __future__ import annotations

import html as _html
import re
from html.parser import HTMLParser

#: Elements whose content a reader does not see as the article's prose.
HIDDEN = frozenset("""
head title script style template noscript nav header footer aside iframe object canvas svg math
form button select option textarea label dialog
""".split())

#: Elements that start and end a block: their tags become paragraph breaks in the prose.
BLOCK = frozenset("""
address article blockquote body caption dd details div dl dt fieldset figcaption figure h1 h2 h3 h4
h5 h6 hr li main ol p pre section summary table tbody td tfoot th thead tr ul
""".split())

#: Elements whose end tag may be left out: the next one of the same name, or the end of the
#: block around them, closes them (a hidden <p> does not hide the rest of the page).
OPTIONAL_END = frozenset("p li dt dd option optgroup tr td th rt rp".split())

#: Elements that never have an end tag (so never open a hidden region).
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

DATE_META = ("article:published_time", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
             "datepublished", "og:published_time")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)


def html_prose(text: str) -> tuple[str, dict]:
    """The visible prose of an HTML document (same length as `text`) and its metadata."""
    reader = _ProseReader(text)
    reader.feed(reader.lf)
    reader.close()
    return "".join(reader.chars), reader.metadata()


class _ProseReader(HTMLParser):
    """Copies visible text runs into a blanked copy of the document, at their own offsets."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        # CRLF -> " \n", lone CR -> "\n": same length; the parser and the checks only see '\n'.
        self.lf = text.replace("\r\n", " \n").replace("\r", "\n")
        self.chars = [c if c == "\n" else " " for c in self.lf]
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.lf)]
        #: The open element that hides its content, and how many of its name are open inside it.
        self.hidden: list[list] = []
        self.in_title = False
        self.title: list[str] = []
        self.lang: str | None = None
        self.date: str | None = None
        self.time_date: str | None = None

    # --- positions ---------------------------------------------------------------------------
    def _at(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _tag_end(self, start: int) -> int:
        end = self.lf.find(">", start)
        return len(self.lf) if end < 0 else end + 1

    def _break(self, start: int, end: int, text: str) -> None:
        """Write a paragraph or line break into the blanked span of a tag."""
        if not self.hidden and end - start >= len(text):
            for i, c in enumerate(text):
                self.chars[start + i] = c

    # --- tags --------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closes=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closes=True)

    def _start(self, tag, attrs, closes: bool) -> None:
        start = self._at()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        attributes = {k.lower(): (v or "") for k, v in attrs}
        self._metadata(tag, attributes)
        if tag == "title" and not closes and not self.title:  # the page's title, not an SVG's
            self.in_title = True
        if self.hidden and tag == self.hidden[-1][0] and tag in OPTIONAL_END and self.hidden[-1][1] == 1:
            self.hidden.pop()  # <p hidden>...<p>: the new paragraph closes the hidden one
        if self.hidden:
            if tag == self.hidden[-1][0] and not closes and tag not in VOID:
                self.hidden[-1][1] += 1
            return
        if tag == "br":
            self._break(start, end, "\n")
        elif tag in BLOCK:
            self._break(start, end, "\n\n")
        if closes or tag in VOID:
            return
        if (tag in HIDDEN or "hidden" in attributes or attributes.get("aria-hidden", "").lower() == "true"
                or DISPLAY_NONE.search(attributes.get("style", ""))):
            self.hidden.append([tag, 1])

    def handle_endtag(self, tag):
        start = self._at()
        if tag == "title":
            self.in_title = False
        if self.hidden:
            root = self.hidden[-1]
            if tag == root[0]:
                root[1] -= 1
                if root[1] == 0:
                    self.hidden.pop()
            elif root[0] in OPTIONAL_END and root[1] == 1 and tag in BLOCK:
                self.hidden.pop()  # the block around a hidden <p> or <li> ends, and so does it
            return
        if tag in BLOCK:
            self._break(start, self._tag_end(start), "\n\n")
        elif tag == "br":  # "</br>" is read as <br> by browsers
            self._break(start, self._tag_end(start), "\n")

    # --- text --------------------------------------------------------------------------------
    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if self.hidden:
            return
        start = self._at()
        self.chars[start:start + len(data)] = self.lf[start:start + len(data)]

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)

    def _reference(self, head: str) -> None:
        start = self._at()
        end = start + len(head)
        if self.lf.startswith(";", end):
            end += 1
        source = self.lf[start:end]
        char = _html.unescape(source)
        if self.in_title:
            self.title.append(char)
        if self.hidden:
            return
        if char == source or not char:
            # Not a reference the browser knows: it shows the text as it is.
            self.chars[start:end] = source
            return
        after = self.lf[end:end + 1]
        at_start = after == "" or after.isspace() or after == "<"
        # Never write the character where the file already has it (&amp; starts with "&"):
        # fixes.replaceable tells prose from markup by comparing the two.
        if at_start and source.startswith(char):
            at_start = False
        elif not at_start and source.endswith(char):
            at_start = True
        position = start if at_start else end - len(char)
        self.chars[position:position + len(char)] = char

    # --- metadata ----------------------------------------------------------------------------
    def _metadata(self, tag: str, attributes: dict) -> None:
        if tag == "html" and attributes.get("lang") and not self.lang:
            self.lang = attributes["lang"].strip()
        elif tag == "meta" and not self.date:
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            if key in DATE_META:
                found = ISO_DATE.match(attributes.get("content", "").strip())
                if found:
                    self.date = found.group()
        elif tag == "time" and not self.time_date:
            found = ISO_DATE.match(attributes.get("datetime", "").strip())
            if found:
                self.time_date = found.group()

    def metadata(self) -> dict:
        out = {}
        title = " ".join("".join(self.title).split())
        if title:
            out["title"] = title
        if self.lang:
            out["lang"] = self.lang
        if self.date or self.time_date:
            out["date"] = self.date or self.time_date
        return out


__all__ = ["html_prose", "HIDDEN", "BLOCK"]
