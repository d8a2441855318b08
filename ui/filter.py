"""Sidebar widgets: filters and map display, backed by the shareable view state."""

from __future__ import annotations

from dataclasses import fields

import streamlit as st

from geo.i18n import BAHASA, bahasa_sah, label_metrik, t
from geo.masuk.dataset import Dataset
from geo.peta.buat import label_basemap
from geo.tampilan import kelas
from geo.tampilan.indeks import baris_awalan
from geo.tampilan.keadaan import PETA_DASAR, Keadaan
from geo.tampilan.metrik import METRIK_BAWAAN, daftar_metrik, metrik_tersedia
from geo.tampilan.saring import Filter
from geo.tampilan.sebutan import sebutan
from geo.tampilan.tingkat import Jenjang
from geo.tampilan.waktu import rentang_log
from ui.waktu import kontrol_waktu

# The main page's session-state keys, all here: the one ui module that reads or writes st.session_state for
# the map page (other ui modules call the helpers below; tests/test_satu_pintu.py enforces it).
# Session-state key of each view field's widget.
_FILTER = tuple(f.name for f in fields(Filter))
KUNCI = {nama: f"w_{nama}" for nama in (*_FILTER, *(f.name for f in fields(Keadaan) if f.name not in ("filter", "catatan")))}
KUNCI_INIT = "kim_keadaan_awal"
KUNCI_PETA = "peta"  # what the map component last reported
KUNCI_KLIK = "kim_klik_baru"  # a new map click, turned into a kelurahan before the picker is drawn
K_TIDAK_SAH = "kim_data_tidak_sah"  # the report of stored data that no longer loads (ui.muat serves the last valid)


def catat_laporan_tidak_sah(laporan) -> None:
    """Keep (or, with None, drop) the report of stored data that failed to load while the last valid version is served."""
    if laporan is None:
        st.session_state.pop(K_TIDAK_SAH, None)
    else:
        st.session_state[K_TIDAK_SAH] = laporan


def laporan_tidak_sah():
    """The report kept by :func:`catat_laporan_tidak_sah`, or None."""
    return st.session_state.get(K_TIDAK_SAH)


def sudah_diinisialisasi() -> bool:
    return KUNCI_INIT in st.session_state


def kelurahan_terpilih() -> str | None:
    return st.session_state.get(KUNCI["kelurahan"])


def pilih_kelurahan_sesi(kode: str | None) -> None:
    st.session_state[KUNCI["kelurahan"]] = kode


def simpan_nilai_peta(nilai: dict) -> None:
    """Keep the map's reported value; a new click is remembered for the next run."""
    st.session_state[KUNCI_PETA] = nilai
    klik = (nilai or {}).get("last_object_clicked")
    if klik:
        st.session_state[KUNCI_KLIK] = klik


def ambil_klik_baru() -> dict | None:
    return st.session_state.pop(KUNCI_KLIK, None)


def lihat_klik_baru() -> dict | None:
    """The new click without taking it (the drill-down looks first; the picker takes it)."""
    return st.session_state.get(KUNCI_KLIK)


def inisialisasi(keadaan: Keadaan) -> None:
    """Put a view (from the URL) into the widgets, before they are drawn."""
    for nama, kunci in KUNCI.items():
        nilai = getattr(keadaan.filter if nama in _FILTER else keadaan, nama)
        st.session_state[kunci] = list(nilai) if isinstance(nilai, tuple) else nilai
    st.session_state[KUNCI_INIT] = True


def _hapus_filter() -> None:
    for nama in ("kategori", "status", "kecamatan"):
        st.session_state[KUNCI[nama]] = []
    st.session_state[KUNCI["cari"]] = ""


def _buang_tanggal_basi(dataset: Dataset) -> None:
    """A date from another data version (outside the log's range) is cleared before the pickers are drawn."""
    rentang = rentang_log(dataset.kegiatan)
    for nama in ("pada", "banding"):
        nilai = st.session_state.get(KUNCI[nama])
        if nilai is not None and (rentang is None or not rentang[0] <= nilai <= rentang[1]):
            st.session_state[KUNCI[nama]] = None


def _saat_banding() -> None:
    # A comparison date asks for the change map; clearing it returns to the default metric.
    if st.session_state.get(KUNCI["banding"]):
        st.session_state[KUNCI["metrik"]] = "perubahan_aktif"
    elif st.session_state.get(KUNCI["metrik"]) == "perubahan_aktif":
        st.session_state[KUNCI["metrik"]] = METRIK_BAWAAN


def jenjang_sesi() -> tuple[str | None, str]:
    """The level and code prefix the session shows (before a map click moves them)."""
    return st.session_state.get(KUNCI["tingkat"]), st.session_state.get(KUNCI["wilayah"]) or ""


def pindah_jenjang(tingkat: str | None, wilayah: str) -> None:
    """Drill to another level and prefix; the open unit is closed."""
    st.session_state[KUNCI["tingkat"]] = tingkat
    st.session_state[KUNCI["wilayah"]] = wilayah
    st.session_state[KUNCI["kelurahan"]] = None


