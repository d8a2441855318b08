"""Kelurahan detail: its KIM, potentials, status counts and last activity."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from geo.i18n import angka, nilai_metrik, t, tanggal
from geo.tampilan.halaman import cocokkan
from geo.tampilan.rincian import rincian
from geo.tampilan.sebutan import jenis_dalam, kapital, sebutan_tampilan
from geo.tampilan.susun import Tampilan, pilihan_kelurahan
from ui.atlas import foto_dan_profil
from ui.filter import K_CARI_KELURAHAN, KUNCI, MAKS_CARI, kelurahan_terpilih, pilih_kelurahan_sesi, teks_cari_kelurahan
from ui.kartu import Kartu, kartu_html
from ui.md import aman_md
from ui.tabel import gambar_tabel_potensi
from ui.waktu import daftar_perubahan, detail_waktu

# Names one picker lists; above this the picker is a search box: a province (~2,000) or a country
# (83,000) of names is 25 KB to megabytes on every rerun. A search lists at most MAKS_COCOK matches.
MAKS_PILIHAN = 200
MAKS_COCOK = 50


@dataclass(frozen=True)
class Pilihan:
    """What the picker offers: the names it lists (code → name), its label words and a note under it."""

    nama: dict
    kata: dict
    catatan: str | None
    cari: bool  # thousands of names: a search box above the picker


def siapkan_pilihan(tampilan: Tampilan, bahasa: str) -> tuple[Pilihan, str | None]:
    """The picker's options and the selected kode, before anything is drawn (the map is drawn first, issue #26).

    A kode the options no longer hold (another filter or level) is cleared; the picker then shows none.
    """
    # A province holds thousands: offer the ones inside the unit drilled into, or a search over them.
    nama = pilihan_kelurahan(tampilan.dataset, tampilan.wilayah)
    kata = sebutan_tampilan(tampilan, bahasa)
    banyak = len(nama) if len(nama) > MAKS_PILIHAN else 0
    catatan = None
    if banyak:  # the matches of a search, and a kelurahan opened from a link or a map click
        kueri = teks_cari_kelurahan()
        cocok, n = cocokkan(nama, kueri, MAKS_COCOK)
        terpilih = kelurahan_terpilih()
        nama = {**({terpilih: nama[terpilih]} if terpilih in nama else {}), **cocok}
        if not kueri.strip():
            catatan = t("pilih_terlalu_banyak", bahasa, n=angka(banyak, bahasa), **kata)
        elif not n:
            catatan = t("cari_satuan_nihil", bahasa, kueri=aman_md(kueri.strip()), **kata)
        elif n > len(cocok):
            catatan = t("cari_satuan_cocok", bahasa, n=angka(n, bahasa), k=angka(len(cocok), bahasa), **kata)
    if kelurahan_terpilih() not in nama:
        pilih_kelurahan_sesi(None)
    return Pilihan(dict(nama), kata, catatan, bool(banyak)), kelurahan_terpilih()


def gambar_pilihan(pilihan: Pilihan, bahasa: str) -> None:
    """The picker (also set by map clicks), its search box for thousands of names, and its note."""
    kata, nama = pilihan.kata, pilihan.nama
    if pilihan.cari:
        st.text_input(t("cari_satuan", bahasa, **kata), key=K_CARI_KELURAHAN, max_chars=MAKS_CARI, placeholder=t("cari_satuan_bantu", bahasa))
    # No default (index=None): the picker can be emptied in place, and with nothing chosen a click sends it alone,
    # with no row around it and no disabled close button (issue #26); the close button is in the detail's card.
    st.selectbox(
        t("pilih_kelurahan", bahasa, **kata), list(nama), index=None, key=KUNCI["kelurahan"], format_func=nama.get,
        placeholder=t("pilih_placeholder", bahasa, **kata),
    )
    if pilihan.catatan:
        st.caption(pilihan.catatan)


def _tutup() -> None:
    pilih_kelurahan_sesi(None)


def panel(tampilan: Tampilan, kode: str | None, bahasa: str) -> None:
    """The detail of one kelurahan under the current filters."""
    kata = sebutan_tampilan(tampilan, bahasa)
    if not kode:
        # Above the desa/kelurahan a map click drills in; the list is how to open one directly.
        st.caption(t("belum_dipilih" if tampilan.tingkat == "kelurahan" else "belum_dipilih_agregat", bahasa, **kata))
        daftar_perubahan(tampilan, bahasa)
        return
    ds = tampilan.dataset
    r = rincian(tampilan, kode)
    baris, potensi, nama_kim = r.baris, r.potensi, r.nama_kim

    with st.container(border=True, key="kim_detail"):
        st.button("✕", key="kim_tutup_detail", on_click=_tutup, help=t("tutup", bahasa), type="tertiary")  # top right (CSS)
        st.markdown(f"#### {aman_md(baris['kelurahan'])}")
        # A region with desa says which each unit is; a kota of kelurahan only reads as before.
        jenis = str(baris.get("jenis_unit", "kelurahan"))
        awalan = f"{jenis.capitalize()} · " if jenis_dalam(ds) != "kelurahan" else ""
        st.caption(f"{awalan}{t('kecamatan', bahasa)} {aman_md(baris['kecamatan'])} · {kode}")
        st.markdown(f"**{t('kim', bahasa)}:** {aman_md(nama_kim) if nama_kim else t('tanpa_kim', bahasa)}")
        if tampilan.filter.kecamatan and baris["kecamatan"] not in tampilan.filter.kecamatan:
            st.info(t("kelurahan_di_luar", bahasa, nama=aman_md(baris["kelurahan"]), **{**kata, "Satuan": kapital(jenis)}))

        a = r.angka
        jumlah = angka(a.potensi, bahasa)
        if a.potensi != r.jumlah_semua:
            jumlah = f"{jumlah} / {angka(r.jumlah_semua, bahasa)}"
        st.html(kartu_html([Kartu(t("kpi_potensi", bahasa), jumlah),  # one element, not columns of metrics (#26)
                            Kartu(t("aktif", bahasa), nilai_metrik("persen_aktif", a.persen_aktif if a.potensi else None, bahasa)),
                            Kartu(t("kpi_anggota", bahasa), angka(a.anggota, bahasa))], bingkai=False))

        st.markdown(f"**{t('kegiatan_terakhir', bahasa)}:** {tanggal(r.terakhir, bahasa)}")
        st.markdown(f"**{t('jumlah_status', bahasa)}:** " + " · ".join(
            f"{aman_md(tampilan.dataset.wilayah.label(s, bahasa))} **{angka(n, bahasa)}**" for s, n in r.per_status.items()))

        if len(potensi):
            # The panel is a third of the page: the columns that fit. Dates and contacts are in
            # the marker popups and the full table below the map.
            # Status right after the name: the panel is a third of a 1366 px screen, and status is what it is read for.
            kolom = ["nama_potensi", "status_aktivitas", "kategori_potensi", "status_tercatat", "jumlah_anggota"]
            gambar_tabel_potensi(pd.DataFrame(potensi), kolom, bahasa, key="kim_tabel_detail", wilayah=tampilan.dataset.wilayah)
        else:
            st.caption(t("tanpa_potensi_filter", bahasa, **{**kata, "satuan": jenis}))
        detail_waktu(tampilan, kode, r.status_beda, bahasa)
        foto_dan_profil(tampilan, kode, str(baris["kelurahan"]), bahasa)
