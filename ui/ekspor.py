"""Download panel: every export format of the view the page shows.

Files are made only when a button is clicked (Streamlit's deferred download:
the button shows it is working while the file is built on the server), and
kept in a small cache keyed on the data version, the view state and the file options,
so the page itself stays fast and a second click is instant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from geo import config
from geo.ekspor import FORMAT, OpsiEkspor, buat, judul_bawaan, nama_berkas
from geo.ekspor.opsi import DPI_BAWAAN, DPI_DIDUKUNG, UKURAN_BAWAAN, UKURAN_KERTAS_MM
from geo.galat import GalatData
from geo.i18n import t
from geo.masuk.indeks_dataset import Peta
from geo.simpan.berkas import sidik_cepat
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan
from ui.md import aman_md

MAKS_SIMPANAN = 16

_LABEL_TOMBOL = {"png": "PNG", "pdf": "PDF", "html": "HTML", "csv": "CSV", "xlsx": "Excel (XLSX)", "geojson": "GeoJSON"}


def _t(kunci: str, bahasa: str, **isian: str) -> str:
    return t(f"ekspor_{kunci}", bahasa, **isian)


_SIMPANAN: Peta[tuple, bytes] = Peta(MAKS_SIMPANAN)  # thread-safe LRU: deferred downloads run on worker threads


def sidik_data(tampilan: Tampilan) -> tuple:
    """Which data version a file was made from: every input file, since each can change a
    download (``wilayah.json`` switches the "data contoh" note, ``kelurahan.csv`` names)."""
    ds = tampilan.dataset
    return sidik_cepat(ds.path_kim, ds.path_batas, config.path_referensi(), config.path_wilayah(), ds.path_kegiatan or ds.path_kim)


def kunci_berkas(kode: str, tampilan: Tampilan, opsi: OpsiEkspor, kelurahan: str = "") -> tuple:
    """The one cache key of a file: (format, data version, view state, file options, today).

    The whole view state is in it (level, unit, dates, metric, classes, language…),
    so a file of another view can never be served (the map's zoom and centre are not: no file
    depends on them, so a pan keeps every file); today is in it because
    titles and ``pada`` default to today.
    """
    return (kode, kelurahan, sidik_data(tampilan), tampilan.keadaan.tanpa_posisi(), tampilan.pada, tampilan.banding, opsi, dt.date.today())


def pembuat(kode: str, tampilan: Tampilan, opsi: OpsiEkspor, kelurahan: str = "") -> Callable[[], bytes]:
    """A no-argument function that makes (or reuses) the file; what the button calls on click."""
    kunci = kunci_berkas(kode, tampilan, opsi, kelurahan)
    return lambda: _SIMPANAN.ambil(kunci, lambda: buat(kode, tampilan, opsi, kelurahan).data)


def _opsi_pengguna(tampilan: Tampilan, bahasa: str, kunci: str) -> tuple[str, str, int, bool, str]:
    """The title, paper, dpi, basemap and CSV separator widgets."""
    judul = st.text_input(
        _t("judul", bahasa), value="", placeholder=judul_bawaan(tampilan), max_chars=160,
        help=_t("judul_bantu", bahasa), key=f"{kunci}_judul",
    )
    k1, k2, k3 = st.columns([1.1, 1, 1.2])
    ukuran = k1.selectbox(
        _t("ukuran", bahasa), list(UKURAN_KERTAS_MM), index=list(UKURAN_KERTAS_MM).index(UKURAN_BAWAAN),
        format_func=lambda u: _t(f"ukuran_{u}", bahasa), key=f"{kunci}_ukuran",
    )
    dpi = k2.selectbox(
        _t("dpi", bahasa), list(DPI_DIDUKUNG), index=list(DPI_DIDUKUNG).index(DPI_BAWAAN),
        format_func=lambda d: f"{d} dpi", key=f"{kunci}_dpi",
    )
    pemisah = k3.selectbox(
        _t("pemisah", bahasa), [",", ";"], format_func=lambda p: _t("pemisah_koma" if p == "," else "pemisah_titik_koma", bahasa),
        help=_t("pemisah_bantu", bahasa), key=f"{kunci}_pemisah",
    )
    basemap = st.checkbox(_t("basemap", bahasa), value=False, help=_t("basemap_bantu", bahasa), key=f"{kunci}_basemap")
    return judul, ukuran, int(dpi), bool(basemap), pemisah


def _tombol(kode: str, tampilan: Tampilan, opsi: OpsiEkspor, bahasa: str, kunci: str) -> None:
    fmt = FORMAT[kode]
    st.download_button(
        _LABEL_TOMBOL[kode],
        data=pembuat(kode, tampilan, opsi),
        file_name=nama_berkas(tampilan, kode, opsi),
        mime=fmt.mime,
        key=f"{kunci}_{kode}",
        help=_t(f"format_{kode}", bahasa, **sebutan_tampilan(tampilan, bahasa)),
        on_click="ignore",  # a download must not rerun the whole page
        icon=":material/download:",
        width="stretch",
    )


def panel_unduh(tampilan: Tampilan, kunci: str = "ekspor") -> bool:
    """Download buttons for PNG, PDF, HTML, CSV, XLSX and GeoJSON of the View.

    The View carries the page's metric, classes, basemap and language, so the
    printed map is coloured exactly like the screen. The panel's widgets and
    buttons are made only while it is open. True when it is open.
    """
    bahasa = tampilan.bahasa
    wadah = st.expander(_t("judul_panel", bahasa), expanded=False, icon=":material/download:",
                        key=f"{kunci}_panel", on_change="rerun")
    with wadah:
        if not wadah.open:
            return False  # closed: nothing is built (opening it reruns the page with the panel)
        st.caption(_t("keterangan", bahasa))
        judul, ukuran, dpi, basemap, pemisah = _opsi_pengguna(tampilan, bahasa, kunci)
        opsi = OpsiEkspor(judul=judul.strip(), ukuran=ukuran, dpi=dpi, basemap=basemap, pemisah=pemisah)
        try:
            opsi.periksa()
            tampilan.keadaan.periksa(tampilan.dataset.wilayah)
        except GalatData as exc:
            st.error(aman_md(exc))
            return True
        st.markdown(f"**{_t('peta', bahasa)}**")
        kolom = st.columns(3)
        for tempat, kode in zip(kolom, ("png", "pdf", "html")):
            with tempat:
                _tombol(kode, tampilan, opsi, bahasa, kunci)
        st.markdown(f"**{_t('data', bahasa)}**")
        kolom = st.columns(3)
        for tempat, kode in zip(kolom, ("csv", "xlsx", "geojson")):
            with tempat:
                _tombol(kode, tampilan, opsi, bahasa, kunci)
        st.caption(_t("rumus", bahasa))
        from ui.atlas import tombol_atlas  # imported here: ui.atlas reuses this module's file cache

        tombol_atlas(tampilan, opsi, bahasa, kunci)
    return True
