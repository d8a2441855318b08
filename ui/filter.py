"""Sidebar widgets: filters and map display, backed by the shareable view state."""

from __future__ import annotations

from dataclasses import fields

import streamlit as st

from geo.i18n import BAHASA, bahasa_sah, label_metrik, t
from geo.masuk.dataset import Dataset
from geo.masuk.wilayah import Wilayah
from geo.peta.hidup import pas_dengan_kotak
from geo.peta.ubin import label_basemap
from geo.tampilan import kelas
from geo.tampilan.indeks import baris_awalan
from geo.tampilan.keadaan import PETA_DASAR, Keadaan, bulat_pusat, bulat_zoom
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
KUNCI_POSISI = "kim_posisi_peta"  # the map component's fixed zoom/centre arguments and its home position
K_TIDAK_SAH = "kim_data_tidak_sah"  # the report of stored data that no longer loads (ui.muat serves the last valid)
KUNCI_HAL_TABEL = "kim_tabel_halaman"  # (the rows' identity, page) of the table below the map
K_CARI_KELURAHAN = "kim_cari_kelurahan"  # the search box above the picker, for thousands of names
K_PESAN_URL = "kim_pesan_url"  # notes about a link's parameters, shown once (ambil_pesan_url)
_BAWAAN = Keadaan()
K_JENJANG_PENGATURAN = "kim_jenjang_pengaturan"  # the level the map settings were last drawn for (None: being drawn)
K_BUKA_TAMPILAN = "kim_buka_tampilan"  # the map settings popover's open state (a CSS hook too)
K_BAGIAN = "kim_bagian_digambar"  # what the sections under the view were drawn from (ui/bagian.py)
K_LENGKAP = "kim_halaman_lengkap"  # the map page was drawn whole once in this session (ui/tunda.py)
K_MULAI_TUNGGU = "kim_mulai_tunggu_peta"  # when its first run began to wait for the map (ui/tunda.py)


def catat_laporan_tidak_sah(laporan) -> None:
    """Keep (or, with None, drop) the report of stored data that failed to load while the last valid version is served."""
    if laporan is None:
        st.session_state.pop(K_TIDAK_SAH, None)
    else:
        st.session_state[K_TIDAK_SAH] = laporan


def laporan_tidak_sah():
    """The report kept by :func:`catat_laporan_tidak_sah`, or None."""
    return st.session_state.get(K_TIDAK_SAH)


def halaman_tabel(tanda: object) -> int:
    """The table page (0-based) the session shows for the rows ``tanda``; other rows (a filter changed) start at 0."""
    simpan = st.session_state.get(KUNCI_HAL_TABEL)
    return simpan[1] if simpan and simpan[0] == tanda else 0


def pindah_halaman_tabel(tanda: object, hal: int) -> None:
    """A page button's callback: show page ``hal`` of the rows ``tanda``."""
    st.session_state[KUNCI_HAL_TABEL] = (tanda, hal)


def sudah_diinisialisasi() -> bool:
    return KUNCI_INIT in st.session_state


def teks_cari_kelurahan() -> str:
    """What the picker's search box holds (read before it is drawn: the map is drawn first)."""
    return _teks_cari(K_CARI_KELURAHAN)


def _teks_cari(kunci: str) -> str:
    """A search box's text from the session, cut to its length (both boxes are read before they are drawn)."""
    return str(st.session_state.get(kunci) or "")[:MAKS_CARI]


def kelurahan_terpilih() -> str | None:
    return st.session_state.get(KUNCI["kelurahan"])


def pilih_kelurahan_sesi(kode: str | None) -> None:
    st.session_state[KUNCI["kelurahan"]] = kode


def halaman_lengkap() -> bool:
    """Whether this session's map page has drawn everything around its map once (ui/tunda.py)."""
    return bool(st.session_state.get(K_LENGKAP))


def catat_halaman_lengkap() -> None:
    st.session_state[K_LENGKAP] = True


def mulai_menunggu_peta(sekarang: float) -> float:
    """When this session's page began waiting for its map (``sekarang`` on the first call)."""
    return st.session_state.setdefault(K_MULAI_TUNGGU, sekarang)


