"""The KIM page's pieces: ranking and prioritas, one KIM's profile with its brand, pemetaan downloads.

Every figure comes from :mod:`geo.kim` (the same functions as ``python -m
geo kim`` and the pemetaan files); this module only draws them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from geo import format_id
from geo.kim.aturan import AturanNilai
from geo.kim.berkas import buat_berkas_kim
from geo.kim.juri import lembar_juri
from geo.kim.merek import html_merek_kim, merek_kim
from geo.kim.penilaian import Penilaian, nilai_juri_tersimpan
from geo.kim.profil import PENGURUS
from geo.kim.teks import nama_target, tk
from geo.masuk.dataset import Dataset
from geo.masuk.wilayah import Wilayah
from ui.md import aman_md
from ui.tabel import kolom_kosakata

PARAM_KIM = "kim"
BATANG = "skor_batang"  # the ranking's bar column (its header is blank)


def peringkat(dataset: Dataset, p: Penilaian, bahasa: str) -> None:
    h = p.hasil
    tabel = pd.DataFrame({
        tk("peringkat", bahasa): h["peringkat"], tk("kim", bahasa): h["nama_kim"],
        tk("kelurahan", bahasa): h["kode_kelurahan"].map(dataset.referensi.tabel["kelurahan"]),
        tk("skor", bahasa): h["skor"], BATANG: h["skor"],
        **{k.label(bahasa): h[f"nilai_{k.kode}"] for k in p.aturan.kriteria},
        tk("hari_dorman", bahasa): h["hari_dorman"], tk("lengkap", bahasa): h["lengkap"],
    })
    # The bar beside the score has no figure of its own: a progress column writes its number in printf
    # style, "95.8" on an Indonesian page.
    st.dataframe(gaya_peringkat(tabel, bahasa), hide_index=True, width="stretch",
                 column_config={BATANG: st.column_config.ProgressColumn(" ", min_value=0, max_value=100, format=" ", width="small")})
    st.caption(tk("catatan_skor", bahasa))
    st.subheader(tk("prioritas", bahasa))
    if not len(p.prioritas):
        st.write(tk("tidak_ada", bahasa))
    for r in p.prioritas.itertuples():
        st.markdown(f"- **{aman_md(r.nama_kim)}** · {tk('skor', bahasa)} {format_id.angka(r.skor, bahasa=bahasa)}: "
                    f"{aman_md(r.alasan_en if bahasa == 'en' else r.alasan)}")
    kiri, kanan = st.columns(2)
    kiri.download_button(tk("unduh_peringkat", bahasa), data=h.to_csv(index=False).encode("utf-8-sig"),
                         file_name=f"peringkat-kim-{dataset.wilayah.slug}-{p.periode}.csv", mime="text/csv",
                         icon=":material/download:", on_click="ignore")
    if p.aturan.juri():
        kanan.download_button(tk("lembar_juri", bahasa), help=tk("lembar_juri_bantu", bahasa),
                              data=lembar_juri(dataset.profil.tabel, p.aturan, p.periode, nilai_juri_tersimpan(dataset)[0]),
                              file_name=f"nilai-juri-{dataset.wilayah.slug}-{p.periode}.xlsx", icon=":material/download:",
                              mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore")


def gaya_peringkat(tabel: pd.DataFrame, bahasa: str) -> Styler:
    """The ranking shown the page's way (95,8 and 2.108 in Indonesian, as every other figure) but sorted as
    numbers; the score with one decimal; a criterion without a score shows a dash, never a zero."""
    skor = tk("skor", bahasa)
    return _angka_halaman(tabel, bahasa).format(lambda v: format_id.angka(v, 1, bahasa=bahasa), subset=[skor]).format(
        None, subset=[tabel.columns[0], BATANG])


def _daftar(tabel: pd.DataFrame, id_kim: str, bahasa: str) -> list[str]:
    pilih = tabel[tabel["id_kim"] == id_kim]
    baris = []
    for r in pilih.itertuples(index=False):
        awal = r[1]
        awal = format_id.tanggal(awal, bahasa) if isinstance(awal, (pd.Timestamp, dt.date)) else str(awal)
        baris.append(" · ".join([awal, *(str(v) for v in r[2:])]))
    return baris


def profil(dataset: Dataset, p: Penilaian, aturan: AturanNilai, bahasa: str) -> None:
    tabel = dataset.profil.tabel
    pilihan = tabel["id_kim"].tolist()
    awal = st.query_params.get(PARAM_KIM)
    nama = dict(zip(tabel["id_kim"], tabel["nama_kim"]))
    id_kim = st.selectbox(tk("pilih_kim", bahasa), pilihan, index=pilihan.index(awal) if awal in pilihan else 0,
                          format_func=lambda i: nama[i], key="w_profil_kim")
    st.query_params[PARAM_KIM] = id_kim
    st.html(html_merek_kim(merek_kim(dataset, id_kim), bahasa))
    r = tabel.set_index("id_kim").loc[id_kim]
    kiri, kanan = st.columns(2)
    with kiri:
        st.markdown(f"**{tk('identitas', bahasa)}**")
        sk = f"{r['sk_nomor']} ({format_id.tanggal(r['sk_tanggal'], bahasa)})" if r["sk_nomor"] else tk("belum", bahasa)
        ad = tk("ya", bahasa) if pd.notna(r["ad_art"]) and bool(r["ad_art"]) else tk("belum", bahasa)
        st.markdown(f"- {tk('sk', bahasa)}: {aman_md(sk)}\n- {tk('kimid', bahasa)}: {aman_md(r['nomor_kimid'] or tk('belum', bahasa))}\n"
                    f"- {tk('ad_art', bahasa)}: {ad}")
        st.markdown(f"**{tk('pengurus', bahasa)}**")
        for jabatan in PENGURUS:
            if r[jabatan]:
                st.markdown(f"- {tk(jabatan, bahasa)}: {aman_md(r[jabatan])} {aman_md(r[f'kontak_{jabatan}'])}")
    with kanan:
        for kolom in ("bimtek", "bantuan", "penghargaan"):
            isi = _daftar(dataset.profil.daftar(kolom), id_kim, bahasa)
            st.markdown(f"**{tk(kolom, bahasa)}**")
            st.markdown("\n".join(f"- {aman_md(b)}" for b in isi) if isi else tk("tidak_ada", bahasa))
    h = p.hasil.set_index("id_kim")
    if id_kim in h.index:
        st.markdown(f"**{tk('rincian_skor', bahasa)}** · {tk('skor', bahasa)} {format_id.angka(h.at[id_kim, 'skor'], bahasa=bahasa)}"
                    f" · {tk('peringkat', bahasa)} {h.at[id_kim, 'peringkat']}")
        st.dataframe(_angka_halaman(pd.DataFrame({
            tk("kriteria", bahasa): [k.label(bahasa) for k in aturan.kriteria],
            tk("bobot", bahasa): [k.bobot for k in aturan.kriteria],
            tk("nilai", bahasa): [h.at[id_kim, f"nilai_{k.kode}"] for k in aturan.kriteria],
            tk("data", bahasa): [h.at[id_kim, f"data_{k.kode}"] for k in aturan.kriteria],
        }), bahasa), hide_index=True)
    target_kim(dataset, id_kim, p.tanggal, bahasa)
    pot = dataset.potensi[dataset.potensi["id_potensi"].astype(str).map(dataset.profil.tautan) == id_kim]
    st.markdown(f"**{tk('potensi', bahasa)}** ({len(pot)})")
    wil = dataset.wilayah
    st.markdown("\n".join(f"- {aman_md(x.nama_potensi)} ({aman_md(wil.label(x.kategori_potensi, bahasa))}, "
                          f"{aman_md(wil.label(x.status_aktivitas, bahasa))})" for x in pot.itertuples()) or tk("tidak_ada", bahasa))


def _tabel(df: pd.DataFrame, kolom: dict[str, str], bahasa: str, wilayah: Wilayah) -> None:
    """``kolom`` of ``df`` under their headings in ``bahasa``; target kinds by name, statuses as the reader reads
    them (``Wilayah.label``), figures the page's way."""
    if not len(df):
        st.write(tk("tidak_ada", bahasa))
        return
    isi = df[list(kolom)].copy()
    if "jenis" in isi:
        isi["jenis"] = isi["jenis"].map(lambda j: nama_target(j, bahasa))
    for k in ("status_sebelum", "status_kini"):
        if k in isi:
            isi[k] = kolom_kosakata(isi[k], wilayah, bahasa)
    st.dataframe(_angka_halaman(isi.rename(columns={k: tk(v, bahasa) for k, v in kolom.items()}), bahasa), hide_index=True,
                 width="stretch")


