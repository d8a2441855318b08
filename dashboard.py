"""Peta Potensi KIM: the page officials open every day.

Thin on purpose: read the widgets and the URL, ask ``geo/`` for one filtered
view, draw it. Every figure on the page (KPIs, map, detail, table, charts,
downloads) comes from that same ``Tampilan``.
"""

from __future__ import annotations

import streamlit as st

from geo.galat import GalatData
from geo.i18n import deskripsi_filter, t
from geo.masuk.dataset import Dataset
from geo.peta.ubin import peta_dasar_terjangkau
from geo.tampilan.keadaan import Keadaan, dari_param, dengan_jenjang, ke_param
from geo.tampilan.sebutan import sebutan, sebutan_tampilan
from geo.tampilan.susun import Tampilan, tampilkan
from ui import bagian, tunda
from ui.detail import gambar_pilihan, panel, siapkan_pilihan
from ui.filter import (
    KUNCI_PETA,
    ambil_pesan_url,
    bahasa_aktif,
    catat_pesan_url,
    gambar_filter,
    inisialisasi,
    jenjang_pengaturan_basi,
    judul_filter,
    keadaan_sidebar,
    laporan_tidak_sah,
    mulai_jalan_penuh,
    pengaturan_peta,
    pilihan_bahasa,
    posisi_sekarang,
    pulihkan_bahasa,
    rapikan_pengaturan,
    sudah_diinisialisasi,
)
from ui.foto import siapkan_foto
from ui.kelola import pengguna_masuk
from ui.laporan import tabel_laporan
from ui.md import aman_md, aman_md_html
from ui.merek import kepala_merek
from ui.muat import muat
from ui.navigasi import menu
from ui.pengaman import jalankan_halaman
from ui.peta import gambar_peta, gaya_legenda, siapkan_aset, terapkan_klik
from ui.ringkasan import kartu_kpi
from ui.tingkat import jenjang_halaman, remah
from ui.waktu import keterangan_waktu

# A folded map drawn in plain-ASCII SVG (sent inline as a data URL): an emoji makes Streamlit import its 86 kB emoji
# table (~0.1 s CPU on a fresh server), and a Material icon makes the browser fetch it from Google's fonts (#26).
_IKON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#2e7d6b" d="M2 5l7-3 6 3 7-3v17l-7 3'
         '-6-3-7 3z"/><path fill="none" stroke="#fff" stroke-width="1.4" d="M9 2v17M15 5v17"/></svg>')
st.set_page_config(page_title="Peta Potensi KIM", page_icon=_IKON, layout="wide", initial_sidebar_state="auto")

_CSS = """
<style>
.block-container { padding-top: 2.2rem; }
h1 { font-size: 2rem !important; padding-bottom: .2rem !important; }
.kim-lencana-catatan { display:inline-block; margin:0 6px 4px 0; padding:2px 10px; border-radius:12px; font-size:.85rem;
  background:#fff4d6; color:#5c4300; border:1px solid #f0d27a; }
.kim-waktu { margin: 0 0 .35rem 0; }
.kim-subjudul { font-size: .875rem; color: #58626a; margin: 0 0 .6rem 0; }
.kim-tabel-posisi { margin: 0; text-align: center; white-space: nowrap; }
/* The detail's close button in its card's top right corner, out of the flow: no row container per click (#26). */
.st-key-kim_detail { position: relative; }
.st-key-kim_detail .st-key-kim_tutup_detail { position: absolute; top: .6rem; right: .6rem; width: auto; z-index: 1; }
.st-key-kim_detail h4 { padding-right: 2.8rem; }
@media (max-width: 640px) {
  /* Below the fixed header with the sidebar button, which covered the office's first line. */
  .block-container { padding-top: 3.6rem; }
  h1 { font-size: 1.6rem !important; }
  /* The table's page buttons side by side; the page number and the download under them. */
  .st-key-kim_tabel_hal [data-testid="stHorizontalBlock"] { flex-wrap: wrap; flex-direction: row; }
  .st-key-kim_tabel_hal [data-testid="stColumn"] { flex: 1 1 40% !important; min-width: 0 !important; }
  .st-key-kim_tabel_hal [data-testid="stColumn"]:nth-child(2) { order: 3; flex: 0 1 auto !important; }
  .st-key-kim_tabel_hal [data-testid="stColumn"]:last-child { order: 4; flex: 1 1 50% !important; }
}
</style>
"""


def _berkas_salah(laporan) -> str:
    """The files (or database tables) the errors are in: the real culprits, not the usual suspects."""
    return ", ".join(aman_md(b) for b in dict.fromkeys(m.berkas for m in laporan.galat))


