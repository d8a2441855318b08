"""A filter click reruns the view's fragment only (#26): over the websocket, as a browser asks for it."""

from __future__ import annotations

import asyncio

import pytest

from geo.peta.ubin import peta_dasar_terjangkau
from tests.klien_ws import KlienSesi, pesan_awal, sambung
from tests.server_uji import jalankan

pytestmark = pytest.mark.lambat


def _jenis(klien: KlienSesi) -> list[str]:
    """Each element the last run sent: its type, a heading's text (the title is one), "kartu" for the cards."""
    hasil = []
    for p in klien.pesan:
        if p.delta.WhichOneof("type") == "new_element":
            el = p.delta.new_element
            jenis = el.WhichOneof("type")
            if jenis == "heading":
                jenis = f"heading:{el.heading.body}"
            elif jenis == "html" and "kim-kartu-baris" in el.html.body:
                jenis = "kartu"
            hasil.append(jenis)
    return hasil


def _teks(klien: KlienSesi, jenis: str) -> list[str]:
    """The text of each markdown or html element the last run sent."""
    return [getattr(p.delta.new_element, jenis).body for p in klien.pesan
            if p.delta.WhichOneof("type") == "new_element" and p.delta.new_element.WhichOneof("type") == jenis]


def _label(klien: KlienSesi, jenis: str) -> list[str]:
    return [getattr(p.delta.new_element, jenis).label for p in klien.pesan
            if p.delta.WhichOneof("type") == "new_element" and p.delta.new_element.WhichOneof("type") == jenis]


async def _sesi(url: str, langkah):
    async with sambung(url) as ws:
        klien = KlienSesi()
        assert not await asyncio.wait_for(klien.jalan(ws, pesan_awal()), 120)
        return await langkah(ws, klien)


def test_klik_filter_hanya_menjalankan_ulang_tampilan(tmp_path):
    async def langkah(ws, klien):
        pertama = _jenis(klien)
        minta = klien.permintaan("w_kategori", ["Kuliner"])
        assert minta is not None
        galat = await asyncio.wait_for(klien.jalan(ws, minta), 120)
        delta = len(klien.pesan)  # the run's deltas: elements and blocks (KlienSesi keeps only those)
        return pertama, _jenis(klien), _teks(klien, "markdown"), _teks(klien, "html"), galat, delta

    with jalankan(None, tmp_path / "server.log") as server:
        pertama, setelah, teks, html, galat, delta = asyncio.run(_sesi(server.url, langkah))
    assert not galat
    assert "page_link" in pertama and "heading:Peta Potensi KIM" in pertama  # the first page draws the menu and the title
    assert "date_input" in pertama and "slider" in pertama
    # The map is the first element sent: before the menu's links, the filters, the cards and the title,
    # wherever they stand on the page (dashboard.halaman: the header is drawn after the view, into its container).
    awal = pertama[:pertama.index("component_instance")]
    assert not {"page_link", "multiselect", "kartu", "selectbox", "heading:Peta Potensi KIM"} & set(awal), awal
    # The click: the filters, cards and map come again; the menu, the title and the language control do not,
    # nor the date pickers and map settings (drawn outside the view), nor the page's and the legend's CSS.
    assert "page_link" not in setelah and "radio" not in setelah and "heading:Peta Potensi KIM" not in setelah
    assert "date_input" not in setelah and "slider" not in setelah
    assert {"multiselect", "kartu", "component_instance"} <= set(setelah)
    assert "metric" not in setelah  # the cards are one element (ui/kartu.py)
    assert not any("<style>" in m for m in [*teks, *html])
    assert any("kim-legenda-datar" in h for h in html)  # the legend still changes with the view
    assert len(setelah) < len(pertama)
    # Nothing picked: the picker alone, no row around it and no disabled close button; an unreachable basemap's
    # note travels in the cards' element, not as an element of its own (issue #26).
    assert setelah.count("button") == 1, setelah  # "clear all filters" only
    catatan = "Peta dasar tidak dapat dijangkau"
    assert not any(catatan in m for m in teks)
    assert any(catatan in h for h in html) == (not peta_dasar_terjangkau("osm"))  # CI has no internet: shown there
    assert delta <= 17, delta  # elements and blocks: 20 before these changes
    assert any("Kuliner" in m for m in [*teks, *html])  # the caption describes the new filter


