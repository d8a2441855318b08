"""The figure cards (ui/kartu.py): one element, inert text, read back as drawn."""

from __future__ import annotations

from ui.kartu import Kartu, kartu_html


class _Md:
    def __init__(self, value: str) -> None:
        self.value = value


class _At:
    def __init__(self, *teks: str) -> None:
        self.markdown = [_Md(t) for t in teks]
        self.html: list[_Md] = []


def test_hostile_text_stays_text_on_one_line():
    html = kartu_html([Kartu("<b>x</b> **tebal**", "1\n\n2", 'a" onmouseover="alert(1)'), Kartu("Anggota", "719")])
    assert "\n" not in html  # a blank line would end the HTML block and hand the rest to Markdown
    assert "<b>" not in html and "**" not in html and 'a" onmouseover' not in html
    assert html.count('class="kim-kartu kim-kartu-bingkai"') == 2 and html.count('class="kim-bantu"') == 1


def test_cards_read_back_as_shown():
    from tests.kartu_uji import baris_kartu

    at = _At("teks lain", kartu_html([Kartu("Potensi aktif", "44%", "22 aktif"), Kartu("KIM_1 & *x*", "1 / 2")]),
             kartu_html([Kartu("Anggota", "tidak ada data")], bingkai=False))
    assert baris_kartu(at) == [{"Potensi aktif": "44%", "KIM_1 & *x*": "1 / 2"}, {"Anggota": "tidak ada data"}]