def _laporan(dataset: Dataset, bahasa: str) -> None:
    """Invalid data: the whole validation report, in words, and nothing else."""
    st.error(f"**{t('data_tidak_sah', bahasa)}** ({_berkas_salah(dataset.laporan)})")
    st.markdown(t("data_tidak_sah_bantuan", bahasa))
    tabel_laporan(dataset.laporan)


def _catatan_penyunting(bahasa: str) -> None:
    """Stored data that no longer loads while the last valid version is shown: told to editors only."""
    laporan = laporan_tidak_sah()
    if laporan is None or not pengguna_masuk():
        return
    st.warning(t("data_lama_disajikan", bahasa, berkas=_berkas_salah(laporan)))
    with st.expander(t("data_lama_rincian", bahasa, n=len(laporan.galat))):
        tabel_laporan(laporan)


def _keterangan(tampilan: Tampilan, pesan_url: tuple[str, ...], waktu: str, kartu: str, bahasa: str) -> None:
    """Under the title, in one element: what the page shows (region and filter), the sample-data,
    schematic-boundary and unreachable-basemap notices, the date line (``waktu``) and the cards
    (``kartu``), both HTML; then the data's warnings, and a link's unusable parameters, once."""
    dataset = tampilan.dataset
    lencana = []
    if dataset.data_contoh:
        lencana.append(t("catatan_contoh", bahasa))
    if dataset.skematik:
        lencana.append(t("catatan_skematik", bahasa, **sebutan(dataset, bahasa=bahasa)))
    if not peta_dasar_terjangkau(tampilan.keadaan.basemap):
        lencana.append(t("basemap_tak_terjangkau", bahasa))  # the map is drawn on a plain background (ui/peta.py)
    # The region's name and the filter (a search typed by the user) are data: escaped for HTML and Markdown.
    judul = aman_md_html(t("subjudul", bahasa, wilayah=dataset.wilayah.nama) + " · " + deskripsi_filter(tampilan.filter, bahasa, dataset.wilayah))
    # The notices are our own fixed strings, the date line our dates and numbers: nothing to escape.
    html = "".join(f'<span class="kim-lencana-catatan">{_tebal(c)}</span>' for c in lencana)
    st.html(f'<p class="kim-subjudul">{judul}</p>' + (f'<div class="kim-catatan" role="note">{html}</div>' if html else "")
            + waktu + kartu)
    if dataset.laporan.peringatan:
        with st.expander(t("peringatan_data", bahasa, n=len(dataset.laporan.peringatan))):
            # Plain text: a code block would load the code highlighter (1.5 MB) for a box seldom opened.
            st.text("\n".join(str(m) for m in dataset.laporan.peringatan))
    for pesan in pesan_url:
        st.warning(t("param_salah", bahasa, pesan=aman_md(pesan)))  # from the URL: plain text only


def _tebal(teks: str) -> str:
    bagian = teks.split("**")
    return "".join(f"<strong>{b}</strong>" if i % 2 else b for i, b in enumerate(bagian))


def _sinkron_url(keadaan: Keadaan, dataset: Dataset) -> None:
    """Keep the address bar equal to the view, so copying it shares the view."""
    baru = ke_param(keadaan, dataset)
    lama = {k: st.query_params.get_all(k) for k in st.query_params}
    if lama != baru:
        st.query_params.from_dict(baru)


def _dataset_sah(bahasa: str) -> Dataset | None:
    """The data to draw, or None after saying in words why there is none (the page and the view's fragment alike)."""
    try:
        dataset = muat()
    except GalatData as exc:
        st.error(aman_md(exc))  # may name a database URL: shown as plain text
        return None
    if not dataset.ok:
        _laporan(dataset, bahasa)
        return None
    return dataset