def test_turun_dari_peta_menggambar_ulang_pengaturan(env_provinsi, tmp_path):
    """A map click that drills down runs in the view's fragment, then the whole page: the map settings,
    outside the fragment, must name the new level's units."""
    ds = env_provinsi
    desa = ds.batas.loc[ds.batas["jenis_unit"] == "desa"].iloc[0]
    titik = desa.geometry.representative_point()

    async def langkah(ws, klien):
        sebelum = _label(klien, "selectbox")
        minta = klien.permintaan_peta({"last_object_clicked": {"lat": titik.y, "lng": titik.x}})
        assert minta is not None
        galat = await asyncio.wait_for(klien.jalan(ws, minta), 120)
        return sebelum, _label(klien, "selectbox"), _jenis(klien), galat

    with jalankan(None, tmp_path / "server.log") as server:
        sebelum, sesudah, jenis, galat = asyncio.run(_sesi(server.url, langkah))
    assert not galat
    assert "Warna kab/kota menurut" in sebelum, sebelum
    assert "Warna kecamatan menurut" in sesudah, sesudah  # redrawn for the level drilled into
    assert "heading:Peta Potensi KIM" in jenis  # by a whole-page run


def _baris_tabel(klien: KlienSesi) -> list[int]:
    """The row count of each table the last run sent."""
    import pyarrow as pa

    return [pa.ipc.open_stream(p.delta.new_element.dataframe.arrow_data.data).read_all().num_rows for p in klien.pesan
            if p.delta.WhichOneof("type") == "new_element" and p.delta.new_element.WhichOneof("type") == "dataframe"]


def _bagian(klien: KlienSesi) -> list[str]:
    """The sections (expanders) the last run sent."""
    return [p.delta.add_block.expandable.label for p in klien.pesan
            if p.delta.WhichOneof("type") == "add_block" and p.delta.add_block.WhichOneof("type") == "expandable"]


def test_bagian_tertutup_tidak_dikirim_ulang_bagian_terbuka_mengikuti(tmp_path):
    """The sections under the map are outside the view's fragment: closed, a filter click does not send them
    again; open, they follow the filter (the fragment asks for a whole-page run)."""
    async def langkah(ws, klien):
        pertama = _bagian(klien)
        assert not await asyncio.wait_for(klien.jalan(ws, klien.permintaan("w_kategori", ["Kuliner"])), 120)
        tertutup = (_bagian(klien), _jenis(klien))
        buka = klien.permintaan_buka("Daftar potensi")
        assert buka is not None
        assert not await asyncio.wait_for(klien.jalan(ws, buka), 120)
        dibuka = _baris_tabel(klien)
        geser = klien.permintaan_peta({"zoom": 13, "center": {"lat": 0.13, "lng": 117.47}})
        assert not await asyncio.wait_for(klien.jalan(ws, geser), 120)
        digeser = (_baris_tabel(klien), _jenis(klien))
        assert not await asyncio.wait_for(klien.jalan(ws, klien.permintaan("w_kategori", [])), 120)
        return pertama, tertutup, dibuka, digeser, _baris_tabel(klien), _jenis(klien)

    with jalankan(None, tmp_path / "server.log") as server:
        pertama, (bagian_klik, jenis_klik), dibuka, digeser, sesudah, jenis = asyncio.run(_sesi(server.url, langkah))
    assert "Daftar potensi" in pertama and "Unduh peta dan data" in pertama
    assert not bagian_klik and "heading:Ringkasan" not in jenis_klik  # closed: not sent again
    assert "component_instance" in jenis_klik
    import pandas as pd

    kim = pd.read_csv("data/kim.csv")
    assert dibuka == [int((kim["kategori_potensi"] == "Kuliner").sum())]  # opened on the filtered view
    # A pan changes no row: the open table is neither redrawn nor the page run whole.
    assert digeser[0] == [] and "heading:Peta Potensi KIM" not in digeser[1] and "component_instance" in digeser[1], str(digeser)
    assert sesudah == [len(kim)]  # the filter cleared: the open table follows, in the same click
    assert "heading:Peta Potensi KIM" in jenis  # by a whole-page run


def _jalur_peta(klien: KlienSesi) -> list[tuple[int, ...]]:
    return [tuple(p.metadata.delta_path) for p in klien.pesan
            if p.delta.WhichOneof("type") == "new_element" and p.delta.new_element.WhichOneof("type") == "component_instance"]


def test_klik_tidak_memindahkan_peta(env_provinsi, tmp_path):
    """A click's run draws the map where the whole-page run did, whatever stands above it (here the
    breadcrumb of a province): a map moved to another place in the page is a new frame, reloaded."""
    async def langkah(ws, klien):
        pertama = _jalur_peta(klien)
        assert not await asyncio.wait_for(klien.jalan(ws, klien.permintaan("w_kategori", ["Kuliner"])), 120)
        return pertama, _jalur_peta(klien), _jenis(klien)

    with jalankan(None, tmp_path / "server.log") as server:
        pertama, sesudah, jenis = asyncio.run(_sesi(server.url, langkah))
    assert "heading:Peta Potensi KIM" not in jenis  # the view's fragment alone
    assert len(pertama) == 1 and sesudah == pertama
