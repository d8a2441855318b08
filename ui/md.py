"""Data text inside Streamlit Markdown: shown as typed, never as markup or links."""

from __future__ import annotations

import re

# ":" too, so "https://…" in a KIM name is not turned into a link.
_KHUSUS = "\\`*_{}[]<>()#+-.!|~$:"
# GFM "autolink literals" (http://…, www.…, a@b.c) are found in the text *after*
# escapes are resolved, so escaping alone does not stop them; an invisible word
# joiner (U+2060) after the trigger does, and copying the text still reads right.
_PENGHUBUNG = "\u2060"
_AUTOLINK = re.compile(r"(\\:)(?=//)|(?i:(www))(?=\\\.)|(@)")


def aman_md(teks: object) -> str:
    """Backslash-escape every Markdown/LaTeX character so a KIM name stays plain text."""
    s = str(teks)
    for c in _KHUSUS:
        s = s.replace(c, "\\" + c)
    return _AUTOLINK.sub(lambda m: m.group(0) + _PENGHUBUNG, s)


# Inside our own HTML in a Markdown element: HTML's characters, and Markdown's, as character references.
_HTML_MD = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
                          **{c: f"&#{ord(c)};" for c in _KHUSUS if c not in "&<>"}})


def aman_md_html(teks: object) -> str:
    """Data text placed in our own HTML inside a Markdown element: inert as HTML and as Markdown, on one line
    (a blank line would end the HTML block and hand the rest to Markdown)."""
    return " ".join(str(teks).split()).translate(_HTML_MD)