def halaman() -> None:
    """What a filter never changes (menu, brand, title, the date and map settings, the language control)
    around the view's fragment.

    The menu, the brand and the title are drawn into containers made first and filled after the view, so
    the map is the first element sent and the title stands above whatever the view draws (a load error
    too). Sending the map first does not make the browser draw it sooner: it renders the first page's
    messages in one pass, in page order (README, "putaran keenam").
    """
    pulihkan_bahasa()  # a link's language, back from another page
    url_aset = siapkan_aset()
    bahasa = bahasa_aktif()
    sisi, kepala = st.sidebar.container(), st.container()
    dataset = _dataset_sah(bahasa)
    if dataset is not None and not sudah_diinisialisasi():
        keadaan_url = dari_param({k: st.query_params.get_all(k) for k in st.query_params}, dataset)
        inisialisasi(keadaan_url)
        catat_pesan_url(keadaan_url.catatan)
    tunggu_peta = dataset is not None and tunda.tertunda()  # a browser's first visit: the map first (ui/tunda.py)
    if dataset is not None:
        mulai_jalan_penuh()  # also: the sections under the view are drawn after it (ui/bagian.py)
        hasil = _tampilan(url_aset)
        if hasil is not None and not tunggu_peta:
            bagian.gambar(*hasil)  # under the view, outside its fragment (ui/bagian.py)
    # Our own fixed CSS (the page's, the legend's) travels with the shared one: one element. The rule under the
    # links comes with the filters' heading (judul_filter).
    menu(bahasa, gaya=_CSS + gaya_legenda(), wadah=sisi, garis=False, tautan=not tunggu_peta)
    with kepala:
        if dataset is not None:
            _catatan_penyunting(bahasa)
            kepala_merek(dataset)
        st.title(t("judul", bahasa))
    if dataset is None:
        return
    if tunggu_peta:
        tunda.penjaga()
        return
    with sisi:
        judul_filter()
    pengaturan_peta(dataset, jenjang_halaman(dataset))  # under the filters, outside the fragment
    pilihan_bahasa()


@st.fragment
def _tampilan(url_aset: str) -> tuple[Tampilan, str | None, str] | None:
    """The view: filters, cards, map and detail. A fragment, so a filter or map click reruns this and
    nothing around it (issue #26): not the menu, the title, the date and map settings, the language
    control or the closed sections under it. The data is asked for again: another server may have saved.
    On a whole-page run, returns what the sections are drawn from (View, selected unit, language)."""
    return jalankan_halaman(lambda: _isi_tampilan(url_aset))


def _isi_tampilan(url_aset: str) -> tuple[Tampilan, str | None, str] | None:
    dataset = _dataset_sah(bahasa_aktif())
    if dataset is None:
        return None
    tunda.lengkapi_bila_tergambar(KUNCI_PETA)  # the map reported its first view drawn: the page runs whole
    tunggu_peta = tunda.tertunda()
    jenjang = jenjang_halaman(dataset)  # first, so the sidebar names the units the map will show
    if jenjang_pengaturan_basi(jenjang):
        st.rerun()  # a drill-down: the map settings' labels name the level, so the whole page runs
    rapikan_pengaturan(dataset)
    keadaan = dengan_jenjang(keadaan_sidebar(dataset, jenjang), dataset, jenjang)
    bahasa = keadaan.bahasa
    tampilan = tampilkan(dataset, keadaan)  # the View: every figure, map, file and chart below comes from it
    terapkan_klik(tampilan)

    siapkan_foto(dataset)
    # Where things stand: the notes and cards, then the map beside the detail. What is drawn first: the map
    # (its frame loads while the rest renders), then the cards, the filters and the detail (issue #26).
    atas = st.container()
    kiri, kanan = st.columns([0.64, 0.36], gap="medium")
    pilihan, kode = siapkan_pilihan(tampilan, bahasa)
    # The map's zoom and centre are map settings: no row is recomputed when the user pans.
    tampilan = tampilan.dengan(kelurahan=kode, **posisi_sekarang())
    if bagian.basi(tampilan):
        st.rerun()  # an open section under the view follows it: the whole page runs (ui/bagian.py)
    try:
        with kiri:
            gambar_peta(tampilan, url_aset, lapor=tunggu_peta)
        with atas:
            _keterangan(tampilan, ambil_pesan_url(buang=not tunggu_peta), keterangan_waktu(tampilan, bahasa), kartu_kpi(tampilan, bahasa), bahasa)
            if not len(tampilan.potensi):
                st.info(t("kosong", bahasa))
            remah(dataset, jenjang, bahasa)
    finally:
        # Always drawn: a widget missing from a whole-page run loses its value, and a failed map must not
        # also reset the user's filters (the error itself is reported by ui.pengaman).
        if not tunggu_peta:  # a browser's first visit: the filters come once the map is drawn (ui/tunda.py)
            gambar_filter(dataset, jenjang, keadaan)
    if not tunggu_peta:
        with kanan:
            st.markdown(f"**{t('detail', bahasa, **sebutan_tampilan(tampilan, bahasa))}**")
            gambar_pilihan(pilihan, bahasa)
            panel(tampilan, kode, bahasa)
    _sinkron_url(tampilan.keadaan, dataset)
    return tampilan, kode, bahasa


jalankan_halaman(halaman)
