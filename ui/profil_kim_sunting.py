"""The Profil KIM page's Edit tab: one KIM's record and logo, and the jury sheet, for a logged-in editor.

Thin: the form's cells go to ``gudang().simpan_profil`` / ``simpan_logo`` and the
sheet to ``gudang().simpan_nilai_juri`` (``kim juri-muat``'s code); the role, the scope, the
validation and the audit are the store's (geo/), never this page's.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.galat import GalatData
from geo.kim.profil import KANAL, PENGURUS
from geo.kim.teks import tk
from geo.masuk.batasan import UNGGAH_MB
from geo.masuk.dataset import Dataset
from geo.simpan.foto import MAKS_BYTE
from geo.simpan.kim import GalatKonflik
from geo.simpan.lingkup import PELAPOR, PENINJAU, Akun, dalam_lingkup
from ui.kelola import bagian_login, daftar_pengguna, kabar, lupakan_sidik, sidik_awal, tampilkan_kabar
from ui.laporan import tabel_laporan
from ui.md import aman_md
from ui.muat import gudang, lupakan

MAKS_FOTO_MB = MAKS_BYTE // 1024 // 1024  # a logo is checked like a photo (geo.simpan.foto)

K_SIDIK = "profil_sunting_sidik"
BARU = "__baru__"
_TEKS = ("nama_kim", "nomor_kimid", "sk_nomor", "sk_tanggal", *(k for p in PENGURUS for k in (p, f"kontak_{p}")),
         *(k for c in KANAL for k in (c, f"pos_{c}")), "tagline")


def _selesai(pesan: str) -> None:
    lupakan_sidik(K_SIDIK)
    kabar("success", pesan)
    st.cache_data.clear()
    lupakan()
    st.rerun()


def sunting(dataset: Dataset, bahasa: str) -> None:
    """Log in (the Kelola Data accounts), then edit a KIM in the account's scope or load a jury sheet."""
    st.caption(tk("sunting_bantu", bahasa))
    pengguna = bagian_login(daftar_pengguna())
    if pengguna is None:
        return
    st.markdown(tk("sunting_sebagai", bahasa).format(nama=aman_md(pengguna.nama), peran=aman_md(pengguna.peran),
                                                     lingkup=aman_md(pengguna.lingkup or tk("semua", bahasa))))
    if pengguna.peran in (PENINJAU, PELAPOR):
        st.info(tk("sunting_hanya_editor", bahasa))
        return
    tampilkan_kabar()
    try:
        tabel, sidik = gudang().baca_profil_untuk_sunting(dataset)
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    sidik_awal(K_SIDIK, sidik)  # what this editor saw: a later change by someone else is a conflict
    _form_kim(dataset, tabel, pengguna, bahasa)
    st.divider()
    _unggah(dataset, pengguna, bahasa, "juri")
    st.divider()
    _unggah(dataset, pengguna, bahasa, "target")


def _form_kim(dataset: Dataset, tabel: pd.DataFrame, pengguna: Akun, bahasa: str) -> None:
    ref = dataset.referensi.tabel
    boleh = tabel[[dalam_lingkup(pengguna, k) for k in tabel["kode_kelurahan"]]]
    nama = dict(zip(boleh["id_kim"], boleh["nama_kim"]))
    pilihan = [*boleh["id_kim"], BARU]
    id_kim = st.selectbox(tk("pilih_kim", bahasa), pilihan, key="w_sunting_kim",
                          format_func=lambda i: tk("kim_baru", bahasa) if i == BARU else f"{nama[i]} ({i})")
    baru = id_kim == BARU
    r = {k: "" for k in tabel.columns} if baru else tabel.set_index("id_kim", drop=False).loc[id_kim].to_dict()
    kode_boleh = [k for k in ref.index if dalam_lingkup(pengguna, k)]
    with st.form(f"sunting_kim_{id_kim}"):
        isi: dict[str, str] = {}
        kiri, kanan = st.columns(2)
        if baru:
            isi["id_kim"] = kiri.text_input("id_kim", placeholder="KIM-BTG-01", key="w_sunting_id").strip()
        isi["nama_kim"] = kiri.text_input(tk("nama_kim", bahasa), value=r["nama_kim"])
        kode = r["kode_kelurahan"] if r["kode_kelurahan"] in kode_boleh else (kode_boleh[0] if kode_boleh else "")
        isi["kode_kelurahan"] = kanan.selectbox(tk("kelurahan", bahasa), kode_boleh, index=kode_boleh.index(kode) if kode else 0,
                                                format_func=lambda k: f"{ref.at[k, 'kelurahan']} ({k})")
        isi["nomor_kimid"] = kiri.text_input(tk("kimid", bahasa), value=r["nomor_kimid"])
        isi["sk_nomor"] = kiri.text_input(tk("sk", bahasa), value=r["sk_nomor"])
        isi["sk_tanggal"] = kanan.text_input(tk("sk_tanggal", bahasa), value=r["sk_tanggal"], placeholder="2020-02-11")
        ad = ["", "ya", "tidak"]
        isi["ad_art"] = kanan.selectbox(tk("ad_art", bahasa), ad, index=ad.index(r["ad_art"]) if r["ad_art"] in ad else 0,
                                        format_func=lambda v: {"": "-", "ya": tk("ya", bahasa), "tidak": tk("belum", bahasa)}[v])
        st.markdown(f"**{tk('pengurus', bahasa)}**")
        for p in PENGURUS:
            a, b = st.columns(2)
            isi[p] = a.text_input(tk(p, bahasa), value=r[p], key=f"w_sunting_{p}")
            isi[f"kontak_{p}"] = b.text_input(f"{tk('kontak', bahasa)} {tk(p, bahasa).lower()}", value=r[f"kontak_{p}"],
                                              key=f"w_sunting_kontak_{p}")
        st.markdown(f"**{tk('kanal', bahasa)}**")
        for c in KANAL:
            a, b = st.columns([3, 1])
            isi[c] = a.text_input(c.capitalize(), value=r[c], placeholder="https://", key=f"w_sunting_{c}")
            isi[f"pos_{c}"] = b.text_input(tk("pos_terakhir", bahasa), value=r[f"pos_{c}"], placeholder="2026-11-30",
                                           key=f"w_sunting_pos_{c}")
        for k in ("bimtek", "bantuan", "penghargaan"):
            isi[k] = st.text_area(tk(k, bahasa), value=r[k], help=tk(f"bantu_{k}", bahasa), key=f"w_sunting_{k}")
        isi["tagline"] = st.text_input("Tagline", value=r["tagline"], key="w_sunting_tagline")
        logo = st.file_uploader(tk("logo", bahasa).format(mb=MAKS_FOTO_MB), type=["png", "jpg", "jpeg", "webp"],
                                key=f"w_sunting_logo_{id_kim}", max_upload_size=MAKS_FOTO_MB)
        kirim = st.form_submit_button(tk("simpan", bahasa), type="primary")
    if kirim:
        _simpan(dataset, tabel, {**r, **isi}, None if baru else id_kim, logo, pengguna, bahasa)


