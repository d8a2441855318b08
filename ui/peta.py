"""The map on the page: one live Leaflet map per session, updated in place.

The base map (``geo.peta.dasar.peta_dasar``) renders to the same script on
every rerun, so ``st_folium`` keeps its iframe and Leaflet map; each view
travels as a small ``feature_group_to_add`` whose script restyles the
existing layers. The geometry is a static file written once per data version.
A rendered base map is kept in memory and in the disk cache, so a click, and a
fresh server's first page, import neither folium nor streamlit-folium (#26).
"""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from geo.i18n import angka, t
from geo.masuk.batas import kelurahan_di_titik
from geo.masuk.dataset import Dataset
from geo.peta import aset, tembolok_dasar
from geo.peta.hidup import (
    MAKS_TITIK_AGREGAT,
    ciri_dasar,
    kotak_wilayah,
    pembaruan_tampilan,
    titik_disembunyikan,
    tulis_skrip_dasar,
    tulis_statis,
)
from geo.peta.ubin import peta_dasar_terjangkau
from geo.simpan.berkas import sidik_cepat
from geo.simpan.foto import folder_foto
from geo.tampilan.susun import Tampilan
from ui import folium_privat
from ui.filter import (
    KUNCI_PETA,
    ambil_klik_baru,
    bahasa_aktif,
    nilai_komponen,
    pilih_kelurahan_sesi,
    posisi_komponen,
    simpan_nilai_peta,
)
from ui.folium_privat import argumen_dasar, tampilkan_komponen
from ui.ingatan import Ingatan
from ui.md import aman_md
from ui.tingkat import TOLERANSI_KLIK

TINGGI_PETA = 600


@st.cache_resource(show_spinner=False)
def _salin_aset() -> None:
    aset.siapkan()


def siapkan_aset() -> str:
    """Copy Leaflet & co. into static/vendor once per server process; returns their URL.

    A read-only install that already has the files works; one without them
    gets a message in words instead of a map that silently never loads.
    """
    try:
        _salin_aset()
    except OSError as exc:
        if not all((aset.DIR_VENDOR / a.relatif).is_file() for a in aset.ASET_PETA):
            st.error(t("aset_gagal", bahasa_aktif(), folder=aman_md(aset.DIR_VENDOR), pesan=aman_md(exc)))
    return aset.url_dasar(st.get_option("server.baseUrlPath") or "")


# The classes the legend under the map uses: only their rules travel with it on each rerun (issue #26);
# the map itself loads the whole file once, as a static file.
_KELAS_LEGENDA = ("kim-legenda", "kim-kotak", "kim-contoh", "kim-titik", "kim-s-")


@st.cache_data(show_spinner=False)
def _css_peta() -> str:
    """The legend's rules of the map's own stylesheet (comments and @media blocks left out)."""
    css = re.sub(r"/\*.*?\*/", "", (aset.DIR_STATIS / "kim-peta.css").read_text(encoding="utf-8"), flags=re.DOTALL)
    css = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    aturan = re.findall(r"[^{}]+\{[^{}]*\}", css)
    return "\n".join(" ".join(a.split()) for a in aturan if any(k in a.split("{")[0] for k in _KELAS_LEGENDA))


def gaya_legenda() -> str:
    """The legend's CSS for the page's own style block, drawn once outside the view's fragment (issue #26)."""
    return f"<style>{_css_peta()}</style>"


def terapkan_klik(tampilan: Tampilan) -> None:
    """Turn a new map click into the selected kelurahan, before the picker is drawn."""
    klik = ambil_klik_baru()
    if klik and "lat" in klik and "lng" in klik:
        kode = kelurahan_di_titik(tampilan.dataset.batas, klik["lat"], klik["lng"], TOLERANSI_KLIK)
        if kode:
            pilih_kelurahan_sesi(kode)


def _sidik(dataset: Dataset) -> tuple:
    """The data version the static map file is built from; the photo folder too (popups show photos), and the
    region's vocabulary (marker codes, colours and their English names come from wilayah.json).

    The KIM and boundary files' identities; for a database, whose dataset names tables, not files, the store's
    version the dataset was loaded at (a save on any server changes it)."""
    wil = dataset.wilayah
    data: tuple = sidik_cepat(dataset.path_kim, dataset.path_batas)
    if any(waktu < 0 for _, waktu, _ in data):
        data = ("versi", dataset.indeks.versi_gudang)
    return (data, sidik_cepat(folder_foto(dataset.path_kim)), wil.kategori_potensi, wil.status_aktivitas,
            tuple(sorted(wil.extra.get("label_en", {}).items())))