def simpan_nilai_peta(nilai: dict) -> None:
    """Keep the map's reported value; a new click is remembered for the next run.

    The map reports after every pan or zoom too: the click it carries is new only when it
    differs from the last one. The first position reported by a map opened without one
    (fitted to its units) is its home: a map left there writes no ``zoom``/``pusat``.
    """
    lama = st.session_state.get(KUNCI_PETA) or {}
    st.session_state[KUNCI_PETA] = nilai
    klik = (nilai or {}).get("last_object_clicked")
    if klik and klik != lama.get("last_object_clicked"):
        st.session_state[KUNCI_KLIK] = klik
    keadaan = st.session_state.get(KUNCI_POSISI)
    if keadaan and keadaan["args"] == {"zoom": None, "center": None} and keadaan["rumah"] is None:
        keadaan["rumah"] = _posisi_dilaporkan(nilai)


def _posisi_dilaporkan(nilai: dict | None) -> tuple | None:
    """(zoom, (lat, lng)) the map reported, rounded as the one parser rounds a link."""
    nilai = nilai or {}
    zoom, pusat = nilai.get("zoom"), nilai.get("center")
    if zoom is None or not pusat or "lat" not in pusat or "lng" not in pusat:
        return None
    return bulat_zoom(float(zoom)), bulat_pusat(float(pusat["lat"]), float(pusat["lng"]))


def posisi_sekarang() -> dict:
    """The map's position for the view state (and so the URL): ``{"zoom", "pusat"}``.

    What the map last reported (None for both while it sits at its home), else what the link opened with.
    """
    dilaporkan = _posisi_dilaporkan(st.session_state.get(KUNCI_PETA))
    if dilaporkan is None:
        pusat = st.session_state.get(KUNCI["pusat"])  # kept as a list by inisialisasi
        return {"zoom": st.session_state.get(KUNCI["zoom"]), "pusat": tuple(pusat) if pusat else None}
    keadaan = st.session_state.get(KUNCI_POSISI)
    if keadaan and _di_rumah(keadaan, dilaporkan, st.session_state.get(KUNCI_PETA, {}).get("bounds")):
        return {"zoom": None, "pusat": None}
    return {"zoom": dilaporkan[0], "pusat": dilaporkan[1]}


def _di_rumah(keadaan: dict, posisi: tuple, tampak: dict | None) -> bool:
    """Home is not a pan: the first position reported, within 2 pixels; or the same centre refitted to
    the units after the frame settled its size (a phone's map fits again at another zoom)."""
    rumah = keadaan["rumah"]
    if rumah is None:
        return False
    derajat_per_piksel = 360.0 / (256 * 2 ** posisi[0])
    pusat_sama = all(abs(a - b) <= 2 * derajat_per_piksel for a, b in zip(rumah[1], posisi[1]))
    if pusat_sama and rumah[0] == posisi[0]:
        return True
    try:
        kotak_tampak = [[tampak["_southWest"]["lat"], tampak["_southWest"]["lng"]],
                        [tampak["_northEast"]["lat"], tampak["_northEast"]["lng"]]]
    except (TypeError, KeyError):
        return False
    return pusat_sama and pas_dengan_kotak(keadaan.get("kotak"), kotak_tampak)


def posisi_komponen(kunci: str, kotak: list[list[float]] | None = None) -> dict:
    """The zoom and centre given to the map component ``kunci``: fixed for the life of that map.

    A new base map (another basemap or language) opens where the view was; the same map gets
    the same values on every rerun, so streamlit-folium never moves it back after a pan.
    """
    keadaan = st.session_state.get(KUNCI_POSISI)
    if not keadaan or keadaan["kunci"] != kunci:
        p = posisi_sekarang()
        # A zoom alone keeps the fitted centre; a centre alone the fitted zoom.
        args = {"zoom": p["zoom"], "center": list(p["pusat"]) if p["pusat"] else None}
        keadaan = {"kunci": kunci, "args": args, "rumah": None, "kotak": kotak}
        st.session_state[KUNCI_POSISI] = keadaan
    return dict(keadaan["args"])


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
    # Another map opens fitted to the unit: the old position (link or pan) no longer applies.
    st.session_state[KUNCI["zoom"]] = st.session_state[KUNCI["pusat"]] = None
    st.session_state.pop(KUNCI_PETA, None)
    st.session_state.pop(KUNCI_POSISI, None)


def nilai_komponen(kunci: str) -> dict:
    """What a component (the live map) last reported under its widget key."""
    return st.session_state.get(kunci, {})


