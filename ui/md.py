"""Data text inside Streamlit Markdown: shown as typed, never as markup or links."""

from __future__ import annotations

# ":" too, so "https://…" in a KIM name is not turned into a link.
_KHUSUS = "\\`*_{}[]<>()#+-.!|~$:"


def aman_md(teks: object) -> str:
    """Backslash-escape every Markdown/LaTeX character so a KIM name stays plain text."""
    s = str(teks)
    for c in _KHUSUS:
        s = s.replace(c, "\\" + c)
    return s
