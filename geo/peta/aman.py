"""Escaping user text for the map, where it passes through HTML *and* JavaScript.

folium puts popup and tooltip HTML inside JavaScript template strings
(`` `...` ``), and GeoJsonTooltip inserts property values with
``innerHTML`` unescaped. ``html.escape`` alone leaves a backtick, ``${`` or a
backslash free to end the template string, so :func:`aman_html` turns those
into character references too: its output is inert in HTML text, in a quoted
attribute, in a JS template or string literal, and in JSON.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pandas as pd

_GANTI = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "`": "&#96;",
    "$": "&#36;",
    "\\": "&#92;",
    "{": "&#123;",
    "}": "&#125;",
    "\u2028": "&#8232;",
    "\u2029": "&#8233;",
}
_TABEL = str.maketrans(_GANTI)
_KONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def aman_html(teks: Any) -> str:
    """Text → HTML that cannot break out of HTML, attributes or JS strings.

    Missing values (None, NaN) become ``""`` so a popup never says "nan".
    Control characters other than tab/newline are dropped.
    """
    if teks is None or (isinstance(teks, float) and math.isnan(teks)):
        return ""
    s = str(teks)
    if s in ("nan", "NaT", "<NA>"):
        return ""
    s = _KONTROL.sub("", s)
    return s.translate(_TABEL)


def aman_html_seri(nilai: pd.Series) -> pd.Series:
    """:func:`aman_html` for a whole column at once (vectorised)."""
    teks = nilai.astype("string").fillna("")
    teks = teks.mask(teks.isin(["nan", "NaT", "<NA>"]), "")
    teks = teks.str.replace(r"[\x00-\x08\x0b-\x1f\x7f]", "", regex=True).str.translate(_TABEL)
    return teks.astype(object)


def json_skrip(obj: Any) -> str:
    """JSON safe to place inside an inline ``<script>`` (no ``</script>``, no ``<!--``)."""
    teks = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        teks.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