def pulihkan_bahasa() -> None:
    """Give the map page its link's language back, before anything reads the session's.

    Back from another page, Streamlit has dropped the language control's state
    (it was not drawn there), but the menu's link carried ``?bahasa``.
    """
    if KUNCI["bahasa"] not in st.session_state and "bahasa" in st.query_params:
        st.session_state[KUNCI["bahasa"]] = bahasa_sah(st.query_params.get("bahasa"))


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


def keadaan_sidebar(dataset: Dataset, jenjang: Jenjang | None = None) -> Keadaan:
    """The view the sidebar describes, read from the session (kelurahan comes later); :func:`gambar_filter` draws it.

    Read before anything is drawn: a widget's value is in the session from the start of the run, so the
    map can be the view's first element and the filters come after it (issue #26). The date and map
    settings are :func:`pengaturan_peta`, drawn outside the view's fragment; the language is the
    session's (its control is :func:`pilihan_bahasa`).
    """
    kategori, status, kecamatan = (tuple(st.session_state.get(KUNCI[n]) or ()) for n in ("kategori", "status", "kecamatan"))
    cari = _teks_cari(KUNCI["cari"])
    pada, banding = _tanggal_sesi(dataset)
    return Keadaan(
        filter=Filter(kategori, status, kecamatan, cari.strip()),
        metrik=_nilai("metrik"), skema=_nilai("skema"), kelas=int(_nilai("kelas")), basemap=_nilai("basemap"),
        bahasa=bahasa_aktif(), pada=pada, banding=banding,
    )


MAKS_CARI = 100  # characters of a search


def filter_kosakata(wil: Wilayah, b: str, kunci: dict[str, str] = KUNCI) -> tuple[list[str], list[str]]:
    """The category and status filters of a page (``kunci``: its widget keys; the map page's by default). The stored
    words are the values (URL, files); the reader sees them in the page's language (``Wilayah.label``)."""
    kategori = st.multiselect(t("kategori", b), list(wil.kategori_potensi), key=kunci["kategori"], placeholder=t("semua", b),
                              format_func=lambda k: wil.label(k, b))
    status = st.multiselect(t("status", b), list(wil.status_aktivitas), key=kunci["status"], placeholder=t("semua", b),
                            format_func=lambda s: wil.label(s, b))
    return kategori, status


def gambar_filter(dataset: Dataset, jenjang: Jenjang | None, keadaan: Keadaan) -> None:
    """Draw the sidebar's filters for the view ``keadaan`` (inside the view's fragment: a filter click reruns the view)."""
    b = bahasa_aktif()
    f = keadaan.filter
    with st.sidebar:
        filter_kosakata(dataset.wilayah, b)
        pilihan_kec, terlalu_banyak = _pilihan_kecamatan(dataset, jenjang)
        st.multiselect(t("kecamatan", b), pilihan_kec, key=KUNCI["kecamatan"], placeholder=t("semua", b),
                       disabled=terlalu_banyak, help=t("kecamatan_terlalu_banyak", b) if terlalu_banyak else None)
        st.text_input(t("cari", b), key=KUNCI["cari"], max_chars=MAKS_CARI)
        st.button(t("reset", b), key="kim_hapus_filter", on_click=_hapus_filter, width="stretch",
                  disabled=not (f.kategori or f.status or f.kecamatan or f.cari))


def _nilai(nama: str):
    """A map setting's value in the session (the view's default if its widget was never drawn)."""
    nilai = st.session_state.get(KUNCI[nama])
    return getattr(_BAWAAN, nama) if nilai is None else nilai


def judul_filter() -> None:
    """The rule under the menu and the filters' heading: one element in the sidebar's top container, drawn
    outside the view's fragment (it changes only with the language, a whole-page run). Each element costs the
    browser a render on every first visit (issue #26)."""
    st.markdown(f"---\n\n### {t('filter', bahasa_aktif())}")


def _metrik_tersedia(dataset: Dataset, banding) -> dict[str, str]:
    return {m: v for m, v in daftar_metrik(dataset.wilayah).items() if metrik_tersedia(m, dataset.kegiatan is not None, banding is not None)}


def _tanggal_sesi(dataset: Dataset) -> tuple:
    """The dates the view shows: the pickers' values, none without an activity log (no pickers then)."""
    if rentang_log(dataset.kegiatan) is None:
        return None, None
    return st.session_state.get(KUNCI["pada"]) or None, st.session_state.get(KUNCI["banding"]) or None


