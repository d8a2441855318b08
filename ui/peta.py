"""The map on the page: st_folium without a rerun on every pan and zoom."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo.i18n import t
from geo.peta import aset
from geo.peta.buat import buat_peta, kelurahan_di_titik, lapisan_terpilih, peta_dasar_terjangkau
from geo.peta.legenda import legenda_peta
from geo.tampilan.keadaan import Keadaan
from geo.tampilan.susun import Tampilan
from ui.filter import KUNCI, bahasa_aktif
from ui.md import aman_md

TINGGI_PETA = 600
KUNCI_PETA = "peta"
KLIK_BARU = "kim_klik_baru"


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


@st.cache_data(show_spinner=False)
def _css_peta() -> str:
    return (aset.DIR_STATIS / "kim-peta.css").read_text(encoding="utf-8")


def _saat_klik() -> None:
    # Runs before the rerun, only when the map reports a *new* click.
    nilai = st.session_state.get(KUNCI_PETA) or {}
    klik = nilai.get("last_object_clicked")
    if klik:
        st.session_state[KLIK_BARU] = klik


def terapkan_klik(tampilan: Tampilan) -> None:
    """Turn a new map click into the selected kelurahan, before the picker is drawn."""
    klik = st.session_state.pop(KLIK_BARU, None)
    if klik and "lat" in klik and "lng" in klik:
        kode = kelurahan_di_titik(tampilan, klik["lat"], klik["lng"])
        if kode:
            st.session_state[KUNCI["kelurahan"]] = kode


def gambar_peta(tampilan: Tampilan, keadaan: Keadaan, url_aset: str) -> None:
    """Draw the map; selection outlines are added without reloading it."""
    basemap = keadaan.basemap
    if not peta_dasar_terjangkau(basemap):
        # No tiles from here: a plain background beats a console full of failed requests.
        st.caption(t("basemap_tak_terjangkau", keadaan.bahasa))
        basemap = "kosong"
    peta = buat_peta(
        tampilan, metrik=keadaan.metrik, skema_kelas=keadaan.skema, jumlah_kelas=keadaan.kelas,
        basemap=basemap, bahasa=keadaan.bahasa, mode_aset="url", url_aset=url_aset,
        legenda_terbuka=False,  # the legend is drawn under the map, so the map stays clear
    )
    st_folium(
        peta,
        key=KUNCI_PETA,
        height=TINGGI_PETA,
        use_container_width=True,
        returned_objects=["last_object_clicked"],
        feature_group_to_add=lapisan_terpilih(tampilan, keadaan.kelurahan),
        on_change=_saat_klik,
    )
    # The legend HTML is escaped in geo.peta.legenda; the CSS is our own file.
    legenda = legenda_peta(tampilan, keadaan.metrik, keadaan.skema, keadaan.kelas, keadaan.bahasa)
    st.html(f'<style>{_css_peta()}</style><div class="kim-legenda-datar" role="group">{legenda}</div>')