def _simpan(dataset: Dataset, tabel: pd.DataFrame, baris: dict, id_lama: str | None, logo, pengguna: Akun, bahasa: str) -> None:
    """The table with this KIM's row replaced (or appended), its logo stored first; messages on refusal."""
    try:
        if logo is not None:
            baris["logo"] = gudang().simpan_logo(dataset, baris["id_kim"] or str(id_lama), logo.getvalue(), pengguna, logo.name)
        baru = tabel.copy()
        if id_lama is None:
            baru = pd.concat([baru, pd.DataFrame([baris]).reindex(columns=baru.columns)], ignore_index=True)
        else:
            baru.loc[baru["id_kim"] == id_lama, list(baru.columns)] = [baris.get(k, "") for k in baru.columns]
        hasil = gudang().simpan_profil(baru, dataset, pengguna, sidik_awal(K_SIDIK, None), berkas=tk("judul_form", bahasa))
    except GalatKonflik as exc:
        lupakan_sidik(K_SIDIK)
        st.error(aman_md(exc))
        return
    except GalatData as exc:  # a refused logo, the scope, an unreachable store: a message, nothing saved
        st.error(aman_md(exc))
        return
    if hasil.disimpan:
        u = hasil.perubahan
        _selesai(tk("tersimpan", bahasa).format(a=len(u.ditambah), u=len(u.diubah), d=len(u.dihapus)))
    elif hasil.laporan.ok:
        st.info(tk("tanpa_perubahan", bahasa))
    else:
        st.error(tk("tidak_disimpan", bahasa).format(n=len(hasil.laporan.galat)))
        tabel_laporan(hasil.laporan)


def _unggah(dataset: Dataset, pengguna: Akun, bahasa: str, rekaman: str) -> None:
    """Load a filled-in file into the store: the jury sheet (``juri``) or the per-KIM targets (``target``).

    The store checks every cell and the account's scope; nothing is saved on an error (the CLI's
    ``kim juri-muat`` / ``kim target-muat`` do the same)."""
    jenis = {"juri": ["xlsx"], "target": ["csv", "xlsx"]}[rekaman]
    st.markdown(f"**{tk(f'{rekaman}_judul', bahasa)}**")
    st.caption(tk(f"{rekaman}_bantu", bahasa))
    if rekaman == "target":
        _unduh_target(dataset, bahasa)
    mb = UNGGAH_MB.nilai_atau_bawaan()
    berkas = st.file_uploader(tk(f"{rekaman}_unggah", bahasa).format(mb=mb), type=jenis, key=f"w_sunting_{rekaman}",
                              max_upload_size=mb)
    if berkas is None or not st.button(tk(f"{rekaman}_muat", bahasa), key=f"w_sunting_{rekaman}_muat", type="primary"):
        return
    g = gudang()
    simpan = g.simpan_nilai_juri if rekaman == "juri" else g.simpan_target
    try:
        jumlah, laporan = simpan(dataset, berkas.getvalue(), berkas.name, pengguna)
    except GalatData as exc:
        st.error(aman_md(exc))
        return
    if not laporan.ok:
        st.error(tk("juri_gagal", bahasa))
        tabel_laporan(laporan)
        return
    _selesai(tk(f"{rekaman}_tersimpan", bahasa).format(n=jumlah, berkas=berkas.name))


def _unduh_target(dataset: Dataset, bahasa: str) -> None:
    """The stored targets as a CSV to edit in Excel and load back (formulas neutralised)."""
    from geo.kim.target import csv_target

    st.download_button(tk("target_unduh", bahasa), data=lambda: csv_target(dataset),
                       file_name=f"target-kim-{dataset.wilayah.slug}.csv", mime="text/csv", icon=":material/download:",
                       on_click="ignore", key="w_sunting_target_unduh")