def rapikan_pengaturan(dataset: Dataset) -> None:
    """Before the view reads the settings: a date from another data version is cleared, and a metric this
    data cannot draw (no log, no comparison date) falls back to the default. Called on every run of the view."""
    _buang_tanggal_basi(dataset)
    if st.session_state.get(KUNCI["metrik"]) not in _metrik_tersedia(dataset, _tanggal_sesi(dataset)[1]):
        st.session_state[KUNCI["metrik"]] = METRIK_BAWAAN


def jenjang_pengaturan_basi(jenjang: Jenjang) -> bool:
    """True when the map settings were drawn for another level: a drill-down in the view's fragment
    then asks for a whole-page run, so their labels name the units shown. Never on a whole-page run,
    whose settings are drawn after the view."""
    digambar = st.session_state.get(K_JENJANG_PENGATURAN)
    return digambar is not None and digambar != (jenjang.tingkat, jenjang.wilayah)


def mulai_jalan_penuh() -> None:
    """A whole-page run has begun: its map settings and the sections under the view will be drawn after
    the view (see :func:`jenjang_pengaturan_basi` and ``ui.bagian``)."""
    st.session_state[K_JENJANG_PENGATURAN] = None
    st.session_state[K_BAGIAN] = None


def bagian_digambar() -> object:
    """What the open sections under the view were last drawn from (``ui.bagian``); None during a whole-page
    run and while every section is closed."""
    return st.session_state.get(K_BAGIAN)


def catat_bagian(digambar: object) -> None:
    st.session_state[K_BAGIAN] = digambar


def pengaturan_peta(dataset: Dataset, jenjang: Jenjang) -> None:
    """The date pickers and the map settings, under the filters: outside the view's fragment, so a
    filter click does not redraw them (issue #26); changing one reruns the whole page."""
    wil = dataset.wilayah
    b = bahasa_aktif()
    with st.sidebar:
        _, banding = kontrol_waktu(dataset, b, KUNCI["pada"], KUNCI["banding"], _saat_banding)
        # In a popover too: the slider's code loads only when it is opened, and the legend under the map
        # says what the map is coloured by (issue #26).
        with st.popover(t("tampilan_peta", b), icon=":material/palette:", width="stretch", key=K_BUKA_TAMPILAN):
            kata = sebutan(dataset, jenjang.tingkat, jenjang.wilayah, b)
            st.selectbox(t("metrik", b, **kata), list(_metrik_tersedia(dataset, banding)), key=KUNCI["metrik"],
                         format_func=lambda m: label_metrik(m, wil, b))
            st.selectbox(t("skema", b), list(kelas.SKEMA_KELAS), key=KUNCI["skema"], format_func=lambda s: t(f"skema_{s}", b))
            st.slider(t("jumlah_kelas", b), kelas.JUMLAH_KELAS_MIN, kelas.JUMLAH_KELAS_MAX, key=KUNCI["kelas"])
            st.selectbox(t("basemap", b), list(PETA_DASAR), key=KUNCI["basemap"], format_func=lambda k: label_basemap(k, b))
    st.session_state[K_JENJANG_PENGATURAN] = (jenjang.tingkat, jenjang.wilayah)


def pilihan_bahasa() -> None:
    """The language control, at the foot of the sidebar, drawn outside the view's fragment: a language
    change reruns the whole page (menu, title), a filter click only the view (dashboard.py)."""
    b = bahasa_aktif()
    with st.sidebar:
        st.radio(t("bahasa", b), list(BAHASA), key=KUNCI["bahasa"], format_func=BAHASA.get, horizontal=True)
        st.caption(t("tautan", b))


def catat_pesan_url(pesan: tuple[str, ...]) -> None:
    """Keep the notes about a link's unusable parameters until the view shows them once."""
    st.session_state[K_PESAN_URL] = tuple(pesan)


def ambil_pesan_url(buang: bool = True) -> tuple[str, ...]:
    """The link's notes, once: the first run after the link shows them, later clicks do not. ``buang=False``
    keeps them for the next run (a browser's first run, drawn again whole once its map is drawn: ui/tunda.py)."""
    return st.session_state.pop(K_PESAN_URL, ()) if buang else st.session_state.get(K_PESAN_URL, ())
