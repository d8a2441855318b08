"""The "Anggaran" page's pieces: filters, cards, allocation map, plan table, RAB downloads.

Every figure comes from :func:`geo.anggaran.ringkas.ringkas_anggaran`, the
same computation as the RAB files and ``python -m geo anggaran ringkasan``.
Filters use the main map's URL parameters, so the same link syntax works on
both pages; the widgets have their own keys so neither page resets the other.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import format_id
from geo.anggaran.peta import NILAI_BAWAAN, NILAI_PETA, label_nilai, peta_anggaran
from geo.anggaran.rencana import Rencana
from geo.anggaran.ringkas import RingkasanAnggaran
from geo.anggaran.uang import rupiah
from geo.ekspor.nama_berkas import nama_berkas
from geo.ekspor.rab import FORMAT_RAB, buat_rab
from geo.i18n import t
from geo.masuk.dataset import Dataset
from geo.peta.ubin import peta_dasar_terjangkau
from geo.tampilan.keadaan import Keadaan, dari_param, ke_param
from geo.tampilan.saring import Filter
from geo.tampilan.sebutan import sebutan
from geo.tampilan.susun import Tampilan
from ui.filter import filter_kosakata

PARAM_NILAI = "nilai"
KUNCI_NILAI = "w_anggaran_nilai"
KUNCI = {nama: f"w_anggaran_{nama}" for nama in ("kategori", "status", "kecamatan", "cari")}
KUNCI_INIT = "anggaran_keadaan_awal"
KOLOM_TABEL = {
    "id_baris": "id_baris", "kelurahan": "Kelurahan", "nama_kim": "KIM", "id_potensi": "id_potensi", "kegiatan": "Kegiatan",
    "jenis_belanja": "Jenis belanja", "kode_rekening": "Kode rekening", "koefisien": "Koefisien", "satuan_koefisien": "Satuan",
    "harga_satuan": "Harga satuan", "ppn_persen": "PPN %", "jumlah": "Jumlah",
    "target": "Target", "keterangan": "Keterangan",
}
# The headings that are words (not names or ids) follow the page's language.
KOLOM_TABEL_EN = {"kegiatan": "a_kol_kegiatan", "jenis_belanja": "a_kol_jenis", "kode_rekening": "a_kol_rekening",
                  "koefisien": "a_kol_koefisien", "satuan_koefisien": "a_kol_satuan", "harga_satuan": "a_kol_harga", "jumlah": "a_kol_jumlah",
                  "target": "a_kol_target", "keterangan": "a_kol_keterangan"}


def _param() -> dict[str, list[str]]:
    return {k: st.query_params.get_all(k) for k in st.query_params}


def mulai_dari_url(dataset: Dataset) -> Keadaan | None:
    """On a fresh session, put the link's filters and map value into the widgets; returns what the link said."""
    if KUNCI_INIT in st.session_state:
        return None
    param = _param()
    keadaan = dari_param(param, dataset)
    for nama in ("kategori", "status", "kecamatan"):
        st.session_state[KUNCI[nama]] = list(getattr(keadaan.filter, nama))
    st.session_state[KUNCI["cari"]] = keadaan.filter.cari
    nilai = (param.get(PARAM_NILAI) or [NILAI_BAWAAN])[0]
    catatan = list(keadaan.catatan)
    if nilai not in NILAI_PETA:
        catatan.append(f"Nilai peta '{nilai}' tidak dikenal. Pilihan: {', '.join(NILAI_PETA)}.")
        nilai = NILAI_BAWAAN
    st.session_state[KUNCI_NILAI] = nilai
    st.session_state[KUNCI_INIT] = True
    return replace(keadaan, catatan=tuple(catatan))


def sidebar(dataset: Dataset, bahasa: str = "id") -> tuple[Filter, str]:
    """Filters and what the map colours."""
    wil = dataset.wilayah
    for kunci in (KUNCI["kategori"], KUNCI["status"], KUNCI["kecamatan"]):
        st.session_state.setdefault(kunci, [])
    st.session_state.setdefault(KUNCI["cari"], "")
    with st.sidebar:
        st.markdown(f"### {t('filter', bahasa)}")
        semua = t("semua", bahasa)
        kategori, status = filter_kosakata(wil, bahasa, KUNCI)
        kecamatan = st.multiselect(t("kecamatan", bahasa), dataset.kecamatan(), key=KUNCI["kecamatan"], placeholder=semua)
        cari = st.text_input(t("cari", bahasa), key=KUNCI["cari"], max_chars=100)
        st.markdown(f"### {t('a_peta_anggaran', bahasa)}")
        nilai = st.radio(t("a_warna_menurut", bahasa, **sebutan(dataset, bahasa=bahasa)), list(NILAI_PETA), format_func=lambda n: label_nilai(n, bahasa),
                         key=KUNCI_NILAI)
        st.caption(t("a_tautan", bahasa))
    return Filter(tuple(kategori), tuple(status), tuple(kecamatan), cari.strip()), nilai


def sinkron_url(f: Filter, nilai: str, dataset: Dataset, bahasa: str = "id") -> None:
    """Keep the address bar equal to the view (same parameters as the map page, plus ``nilai``; ``bahasa`` kept)."""
    baru = ke_param(Keadaan(filter=f, bahasa=bahasa), dataset)
    if nilai != NILAI_BAWAAN:
        baru[PARAM_NILAI] = [nilai]
    if _param() != baru:
        st.query_params.from_dict(baru)