def _angka_halaman(tabel: pd.DataFrame, bahasa: str) -> Styler:
    """Every figure of ``tabel`` written the page's way (3 and 0,8 in Indonesian), still sorted as a number."""
    angka = [c for c in tabel.columns if pd.api.types.is_numeric_dtype(tabel[c]) and not pd.api.types.is_bool_dtype(tabel[c])]
    return tabel.style.format({c: (lambda v: format_id.angka(v, bahasa=bahasa)) for c in angka})


def target_kim(dataset: Dataset, id_kim: str, tanggal: dt.date, bahasa: str) -> None:
    from geo.kim.target import kemajuan_target, target_tersimpan

    k = kemajuan_target(dataset, tanggal, target_tersimpan(dataset)[0])
    st.markdown(f"**{tk('target', bahasa)}**")
    _tabel(k[k["id_kim"] == id_kim], {"jenis": "jenis", "periode": "periode_singkat", "target": "target", "capaian": "capaian"}, bahasa,
           dataset.wilayah)


def bulanan(dataset: Dataset, tanggal: dt.date, bahasa: str) -> None:
    from geo.kim.ringkasan_bulanan import ringkasan_bulanan, ringkasan_csv, ringkasan_pdf
    from geo.kim.target import target_tersimpan

    bulan = st.text_input(f"{tk('bulan', bahasa)} ({tk('pola_bulan', bahasa)})", value=f"{tanggal:%Y-%m}", key="w_profil_bulan").strip()
    from geo.simpan.laporan import wajib_verifikasi
    from geo.tampilan.waktu import hari_ini
    from ui.muat import gudang

    menunggu = len(gudang().baca_menunggu()) if wajib_verifikasi(dataset) else None  # no queue without verification
    r = ringkasan_bulanan(dataset, bulan, hari_ini(), laporan_menunggu=menunggu,
                          target=target_tersimpan(dataset)[0])
    if not r.ada_log:
        st.info(tk("tanpa_log", bahasa))
    st.markdown(f"**{tk('turun', bahasa)}**")
    _tabel(r.turun, {"nama_kim": "kim", "status_sebelum": "status_sebelum", "status_kini": "status_kini"}, bahasa, dataset.wilayah)
    st.markdown(f"**{tk('kegiatan_baru', bahasa)}**")
    _tabel(r.kegiatan, {"nama_kim": "kim", "jumlah": "jumlah_kegiatan"}, bahasa, dataset.wilayah)
    st.markdown(f"**{tk('target_meleset', bahasa)}**")
    if r.berjalan:
        st.caption(tk("bulan_berjalan", bahasa))
    _tabel(r.target_meleset, {"nama_kim": "kim", "jenis": "jenis", "periode": "periode_singkat", "target": "target", "capaian": "capaian"},
           bahasa, dataset.wilayah)
    menunggu = tk("tidak_tersedia", bahasa) if r.laporan_menunggu is None else str(r.laporan_menunggu)
    st.markdown(f"**{tk('laporan_menunggu', bahasa)}**: {menunggu}")
    kiri, kanan = st.columns(2)
    kiri.download_button(tk("unduh_csv_bulanan", bahasa), data=ringkasan_csv(r, dataset.wilayah), file_name=f"ringkasan-kim-{r.bulan}.csv",
                         mime="text/csv", icon=":material/download:", on_click="ignore")
    kanan.download_button(tk("unduh_pdf_bulanan", bahasa), data=lambda: ringkasan_pdf(dataset, r), file_name=f"ringkasan-kim-{r.bulan}.pdf",
                          mime="application/pdf", icon=":material/download:", on_click="ignore")


