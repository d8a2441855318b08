"""Untrusted text on the page (URL, data, file names) always shows as plain text."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from tests.halaman.test_dashboard import _jalan
from tests.server_uji import ARG_CHROMIUM, CHROMIUM, butuh_chromium, jalankan

SERANGAN = "**PENTING** [Login ulang](http://x.example/login) ![x](http://x.example/x.png)"


def _tak_ter_escape(teks: str) -> str:
    """What Markdown would still see as markup: the text with escaped characters removed."""
    return re.sub(r"\\.", "", teks)


def _semua_teks(at) -> list[str]:
    return [e.value for e in [*at.warning, *at.error, *at.info, *at.markdown, *at.html, *at.caption, *at.success]
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


@pytest.mark.lambat
def test_no_link_or_image_in_the_real_browser(tmp_path):
    """GFM autolinks happen after escapes are resolved: only a real browser shows whether a link survives."""
    butuh_chromium()
    from playwright.sync_api import sync_playwright

    q = urllib.parse.urlencode({"kategori": SERANGAN + " www.x.example a@x.example"})
    with jalankan(None, tmp_path / "server.log") as server, sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARG_CHROMIUM)
        try:
            page = b.new_page()
            page.route("**/*", lambda r: r.continue_() if urllib.parse.urlsplit(r.request.url).hostname in ("127.0.0.1", "localhost")
                       else r.abort())
            page.goto(f"{server.url}/?{q}")
            peringatan = page.locator('[data-testid="stAlert"]', has_text="Login ulang")
            peringatan.wait_for(timeout=90_000)
            assert peringatan.count() == 1
            assert peringatan.locator("a, img, strong").count() == 0
            assert "**PENTING**" in peringatan.inner_text()
        finally:
            b.close()


def test_a_search_in_the_heading_line_is_plain_text(wilayah_uji):
    """The line under the title names the filter, a search typed by the user among it: in the page's own
    HTML, so it must be inert as HTML and as Markdown, and stay on one line (a blank line ends the HTML)."""
    at = _jalan({"cari": '<img src=x onerror=alert(1)> [a](http://x.example) **b**\n\n# c'})
    (baris,) = [m.value for m in [*at.markdown, *at.html] if 'class="kim-subjudul"' in m.value]
    assert "<img" not in baris and "](" not in baris and "**" not in baris and "\n" not in baris
    assert "&lt;img" in baris and "&#91;a&#93;" in baris  # shown as typed, as character references
