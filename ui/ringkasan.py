"""Overview: KPI cards, the sortable table and the charts, all from one view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.i18n import angka, nilai_metrik, t, tanggal
from geo.tampilan.grafik import judul_status, spek_kategori, spek_status
from geo.tampilan.halaman import Potongan, potong
from geo.tampilan.sebutan import sebutan_tampilan
from geo.tampilan.susun import Tampilan
from ui.filter import halaman_tabel, pindah_halaman_tabel
from ui.kartu import Kartu, kartu_html
from ui.tabel import gambar_tabel_potensi

# Rows one page of the table below the map carries: the rows are paged on the server, so a rerun sends
# one page (about 10 KB), never the 400,000 rows of a country; every row is in the CSV (issue #26).
BARIS_PER_HALAMAN = 50
K_BUKA_TABEL = "kim_buka_tabel"  # the table's section: open or closed, kept by Streamlit as an expander state


def angka_kpi(tampilan: Tampilan) -> dict[str, float | int | None]:
    """KIM, potentials, % active and members of the view (see :func:`geo.tampilan.angka.angka_utama`)."""
    return tampilan.angka.as_dict()


def kartu_kpi(tampilan: Tampilan, bahasa: str) -> str:
    """The cards in one wrapping row, as one HTML element (:mod:`ui.kartu`: one message per rerun, #26)."""
    k = angka_kpi(tampilan)
    kata = sebutan_tampilan(tampilan, bahasa)
    kartu = [
        Kartu(t("kpi_kim", bahasa), angka(k["kim"], bahasa), t("kpi_dari", bahasa, n=angka(k["kelurahan"], bahasa), **kata)),
        Kartu(t("kpi_potensi", bahasa), angka(k["potensi"], bahasa)),
        Kartu(t("kpi_aktif", bahasa), nilai_metrik("persen_aktif", k["persen_aktif"], bahasa),
              t("kpi_aktif_bantu", bahasa, n=angka(k["aktif"], bahasa))),
        Kartu(t("kpi_anggota", bahasa), angka(k["anggota"], bahasa)),
    ]
    if tampilan.tidak_aktif:
        n, m = tampilan.tidak_aktif
        kartu.append(Kartu(t("kpi_tidak_aktif", bahasa, m=m), angka(n, bahasa),
                           t("kpi_tidak_aktif_bantu", bahasa, m=m, pada=tanggal(tampilan.pada, bahasa))))
    return kartu_html(kartu)


def bagian_ringkasan(tampilan: Tampilan, bahasa: str) -> bool:
    """The two charts and the table of filtered potentials (one page of :data:`BARIS_PER_HALAMAN` rows).

    Closed, the charts and the table are neither computed nor sent (issue #26). Opening one reruns the
    view once; an open table's page buttons rerun the table alone (its own fragment, drawn only while open,
    so a filter click never pays for it). True when one is open.
    """
    st.subheader(t("ringkasan", bahasa))
    grafik = _grafik(tampilan, bahasa)
    return _tabel(tampilan, bahasa) or grafik


def _grafik(tampilan: Tampilan, bahasa: str) -> bool:
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
    return bool(grafik.open)


def _tabel(tampilan: Tampilan, bahasa: str) -> bool:
    """Closed, the table is neither built nor sent (issue #26). Its label is the same for every view:
    Streamlit knows an expander by its label too, so a count in it would close the table on each filter
    click (the count is the Potensi card's)."""
    bagian = st.expander(t("tabel_potensi", bahasa), key=K_BUKA_TABEL, on_change="rerun", icon=":material/table_rows:")
    if bagian.open:
        with bagian:
            _isi_tabel(tampilan, len(tampilan.potensi), bahasa)
    return bool(bagian.open)


@st.fragment
def _isi_tabel(tampilan: Tampilan, n: int, bahasa: str) -> None:
    tanda = (tampilan.filter, tampilan.tingkat, tampilan.wilayah, n)  # other rows start again at page 1
    hal = potong(n, BARIS_PER_HALAMAN, halaman_tabel(tanda))
    if hal.jumlah_hal > 1:
        _tabel_berhalaman(tampilan, hal, tanda, bahasa)
    else:
        st.caption(t("tabel_bantu", bahasa))
    kolom = ["id_potensi", "nama_kim", "kelurahan", "kecamatan", "nama_potensi", "kategori_potensi", "status_aktivitas",
             "status_tercatat", "jumlah_anggota", "kegiatan_terakhir", "kontak"]  # status_tercatat only with an activity log
    gambar_tabel_potensi(pd.DataFrame(tampilan.potensi.iloc[hal.awal:hal.akhir]), kolom, bahasa, key="kim_tabel_potensi",
                         wilayah=tampilan.dataset.wilayah, tinggi=min(420, 38 + 35 * max(1, hal.akhir - hal.awal)))


def _tabel_berhalaman(tampilan: Tampilan, hal: Potongan, tanda: tuple, bahasa: str) -> None:
    """More rows than a page: say which rows the table shows, page buttons, and every row as a CSV."""
    from geo.ekspor import FORMAT, OpsiEkspor, nama_berkas
    from ui.ekspor import pembuat

    total = angka(hal.total, bahasa)
    if hal.hal == 0:
        st.caption(t("tabel_terpotong", bahasa, n=angka(hal.akhir, bahasa), total=total))
    else:
        st.caption(t("tabel_halaman_ini", bahasa, awal=angka(hal.awal + 1, bahasa), akhir=angka(hal.akhir, bahasa), total=total))
    mundur, posisi, maju, unduh = st.container(key="kim_tabel_hal").columns([0.2, 0.25, 0.2, 0.35], vertical_alignment="center")
    mundur.button(t("tabel_sebelumnya", bahasa), key="kim_tabel_mundur", icon=":material/chevron_left:", width="stretch",
                  disabled=hal.hal == 0, on_click=pindah_halaman_tabel, args=(tanda, hal.hal - 1))
    # Our own words and numbers: nothing to escape.
    posisi.html(f'<p class="kim-tabel-posisi" aria-live="polite">{t("tabel_hal", bahasa, hal=angka(hal.hal + 1, bahasa), n=angka(hal.jumlah_hal, bahasa))}</p>')
    maju.button(t("tabel_berikutnya", bahasa), key="kim_tabel_maju", icon=":material/chevron_right:", width="stretch",
                disabled=hal.hal + 1 >= hal.jumlah_hal, on_click=pindah_halaman_tabel, args=(tanda, hal.hal + 1))
    opsi = OpsiEkspor()
    unduh.download_button(t("tabel_unduh_semua", bahasa), data=pembuat("csv", tampilan, opsi), file_name=nama_berkas(tampilan, "csv", opsi),
                          mime=FORMAT["csv"].mime, key="kim_tabel_unduh", on_click="ignore", icon=":material/download:",
                          width="stretch")
