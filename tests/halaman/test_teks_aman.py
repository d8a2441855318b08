"""Untrusted text on the page (URL, data, file names) always shows as plain text."""

from __future__ import annotations

import re

from tests.halaman.test_dashboard import _jalan

SERANGAN = "**PENTING** [Login ulang](http://x.example/login) ![x](http://x.example/x.png)"


def _tak_ter_escape(teks: str) -> str:
    """What Markdown would still see as markup: the text with escaped characters removed."""
    return re.sub(r"\\.", "", teks)


def _semua_teks(at) -> list[str]:
    return [e.value for e in [*at.warning, *at.error, *at.info, *at.markdown, *at.caption, *at.success]
            if isinstance(e.value, str)]


def test_markdown_in_a_url_parameter_is_plain_text(wilayah_uji):
    at = _jalan({"kategori": SERANGAN})
    peringatan = [w.value for w in at.warning if "Login ulang" in w.value]
    assert len(peringatan) == 1
    sisa = _tak_ter_escape(peringatan[0])
    assert "](" not in sisa and "**" not in sisa and "![" not in sisa
    for teks in _semua_teks(at):
        assert "](http" not in _tak_ter_escape(teks)


def test_markdown_in_report_cells_is_plain_text(wilayah_uji, monkeypatch):
    buruk = wilayah_uji.tulis_kim(
        [["A-01", "KIM Alfa", "99.01.01.1001", "Alfa Laut", "Satu", SERANGAN, "Amplang", "", "Aktif", "1", "", "0.01", "110.01", ""]],
        nama="[klik](x.example).csv",
    )
    monkeypatch.setenv("KIM_CSV", str(buruk))
    at = _jalan()
    assert len(at.table) == 1
    sel = [str(v) for v in at.table[0].value.to_numpy().ravel()]
    assert any("Login ulang" in v for v in sel)
    for v in sel:
        assert "](" not in _tak_ter_escape(v)
    assert "](" not in _tak_ter_escape(at.error[0].value)