@st.cache_resource(show_spinner=False, max_entries=64)
def _berkas_statis(sidik: tuple, bahasa: str, tingkat: str, wilayah: str, _dataset: Dataset) -> str:
    """Simplify, round, escape and write the geometry once per data version, language and unit set."""
    return tulis_statis(_dataset, bahasa, tingkat=tingkat, wilayah=wilayah)


_dasar: Ingatan[dict] = Ingatan(64)  # the base maps this process rendered, looked up first (ui/ingatan.py)


@st.cache_resource(show_spinner=False, max_entries=64)
def _argumen_dasar(sidik: tuple, basemap: str, bahasa: str, url_aset: str, tingkat: str, wilayah: str,
                   _dataset: Dataset) -> dict:
    """Render the base map once per data version, basemap and language, or take it from the disk cache.

    The same helpers ``st_folium`` uses, so the browser side is unchanged;
    only the per-view update is made on each rerun.
    """
    nama = _berkas_statis(sidik, bahasa, tingkat, wilayah, _dataset)
    url_data = f"{url_aset}/{nama}"
    kunci = tembolok_dasar.kunci(nama, basemap, bahasa, url_aset, tingkat, wilayah, KUNCI_PETA,
                                 ciri_dasar(_dataset, bahasa, wilayah), kode=(Path(__file__), Path(folium_privat.__file__)))
    tersimpan = tembolok_dasar.baca(kunci, aset.DIR_VENDOR)
    if tersimpan is not None:
        return tersimpan
    from geo.peta.dasar import peta_dasar  # folium: only when a base map is rendered

    skrip: list[str] = []

    def tulis(isi: str) -> str:
        skrip.append(tulis_skrip_dasar(isi))
        return f"{url_aset}/{skrip[-1]}"

    peta = peta_dasar(_dataset, basemap, bahasa, url_data=url_data, url_aset=url_aset,
                      legenda_terbuka=False, wilayah=wilayah)  # the legend is drawn under the map, so the map stays clear
    hasil = argumen_dasar(peta, KUNCI_PETA, tulis_skrip=tulis, data=(url_data,))
    tembolok_dasar.simpan(kunci, hasil, [nama, *skrip])
    return hasil


def _kelompok(skrip: str, lapor: bool = False) -> str:
    """The ``feature_group`` st_folium's frontend evaluates: our update, in an empty group; with ``lapor``, the map
    reports once when it has drawn the view (ui/tunda.py)."""
    return (
        "var feature_group_feature_group_0 = L.featureGroup({});\n"
        + ("window.__kimHidup.lapor = true;\n" if lapor else "")
        + f"{skrip}\n"
        "map_div.addLayer(feature_group_feature_group_0);\n"
        "window.feature_group = window.feature_group || [];\n"
        "window.feature_group.push(feature_group_feature_group_0);\n"
    )


def gambar_peta(tampilan: Tampilan, url_aset: str, lapor: bool = False) -> None:
    """Draw the View's live map: the base rendered once, then only this view's changes. With ``lapor`` the map
    reports once when it has drawn this view (the page waits for that to draw its controls, ui/tunda.py)."""
    keadaan = tampilan.keadaan
    basemap = keadaan.basemap
    if not peta_dasar_terjangkau(basemap):
        # No tiles from here: a plain background beats a console full of failed requests. The page says so
        # with its other notices (dashboard._keterangan), in the element it sends anyway: one fewer per click.
        basemap = "kosong"
    if titik_disembunyikan(tampilan):
        st.caption(t("titik_agregat", keadaan.bahasa, n=angka(MAKS_TITIK_AGREGAT, keadaan.bahasa)))
    ds = tampilan.dataset
    kunci_dasar = (_sidik(ds), basemap, keadaan.bahasa, url_aset, tampilan.tingkat, tampilan.wilayah)
    dasar = _dasar.ambil(kunci_dasar, lambda: _argumen_dasar(*kunci_dasar, ds))
    legenda, skrip = pembaruan_tampilan(tampilan)
    kunci = dasar["kunci"]

    def _saat_berubah() -> None:
        # Runs before the rerun, only when the map reports a *new* value (a click).
        simpan_nilai_peta(nilai_komponen(kunci))

    # The link's zoom and centre, the same on every rerun of this map: streamlit-folium applies them once
    # (setView after the map fitted itself) and never again, so a pan is not undone; the map reports each move.
    tampilkan_komponen(dasar, _kelompok(skrip, lapor), TINGGI_PETA, _saat_berubah, **posisi_komponen(kunci, kotak_wilayah(ds, tampilan.wilayah)))
    # Only the legend travels with a click; its rules are in the page's CSS (gaya_legenda). Its HTML is escaped in geo.peta.legenda.
    st.html(f'<div class="kim-legenda-datar" role="group">{legenda}</div>')
