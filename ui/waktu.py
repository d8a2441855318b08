"""The page's time control and what it adds: the date caption, the dormancy KPI,
the comparison line, each KIM's activities and the monthly timeline.

Every number comes from the one ``Tampilan`` (its ``pada``/``banding``); this
module only draws.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from geo.i18n import angka, t, tanggal
from geo.masuk.dataset import Dataset
from geo.tampilan.banding import kim_tidak_aktif
from geo.tampilan.grafik import spek_garis_waktu
from geo.tampilan.kalimat import kalimat_banding
from geo.tampilan.metrik import METRIK_BAWAAN
from geo.tampilan.sebutan import jenis_dalam, sebutan_tampilan
from geo.tampilan.susun import Tampilan
from geo.tampilan.waktu import aturan_waktu, rentang_log
from ui.md import aman_md


def kontrol_waktu(dataset: Dataset, bahasa: str, kunci_pada: str, kunci_banding: str, kunci_metrik: str) -> tuple[dt.date | None, dt.date | None]:
    """The two date pickers (only when the dataset has an activity log)."""
    rentang = rentang_log(dataset.kegiatan)
    if rentang is None:
        return None, None
    awal, akhir = rentang
    for kunci in (kunci_pada, kunci_banding):  # a stale date from another data version
        nilai = st.session_state.get(kunci)
        if nilai is not None and not awal <= nilai <= akhir:
            st.session_state[kunci] = None
    aturan = aturan_waktu(dataset.wilayah)

    def _saat_banding() -> None:
        # A comparison date asks for the change map; clearing it returns to the default metric.
        if st.session_state.get(kunci_banding):
            st.session_state[kunci_metrik] = "perubahan_aktif"
        elif st.session_state.get(kunci_metrik) == "perubahan_aktif":
            st.session_state[kunci_metrik] = METRIK_BAWAAN

    st.markdown(f"### {t('waktu', bahasa)}")
    pada = st.date_input(t("waktu_pada", bahasa), min_value=awal, max_value=akhir, format="DD/MM/YYYY", key=kunci_pada,
                         help=t("waktu_pada_bantu", bahasa, n=aturan.bulan_aktif, m=aturan.bulan_kurang_aktif))
    banding = st.date_input(t("waktu_banding", bahasa), min_value=awal, max_value=akhir, format="DD/MM/YYYY", key=kunci_banding,
                            help=t("waktu_banding_bantu", bahasa, unit=jenis_dalam(dataset)), on_change=_saat_banding)
    return pada or None, banding or None


def keterangan_waktu(tampilan: Tampilan, bahasa: str) -> None:
    """One line saying which date the page shows, and the region's change when comparing."""
    if tampilan.pada is None:
        return
    pada = tanggal(tampilan.pada, bahasa)
    if tampilan.banding is None:
        st.markdown(f'<div class="kim-waktu">{_md_html(t("waktu_keadaan", bahasa, pada=pada))}</div>', unsafe_allow_html=True)
        return
    r = tampilan.ringkasan
    baris = [
        t("waktu_keadaan_banding", bahasa, pada=pada, banding=tanggal(tampilan.banding, bahasa)),
        kalimat_banding(r, tampilan.dataset.wilayah, tampilan.pada, tampilan.banding, bahasa),
    ]
    st.markdown("".join(f'<div class="kim-waktu">{_md_html(x)}</div>' for x in baris), unsafe_allow_html=True)


def _md_html(teks: str) -> str:
    # Our own strings with dates and numbers only (no data text): bold marks to <strong>.
    bagian = teks.split("**")
    return "".join(f"<strong>{x}</strong>" if i % 2 else x for i, x in enumerate(bagian))


def angka_tidak_aktif(tampilan: Tampilan) -> tuple[int, int] | None:
    """(KIM inactive for M+ whole months, M) for the KPI card; None without a log."""
    if tampilan.pada is None:
        return None
    m = aturan_waktu(tampilan.dataset.wilayah).bulan_kurang_aktif
    return kim_tidak_aktif(tampilan.potensi, m, tampilan.kode.kim if tampilan.kode is not None else None), m


def kegiatan_kelurahan(tampilan: Tampilan, kode: str) -> pd.DataFrame:
    """The kelurahan's activities up to ``pada``, newest first."""
    log = tampilan.dataset.kegiatan
    if log is None or tampilan.pada is None:
        return pd.DataFrame()
    pot = tampilan.dataset.potensi
    pot = pot[pot["kode_kelurahan"] == kode][["id_potensi", "nama_potensi"]]
    hasil = log[log["id_potensi"].isin(pot["id_potensi"]) & (log["tanggal"] <= pd.Timestamp(tampilan.pada))]
    hasil = hasil.merge(pot, on="id_potensi", how="left").sort_values("tanggal", ascending=False)
    return hasil[["tanggal", "nama_potensi", "jenis_kegiatan", "peserta", "keterangan"]]