def id_kim_kecamatan(dataset: Dataset, kecamatan: list[str]) -> list[str] | None:
    """The KIM of the chosen kecamatan (None: every KIM), from each KIM's kelurahan in the reference."""
    if not kecamatan:
        return None
    tabel = dataset.profil.tabel
    kec = tabel["kode_kelurahan"].map(dataset.referensi.tabel["kecamatan"])
    return tabel.loc[kec.isin(kecamatan).to_numpy(), "id_kim"].tolist()


def pemetaan(dataset: Dataset, tanggal: dt.date, bahasa: str, id_kim: list[str] | None = None) -> None:
    st.write(tk("pemetaan_bantu", bahasa))
    id_kim = dataset.profil.tabel["id_kim"].tolist() if id_kim is None else id_kim
    if not id_kim:
        st.info(tk("tidak_ada", bahasa))
        return
    kiri, kanan = st.columns(2)
    kiri.download_button(tk("unduh_pdf", bahasa), data=lambda: buat_berkas_kim("pemetaan-pdf", dataset, id_kim, tanggal).data,
                         file_name=f"pemetaan-kim-{dataset.wilayah.slug}-{tanggal:%Y-%m-%d}.pdf", mime="application/pdf",
                         icon=":material/download:", on_click="ignore")
    kanan.download_button(tk("unduh_xlsx", bahasa), data=lambda: buat_berkas_kim("pemetaan-xlsx", dataset, id_kim, tanggal).data,
                          file_name=f"pemetaan-kim-{dataset.wilayah.slug}-{tanggal:%Y-%m-%d}.xlsx", icon=":material/download:",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore")