# "Rp 200.000.000" must fit a quarter of the page (half of a phone screen) without being cut to "Rp 200.00…".
_CSS_KARTU = """<style>
.st-key-anggaran_kartu [data-testid="stMetricValue"] { font-size: 1.45rem; }
/* A rupiah figure wraps rather than ending in "…": a cut "Rp 200.000.…" reads as two hundred thousand. */
.st-key-anggaran_kartu [data-testid="stMetricValue"] > div { white-space: normal !important; overflow-wrap: anywhere; text-overflow: clip !important; }
@media (max-width: 640px) {
  .st-key-anggaran_kartu [data-testid="stMetricValue"] { font-size: 1.2rem; }
  .st-key-anggaran_kartu [data-testid="stHorizontalBlock"] { flex-wrap: wrap; flex-direction: row; }
  .st-key-anggaran_kartu [data-testid="stColumn"] { flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important; }
}
</style>"""


def kartu(r: RingkasanAnggaran, f: Filter, bahasa: str = "id") -> None:
    """Ceiling, planned total, remainder and the share going to dormant KIM (whole plan)."""
    st.html(_CSS_KARTU)  # our own fixed CSS, no data text
    with st.container(key="anggaran_kartu"):
        c1, c2, c3, c4 = st.columns(4)
        c1.metric(t("a_pagu", bahasa), rupiah(r.pagu), border=True)
        c2.metric(t("a_total", bahasa), rupiah(r.total), border=True,
                  help=None if f.kosong else t("a_dalam_filter", bahasa, jumlah=rupiah(r.total_tersaring)))
        c3.metric(t("a_sisa", bahasa), rupiah(r.sisa), border=True,
                  delta=t("a_lewat", bahasa, jumlah=rupiah(r.lewat_pagu)) if r.lewat_pagu else None, delta_color="inverse")
        c4.metric(t("a_dorman", bahasa), rupiah(r.ke_dorman), border=True, help=t("a_persen_total", bahasa, persen=format_id.angka(r.persen_dorman, bahasa=bahasa)))
    if not f.kosong:
        st.caption(t("a_dalam_filter_baris", bahasa, jumlah=rupiah(r.total_tersaring), n=len(r.baris)))


def peta(r: RingkasanAnggaran, nilai: str, url_aset: str, bahasa: str = "id") -> None:
    dasar = peta_dasar_terjangkau("osm")
    if not dasar:
        st.caption(t("a_basemap_tak_terjangkau", bahasa))
    st_folium(peta_anggaran(r, nilai, url_aset, peta_dasar=dasar, bahasa=bahasa), key="peta_anggaran", height=520,
              use_container_width=True, returned_objects=[])


def tabel_kelurahan(r: RingkasanAnggaran, bahasa: str = "id") -> None:
    per = pd.DataFrame(r.per_kelurahan.drop(columns="geometry"))
    tampil = pd.DataFrame({  # the KIM's name is in the map's tooltip and the plan table; this stays narrow
        "Kelurahan": per["kelurahan"],
        t("a_kol_alokasi", bahasa): per["alokasi"].map(rupiah),
        t("a_kol_per_anggota", bahasa): per["alokasi_per_anggota"].map(lambda v: t("tanpa_data", bahasa) if pd.isna(v) else rupiah(int(v))),
        t("a_kol_dorman", bahasa): per["dorman"].map({True: t("a_ya", bahasa), False: ""}),
    })
    # Narrower than its four columns at 1366 px: the name stays pinned while the rest scrolls.
    st.dataframe(tampil, hide_index=True, width="stretch", key="anggaran_per_kelurahan",
                 column_config={"Kelurahan": st.column_config.Column("Kelurahan", pinned=True)})


def tabel_rencana(r: RingkasanAnggaran, bahasa: str = "id") -> None:
    """The plan rows that follow the filters; money shown as Rp but sorted as numbers."""
    baris = r.baris[list(KOLOM_TABEL)].reset_index(drop=True)
    gaya = baris.style.format({"harga_satuan": rupiah, "jumlah": rupiah,  # 1.000 in Indonesian: "1,000" reads as one
                               "koefisien": lambda v: format_id.angka(v, bahasa=bahasa)})
    judul = {k: t(KOLOM_TABEL_EN[k], bahasa) if k in KOLOM_TABEL_EN else v for k, v in KOLOM_TABEL.items()}
    st.dataframe(gaya, hide_index=True, width="stretch", key="anggaran_tabel",
                 column_config={k: st.column_config.Column(v, pinned=k == "id_baris" or None) for k, v in judul.items()})


def unduh(tampilan: Tampilan, rencana: Rencana, bahasa: str = "id") -> None:
    """RAB downloads, built only when clicked."""
    kolom = st.columns(len(FORMAT_RAB))
    label = {"rab-xlsx": t("a_unduh_xlsx", bahasa), "rab-pdf": t("a_unduh_pdf", bahasa)}
    for (kode, (ekstensi, mime)), tempat in zip(FORMAT_RAB.items(), kolom):
        tempat.download_button(
            label[kode], data=lambda k=kode: buat_rab(k, tampilan, rencana).data,
            file_name=nama_berkas(tampilan.dataset.wilayah.slug, tampilan.filter, ekstensi, "rab-kim"), mime=mime, key=f"anggaran_{kode}",
            on_click="ignore", icon=":material/download:", width="stretch",
        )
