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
