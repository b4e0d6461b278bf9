"""Problems with the file itself, noted while it was read."""
from __future__ import annotations

from . import Hit, check


@check("IO001", "encoding", "warning",
       "The file is not valid UTF-8 and was read with a fallback encoding.",
       why="Copy exported from older newsroom systems is often cp1252 or latin-1. lintnews reads it, "
           "but accented names may be wrong in the output: re-save the file as UTF-8.",
       bad=[{"text": "[[]]Le café est fermé.", "options": {"encoding": "cp1252"}, "message": "decoded as cp1252"}],
       good=["Le café est fermé."])
def encoding(doc, ctx):
    for kind, note in doc.notes:
        if kind == "encoding":
            yield Hit(0, 0, f"File is {note}.")
