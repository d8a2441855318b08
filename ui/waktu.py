"""The page's time control and what it adds: the date caption, the dormancy KPI,
the comparison line, each KIM's activities and the monthly timeline.

Every number comes from the one ``Tampilan`` (its ``pada``/``banding``); this
module only draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from geo.i18n import angka, t, tanggal
from geo.masuk.dataset import Dataset
from geo.tampilan.grafik import spek_garis_waktu
from geo.tampilan.kalimat import kalimat_banding
from geo.tampilan.kegiatan import kegiatan_kelurahan
from geo.tampilan.rincian import TotalBanding, tabel_perubahan, total_banding
from geo.tampilan.sebutan import jenis_dalam, sebutan_tampilan
from geo.tampilan.susun import Tampilan
from geo.tampilan.waktu import aturan_waktu, rentang_log
from ui.md import aman_md
from ui.tabel import kolom_kosakata

K_BUKA_WAKTU = "kim_buka_waktu"  # the date popover's open state (a CSS hook too: .st-key-kim_buka_waktu)


def kontrol_waktu(dataset: Dataset, bahasa: str, kunci_pada: str, kunci_banding: str,
                  saat_banding: Callable[[], None]) -> tuple[dt.date | None, dt.date | None]:
    """The two date pickers (only when the dataset has an activity log; stale dates are cleared by ui.filter)."""
    rentang = rentang_log(dataset.kegiatan)
    if rentang is None:
        return None, None
    awal, akhir = rentang
    aturan = aturan_waktu(dataset.wilayah)
    # In a popover, whose content the browser builds only when it is opened: the date pickers' code (about
    # 270 KB of JavaScript) is then not loaded with every page (issue #26). The dates in force are said on
    # the page itself, under the title (keterangan_waktu). The popover stays open across the reruns it causes.
    with st.popover(t("waktu", bahasa), icon=":material/event:", width="stretch", key=K_BUKA_WAKTU):
        pada = st.date_input(t("waktu_pada", bahasa), min_value=awal, max_value=akhir, format="DD/MM/YYYY", key=kunci_pada,
                             help=t("waktu_pada_bantu", bahasa, n=aturan.bulan_aktif, m=aturan.bulan_kurang_aktif))
        banding = st.date_input(t("waktu_banding", bahasa), min_value=awal, max_value=akhir, format="DD/MM/YYYY", key=kunci_banding,
                                help=t("waktu_banding_bantu", bahasa, unit=jenis_dalam(dataset)), on_change=saat_banding)
    return pada or None, banding or None


def keterangan_waktu(tampilan: Tampilan, bahasa: str) -> str:
    """The HTML line saying which date the page shows, and the region's change when comparing ('' without a log).

    HTML, not an element: the page sends it with its notes, in one element (issue #26).
    """
    if tampilan.pada is None:
        return ""
    pada = tanggal(tampilan.pada, bahasa)
    if tampilan.banding is None:
        return f'<div class="kim-waktu">{_md_html(t("waktu_keadaan", bahasa, pada=pada))}</div>'
    baris = [t("waktu_keadaan_banding", bahasa, pada=pada, banding=tanggal(tampilan.banding, bahasa))]
    total = total_banding(tampilan)
    if total is not None:
        baris.append(_ringkas_banding(total, tampilan, bahasa))
    return "".join(f'<div class="kim-waktu">{_md_html(x)}</div>' for x in baris)


def _md_html(teks: str) -> str:
    # Our own strings with dates and numbers only (no data text): bold marks to <strong>.
    bagian = teks.split("**")
    return "".join(f"<strong>{x}</strong>" if i % 2 else x for i, x in enumerate(bagian))


def bagian_garis_waktu(tampilan: Tampilan, bahasa: str, kode: str | None) -> bool:
    """The region's timeline, and the selected kelurahan's beside it, in a section opened on demand.

    Closed, it costs nothing: the timelines are computed and sent only while it is open
    (issue #26). It opens by itself when the view names a date (a link to the time view).
    Not a fragment of its own: each nested fragment costs every filter click its bookkeeping,
    and opening the section is one click, after which it follows the view like the map.
    """
    if tampilan.pada is None:  # no activity log: no history to draw
        return False
    keadaan = tampilan.keadaan
    bagian = st.expander(t("garis_waktu", bahasa), expanded=keadaan.pada is not None or keadaan.banding is not None,
                         key="kim_buka_garis_waktu", on_change="rerun", icon=":material/timeline:")
    if bagian.open:
        with bagian:
            _garis_waktu(tampilan, bahasa, kode)
    return bool(bagian.open)


def _garis_waktu(tampilan: Tampilan, bahasa: str, kode: str | None) -> None:
    grafik = spek_garis_waktu(tampilan, bahasa)
    if grafik is None:
        return
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


def _ringkas_banding(b: TotalBanding, tampilan: Tampilan, bahasa: str) -> str:
    return kalimat_banding(b, tampilan.dataset.wilayah, tampilan.pada, tampilan.banding, bahasa)


def detail_waktu(tampilan: Tampilan, kode: str, status_beda: int, bahasa: str) -> None:
    """In the detail panel: the comparison for this kelurahan, disagreements, and its KIM's activities."""
    if tampilan.pada is None:
        return
    b = total_banding(tampilan, kode)
    if b is not None:
        st.html(
            f'<div class="kim-banding-kelurahan">{_md_html(t("banding_kelurahan", bahasa, pada=tanggal(tampilan.pada, bahasa), banding=tanggal(tampilan.banding, bahasa)))}: '
            + _md_html(_ringkas_banding(b, tampilan, bahasa)) + "</div>"
        )
    if status_beda:
        st.caption("⚠ " + t("status_beda", bahasa, n=angka(status_beda, bahasa)))
    kegiatan = kegiatan_kelurahan(tampilan, kode)
    kegiatan = kegiatan if kegiatan is not None else pd.DataFrame()
    with st.expander(t("kegiatan_kim", bahasa, n=angka(len(kegiatan), bahasa)), expanded=False):
        if not len(kegiatan):
            st.caption(t("tanpa_kegiatan", bahasa))
            return
        data = kegiatan.reset_index(drop=True)
        if "jenis_kegiatan" in data:  # the type as the page's reader reads it (Wilayah.label)
            data["jenis_kegiatan"] = kolom_kosakata(data["jenis_kegiatan"], tampilan.dataset.wilayah, bahasa)
        gaya = data.style.format({"tanggal": lambda v: tanggal(v, bahasa)}, na_rep="–")
        st.dataframe(gaya, hide_index=True, width="stretch", height=min(320, 38 + 35 * len(data)), key="kim_tabel_kegiatan",
                     column_config={k: st.column_config.Column(t(f"kol_{k}", bahasa)) for k in data.columns})


def daftar_perubahan(tampilan: Tampilan, bahasa: str) -> None:
    """With no kelurahan picked: every kelurahan's change, gains first, so the list reads like the map."""
    r = tabel_perubahan(tampilan)
    if r is None:
        return
    pada, banding = tanggal(tampilan.pada, bahasa), tanggal(tampilan.banding, bahasa)
    st.markdown(f"**{_md_html(t('banding_kelurahan', bahasa, pada=pada, banding=banding))}**")
    st.dataframe(r, hide_index=True, width="stretch", key="kim_tabel_perubahan", height=min(420, 38 + 35 * len(r)), column_config={
        "kelurahan": st.column_config.Column(t("unit", bahasa, **sebutan_tampilan(tampilan, bahasa)), pinned=True),
        "jumlah_aktif_pada": st.column_config.NumberColumn(t("kol_aktif_pada", bahasa, tanggal=pada)),
        "jumlah_aktif_banding": st.column_config.NumberColumn(t("kol_aktif_pada", bahasa, tanggal=banding)),
        "perubahan_aktif": st.column_config.NumberColumn(t("kol_perubahan", bahasa), format="%+d"),
        "jumlah_bangkit": st.column_config.NumberColumn(t("kol_bangkit", bahasa)),
    })
