"""Overview: KPI cards, the sortable table and the charts, all from one view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.i18n import angka, nilai_metrik, t, tanggal
from geo.tampilan.grafik import judul_status, spek_kategori, spek_status
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan
from ui.tabel import gambar_tabel_potensi
from ui.waktu import angka_tidak_aktif

# Rows the table below the map carries: a browser table of 400,000 rows is megabytes per rerun and
# unreadable anyway; past this the page says so and offers every row as a CSV.
MAKS_BARIS_TABEL = 2_000


def angka_kpi(tampilan: Tampilan) -> dict[str, float | int | None]:
    """KIM, potentials, % active and members of the view (see :func:`geo.tampilan.angka.angka_utama`)."""
    return tampilan.angka.as_dict()


def kartu_kpi(tampilan: Tampilan, bahasa: str) -> None:
    k = angka_kpi(tampilan)
    with st.container(key="kim_kpi"):
        _kartu(k, bahasa, tampilan)


def _kartu(k: dict, bahasa: str, tampilan: Tampilan | None = None) -> None:
    tidak_aktif = angka_tidak_aktif(tampilan) if tampilan is not None else None
    c1, c2, c3, c4, *c5 = st.columns(5 if tidak_aktif else 4)
    c1.metric(t("kpi_kim", bahasa), angka(k["kim"], bahasa), help=t("kpi_dari", bahasa, n=angka(k["kelurahan"], bahasa), **(sebutan_tampilan(tampilan, bahasa) if tampilan else {})), border=True)
    c2.metric(t("kpi_potensi", bahasa), angka(k["potensi"], bahasa), border=True)
    c3.metric(t("kpi_aktif", bahasa), nilai_metrik("persen_aktif", k["persen_aktif"], bahasa), help=t("kpi_aktif_bantu", bahasa, n=angka(k["aktif"], bahasa)), border=True)
    c4.metric(t("kpi_anggota", bahasa), angka(k["anggota"], bahasa), border=True)
    if tidak_aktif:
        n, m = tidak_aktif
        c5[0].metric(t("kpi_tidak_aktif", bahasa, m=m), angka(n, bahasa), border=True,
                     help=t("kpi_tidak_aktif_bantu", bahasa, m=m, pada=tanggal(tampilan.pada, bahasa)))


def bagian_ringkasan(tampilan: Tampilan, bahasa: str) -> None:
    """The table of filtered potentials (the first :data:`MAKS_BARIS_TABEL`) and the two charts.

    The charts sit in a section opened on demand: closed, they are neither computed nor
    sent (about 30 KB of Vega-Lite per filter click, issue #26).
    """
    st.subheader(t("ringkasan", bahasa))
    grafik = st.expander(t("grafik", bahasa), key="kim_buka_grafik", on_change="rerun", icon=":material/bar_chart:")
    if grafik.open:
        with grafik:
            kiri, kanan = st.columns(2)
            with kiri:
                st.markdown(f"**{t('grafik_kategori', bahasa)}**")
                st.vega_lite_chart(spec=spek_kategori(tampilan, bahasa), width="stretch")
            with kanan:
                st.markdown(f"**{judul_status(tampilan, bahasa)}**")
                st.vega_lite_chart(spec=spek_status(tampilan, bahasa), width="stretch")
    st.markdown(f"**{t('tabel_potensi', bahasa)}** · {angka(len(tampilan.potensi), bahasa)}")
    n = len(tampilan.potensi)
    if n > MAKS_BARIS_TABEL:
        _tabel_terpotong(tampilan, bahasa)
    else:
        st.caption(t("tabel_bantu", bahasa))
    kolom = ["id_potensi", "nama_kim", "kelurahan", "kecamatan", "nama_potensi", "kategori_potensi", "status_aktivitas",
             "status_tercatat", "jumlah_anggota", "kegiatan_terakhir", "kontak"]  # status_tercatat only with an activity log
    gambar_tabel_potensi(pd.DataFrame(tampilan.potensi.iloc[:MAKS_BARIS_TABEL]), kolom, bahasa, key="kim_tabel_potensi",
                         tinggi=min(420, 38 + 35 * max(1, min(n, MAKS_BARIS_TABEL))))


def _tabel_terpotong(tampilan: Tampilan, bahasa: str) -> None:
    """Above the cap: say which rows the table shows, and hand over all of them as a CSV."""
    from geo.ekspor import FORMAT, OpsiEkspor, nama_berkas
    from ui.ekspor import pembuat

    kiri, kanan = st.columns([0.7, 0.3], vertical_alignment="center")
    kiri.caption(t("tabel_terpotong", bahasa, n=angka(MAKS_BARIS_TABEL, bahasa), total=angka(len(tampilan.potensi), bahasa)))
    opsi = OpsiEkspor()
    kanan.download_button(t("tabel_unduh_semua", bahasa), data=pembuat("csv", tampilan, opsi), file_name=nama_berkas(tampilan, "csv", opsi),
                          mime=FORMAT["csv"].mime, key="kim_tabel_unduh", on_click="ignore", icon=":material/download:",
                          width="stretch")