def nilai_komponen(kunci: str) -> dict:
    """What a component (the live map) last reported under its widget key."""
    return st.session_state.get(kunci, {})


def bahasa_menu() -> str | None:
    """The map page's language for its menu, before the sidebar draws.

    Back from another page, Streamlit has dropped the language control's state
    (it was not drawn there), but the menu's link carried ``?bahasa``: it is
    given back here. None when neither says anything.
    """
    if KUNCI["bahasa"] not in st.session_state and "bahasa" in st.query_params:
        st.session_state[KUNCI["bahasa"]] = bahasa_sah(st.query_params.get("bahasa"))
    return st.session_state.get(KUNCI["bahasa"])


def bahasa_aktif() -> str:
    return st.session_state.get(KUNCI["bahasa"], "id")


# Kecamatan names one filter lists: a country has ~7,000, resent on every rerun, and names repeat.
MAKS_KECAMATAN = 500


def _pilihan_kecamatan(dataset: Dataset, jenjang: Jenjang | None) -> tuple[list[str], bool]:
    """The kecamatan inside the unit drilled into (plus any already chosen), and whether they are too many to list."""
    semua = dataset.kecamatan()
    if jenjang is not None and jenjang.wilayah:
        semua = dataset.indeks.kecamatan_dalam.ambil(jenjang.wilayah, lambda: list(dict.fromkeys(
            dataset.batas["kecamatan"].iloc[baris_awalan(dataset, jenjang.wilayah)])))
    dipilih = list(st.session_state.get(KUNCI["kecamatan"]) or [])
    if len(semua) > MAKS_KECAMATAN:  # only what a link chose, so it can still be removed
        return dipilih, not dipilih
    return [*semua, *[k for k in dipilih if k not in semua]], False


def sidebar(dataset: Dataset, jenjang: Jenjang | None = None) -> Keadaan:
    """Draw the sidebar and return the view it describes (kelurahan comes later)."""
    wil = dataset.wilayah
    b = bahasa_aktif()
    with st.sidebar:
        st.markdown(f"### {t('filter', b)}")
        kategori = st.multiselect(t("kategori", b), list(wil.kategori_potensi), key=KUNCI["kategori"], placeholder=t("semua", b))
        status = st.multiselect(t("status", b), list(wil.status_aktivitas), key=KUNCI["status"], placeholder=t("semua", b))
        pilihan_kec, terlalu_banyak = _pilihan_kecamatan(dataset, jenjang)
        kecamatan = st.multiselect(t("kecamatan", b), pilihan_kec, key=KUNCI["kecamatan"], placeholder=t("semua", b),
                                   disabled=terlalu_banyak, help=t("kecamatan_terlalu_banyak", b) if terlalu_banyak else None)
        cari = st.text_input(t("cari", b), key=KUNCI["cari"], max_chars=100)
        st.button(t("reset", b), key="kim_hapus_filter", on_click=_hapus_filter, width="stretch",
                  disabled=not (kategori or status or kecamatan or cari.strip()))
        _buang_tanggal_basi(dataset)
        pada, banding = kontrol_waktu(dataset, b, KUNCI["pada"], KUNCI["banding"], _saat_banding)

        st.markdown(f"### {t('tampilan_peta', b)}")
        semua_metrik = {m: v for m, v in daftar_metrik(wil).items() if metrik_tersedia(m, dataset.kegiatan is not None, banding is not None)}
        if st.session_state.get(KUNCI["metrik"]) not in semua_metrik:
            st.session_state[KUNCI["metrik"]] = METRIK_BAWAAN
        kata = sebutan(dataset, jenjang.tingkat, jenjang.wilayah, b) if jenjang else {}
        metrik = st.selectbox(t("metrik", b, **kata), list(semua_metrik), key=KUNCI["metrik"],
                              format_func=lambda m: label_metrik(m, wil, b))
        skema = st.selectbox(t("skema", b), list(kelas.SKEMA_KELAS), key=KUNCI["skema"], format_func=lambda s: t(f"skema_{s}", b))
        jumlah = st.slider(t("jumlah_kelas", b), kelas.JUMLAH_KELAS_MIN, kelas.JUMLAH_KELAS_MAX, key=KUNCI["kelas"])
        basemap = st.selectbox(t("basemap", b), list(PETA_DASAR), key=KUNCI["basemap"], format_func=lambda k: label_basemap(k, b))
        bahasa = st.radio(t("bahasa", b), list(BAHASA), key=KUNCI["bahasa"], format_func=BAHASA.get, horizontal=True)
        st.caption(t("tautan", b))
    return Keadaan(
        filter=Filter(tuple(kategori), tuple(status), tuple(kecamatan), cari.strip()),
        metrik=metrik, skema=skema, kelas=int(jumlah), basemap=basemap, bahasa=bahasa, pada=pada, banding=banding,
    )