def bagian_garis_waktu(tampilan: Tampilan, bahasa: str, kode: str | None) -> None:
    """The region's timeline, and the selected kelurahan's beside it."""
    grafik = spek_garis_waktu(tampilan, bahasa)
    if grafik is None:
        return
    with st.container(key="kim_garis_waktu"):
        if kode:
            kiri, kanan = st.columns(2)
            nama = tampilan.dataset.batas.loc[tampilan.dataset.batas["kode"] == kode, "kelurahan"].iloc[0]
            with kiri:
                st.markdown(f"**{t('garis_waktu', bahasa)}** · {aman_md(tampilan.dataset.wilayah.nama)}")
                st.vega_lite_chart(grafik, width="stretch")
            with kanan:
                st.markdown(f"**{t('garis_waktu_kel', bahasa, nama=aman_md(nama))}**")
                st.vega_lite_chart(spek_garis_waktu(tampilan, bahasa, kode), width="stretch")
        else:
            st.markdown(f"**{t('garis_waktu', bahasa)}** · {aman_md(tampilan.dataset.wilayah.nama)}")
            st.vega_lite_chart(grafik, width="stretch")


def detail_waktu(tampilan: Tampilan, kode: str, potensi: pd.DataFrame, bahasa: str) -> None:
    """In the detail panel: the comparison for this kelurahan, disagreements, and its KIM's activities."""
    if tampilan.pada is None:
        return
    if tampilan.banding is not None:
        r = tampilan.ringkasan.set_index("kode")
        if kode in r.index:
            b = r.loc[kode]
            st.markdown(
                f'<div class="kim-banding-kelurahan">{_md_html(t("banding_kelurahan", bahasa, pada=tanggal(tampilan.pada, bahasa), banding=tanggal(tampilan.banding, bahasa)))}: '
                + _md_html(kalimat_banding(b, tampilan.dataset.wilayah, tampilan.pada, tampilan.banding, bahasa))
                + "</div>",
                unsafe_allow_html=True,
            )
    if "status_beda" in potensi and potensi["status_beda"].any():
        st.caption("⚠ " + t("status_beda", bahasa, n=angka(int(potensi["status_beda"].sum()), bahasa)))
    kegiatan = kegiatan_kelurahan(tampilan, kode)
    with st.expander(t("kegiatan_kim", bahasa, n=angka(len(kegiatan), bahasa)), expanded=False):
        if not len(kegiatan):
            st.caption(t("tanpa_kegiatan", bahasa))
            return
        data = kegiatan.reset_index(drop=True)
        gaya = data.style.format({"tanggal": lambda v: tanggal(v, bahasa)}, na_rep="–")
        st.dataframe(gaya, hide_index=True, width="stretch", height=min(320, 38 + 35 * len(data)), key="kim_tabel_kegiatan",
                     column_config={k: st.column_config.Column(t(f"kol_{k}", bahasa)) for k in data.columns})


def daftar_perubahan(tampilan: Tampilan, bahasa: str) -> None:
    """With no kelurahan picked: every kelurahan's change, gains first, so the list reads like the map."""
    if tampilan.banding is None or "perubahan_aktif" not in tampilan.ringkasan:
        return
    r = pd.DataFrame(tampilan.ringkasan[["kelurahan", "jumlah_aktif_pada", "jumlah_aktif_banding", "perubahan_aktif", "jumlah_bangkit"]])
    r = r.sort_values(["perubahan_aktif", "kelurahan"], ascending=[False, True]).reset_index(drop=True)
    pada, banding = tanggal(tampilan.pada, bahasa), tanggal(tampilan.banding, bahasa)
    st.markdown(f"**{_md_html(t('banding_kelurahan', bahasa, pada=pada, banding=banding))}**")
    st.dataframe(r, hide_index=True, width="stretch", key="kim_tabel_perubahan", height=min(420, 38 + 35 * len(r)), column_config={
        "kelurahan": st.column_config.Column(t("unit", bahasa, **sebutan_tampilan(tampilan, bahasa)), pinned=True),
        "jumlah_aktif_pada": st.column_config.NumberColumn(t("kol_aktif_pada", bahasa, tanggal=pada)),
        "jumlah_aktif_banding": st.column_config.NumberColumn(t("kol_aktif_pada", bahasa, tanggal=banding)),
        "perubahan_aktif": st.column_config.NumberColumn(t("kol_perubahan", bahasa), format="%+d"),
        "jumlah_bangkit": st.column_config.NumberColumn(t("kol_bangkit", bahasa)),
    })
