"""Overview: KPI cards, the sortable table and the charts, all from one view."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from geo.i18n import angka, persen, t, tanggal
from geo.peta.data import gaya_status
from geo.tampilan.susun import Tampilan
from ui.tabel import tabel_potensi
from ui.waktu import angka_tidak_aktif

# Status colours for charts: green / amber / grey, readable for colour-blind users by lightness too.
_WARNA_GAYA = {"aktif": "#1b7837", "kurang": "#e6a100", "tidak": "#9aa3ab"}


def angka_kpi(tampilan: Tampilan) -> dict[str, float | int | None]:
    """KIM, potentials, % active and members of the view (sums of the per-kelurahan summary)."""
    r, p = tampilan.ringkasan, tampilan.potensi
    potensi = int(r["jumlah_potensi"].sum()) if len(r) else 0
    aktif = int(r["jumlah_aktif"].sum()) if len(r) else 0
    return {
        "kim": int(p[["kode_kelurahan", "nama_kim"]].drop_duplicates().shape[0]) if len(p) else 0,
        "kelurahan": len(r),
        "potensi": potensi,
        "aktif": aktif,
        "persen_aktif": round(100 * aktif / potensi, 1) if potensi else None,
        "anggota": int(r["jumlah_anggota"].sum()) if len(r) else 0,
    }


def kartu_kpi(tampilan: Tampilan, bahasa: str) -> None:
    k = angka_kpi(tampilan)
    with st.container(key="kim_kpi"):
        _kartu(k, bahasa, tampilan)


def _kartu(k: dict, bahasa: str, tampilan: Tampilan | None = None) -> None:
    tidak_aktif = angka_tidak_aktif(tampilan) if tampilan is not None else None
    c1, c2, c3, c4, *c5 = st.columns(5 if tidak_aktif else 4)
    c1.metric(t("kpi_kim", bahasa), angka(k["kim"], bahasa), help=t("kpi_dari", bahasa, n=angka(k["kelurahan"], bahasa)), border=True)
    c2.metric(t("kpi_potensi", bahasa), angka(k["potensi"], bahasa), border=True)
    c3.metric(t("kpi_aktif", bahasa), persen(k["persen_aktif"], bahasa), help=t("kpi_aktif_bantu", bahasa, n=angka(k["aktif"], bahasa)), border=True)
    c4.metric(t("kpi_anggota", bahasa), angka(k["anggota"], bahasa), border=True)
    if tidak_aktif:
        n, m = tidak_aktif
        c5[0].metric(t("kpi_tidak_aktif", bahasa, m=m), angka(n, bahasa), border=True,
                     help=t("kpi_tidak_aktif_bantu", bahasa, m=m, pada=tanggal(tampilan.pada, bahasa)))


def grafik_kategori(tampilan: Tampilan, bahasa: str) -> alt.Chart:
    wil = tampilan.dataset.wilayah
    hitung = tampilan.potensi["kategori_potensi"].value_counts().reindex(list(wil.kategori_potensi), fill_value=0)
    data = pd.DataFrame({"kategori": hitung.index, "jumlah": hitung.to_numpy()})
    warna = wil.warna_kategori()
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("kategori:N", sort=list(wil.kategori_potensi), title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("jumlah:Q", title=t("jumlah", bahasa), axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("kategori:N", scale=alt.Scale(domain=list(warna), range=list(warna.values())), legend=None),
            tooltip=[alt.Tooltip("kategori:N", title=t("kategori_potensi", bahasa)), alt.Tooltip("jumlah:Q", title=t("jumlah", bahasa))],
        )
        .properties(height=alt.Step(26))  # a numeric height gets squeezed by the page
    )


def grafik_status(tampilan: Tampilan, bahasa: str) -> alt.Chart:
    wil = tampilan.dataset.wilayah
    kecamatan = list(dict.fromkeys(tampilan.ringkasan["kecamatan"])) if len(tampilan.ringkasan) else []
    silang = pd.crosstab(tampilan.potensi["kecamatan"], tampilan.potensi["status_aktivitas"]) if len(tampilan.potensi) else pd.DataFrame()
    silang = silang.reindex(index=kecamatan, columns=list(wil.status_aktivitas), fill_value=0)
    data = silang.rename_axis(index="kecamatan", columns="status").stack().rename("jumlah").reset_index()
    status = list(wil.status_aktivitas)
    warna = [_WARNA_GAYA[g] for g in gaya_status(wil.status_aktivitas)]
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("kecamatan:N", sort=kecamatan, title=None, axis=alt.Axis(labelLimit=220)),
            x=alt.X("jumlah:Q", title=t("jumlah", bahasa), axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("status:N", scale=alt.Scale(domain=status, range=warna), sort=status,
                            legend=alt.Legend(title=None, orient="top")),
            order=alt.Order("urut:Q"),
            tooltip=[alt.Tooltip("kecamatan:N", title=t("kecamatan", bahasa)), alt.Tooltip("status:N", title=t("status_aktivitas", bahasa)),
                     alt.Tooltip("jumlah:Q", title=t("jumlah", bahasa))],
        )
        .transform_calculate(urut=f"indexof({status!r}, datum.status)")
        .properties(height=alt.Step(34))
    )


def bagian_ringkasan(tampilan: Tampilan, bahasa: str) -> None:
    """The table of filtered potentials and the two charts."""
    st.subheader(t("ringkasan", bahasa))
    kiri, kanan = st.columns(2)
    with kiri:
        st.markdown(f"**{t('grafik_kategori', bahasa)}**")
        st.altair_chart(grafik_kategori(tampilan, bahasa), width="stretch")
    with kanan:
        st.markdown(f"**{t('grafik_status', bahasa)}**")
        st.altair_chart(grafik_status(tampilan, bahasa), width="stretch")
    st.markdown(f"**{t('tabel_potensi', bahasa)}** · {angka(len(tampilan.potensi), bahasa)}")
    st.caption(t("tabel_bantu", bahasa))
    kolom = ["id_potensi", "nama_kim", "kelurahan", "kecamatan", "nama_potensi", "kategori_potensi", "status_aktivitas",
             "status_tercatat", "jumlah_anggota", "kegiatan_terakhir", "kontak"]  # status_tercatat only with an activity log
    tabel_potensi(pd.DataFrame(tampilan.potensi), kolom, bahasa, key="kim_tabel_potensi", tinggi=min(420, 38 + 35 * max(1, len(tampilan.potensi))))
