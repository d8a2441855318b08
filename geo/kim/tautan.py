"""Linking kim.csv to the KIM table, and migrating files that only know ``nama_kim``.

A potential names its KIM by ``id_kim`` when kim.csv has that column;
otherwise by (``kode_kelurahan``, ``nama_kim``), matched without regard to
case and spacing. A KIM that kim.csv names but the KIM table lacks is added
with a generated ``id_kim`` and reported, so an old file loads with nothing
lost and the office can save the new table (``python -m geo export --format
profil-csv``) and fill it in.
"""

from __future__ import annotations

import re

import pandas as pd

from geo.galat import PERINGATAN, Laporan
from geo.kim import daftar
from geo.kim.profil import KOLOM_TANGGAL, ProfilKIM, tabel_profil_kosong
from geo.masuk.baca import KOLOM_BARIS

KOLOM_ID_KIM = "id_kim"


def _kunci(kode: object, nama: object) -> str:
    nama = re.sub(r"\s+", " ", str(nama)).strip().casefold()
    return f"{str(kode).strip()}|{nama}"


def id_baru(kode: str, terpakai: set[str]) -> str:
    """``KIM-64740110061`` style: the kelurahan code without dots, then a counter; never one in use."""
    dasar = "KIM-" + re.sub(r"[^0-9A-Za-z]", "", kode)
    n = 1
    while f"{dasar}-{n}" in terpakai:
        n += 1
    return f"{dasar}-{n}"


def tautkan(potensi: pd.DataFrame, profil: ProfilKIM, berkas_kim: str, laporan: Laporan,
            id_kim: pd.Series | None = None) -> ProfilKIM:
    """The KIM table with every KIM of kim.csv in it and ``tautan`` (id_potensi → id_kim) filled.

    ``id_kim`` is kim.csv's own column when it has one (aligned with ``potensi``);
    an unknown id there is an error with the row.
    """
    tabel = profil.tabel.copy() if len(profil.tabel) else tabel_profil_kosong()
    menurut_kunci = {_kunci(k, n): i for i, k, n in zip(tabel["id_kim"], tabel["kode_kelurahan"], tabel["nama_kim"])}
    dikenal = set(tabel["id_kim"])
    hasil: list[str] = []
    baru: list[dict] = []
    berkas_profil = profil.path.name if profil.path else "profil_kim.csv"
    for pos, (idx, baris) in enumerate(potensi.iterrows()):
        sendiri = str(id_kim.iloc[pos]).strip() if id_kim is not None and pd.notna(id_kim.iloc[pos]) else ""
        if sendiri:
            if sendiri not in dikenal:
                laporan.tambah(berkas_kim, f"id_kim '{sendiri}' tidak ada di {berkas_profil}. Tambahkan KIM itu ke tabel KIM "
                               "atau kosongkan sel ini agar KIM dicari menurut nama_kim dan kode_kelurahan.",
                               baris=int(baris[KOLOM_BARIS]), kolom=KOLOM_ID_KIM, nilai=sendiri)
            hasil.append(sendiri)
            continue
        kunci = _kunci(baris["kode_kelurahan"], baris["nama_kim"])
        if kunci not in menurut_kunci:
            nomor = id_baru(str(baris["kode_kelurahan"]), dikenal)
            dikenal.add(nomor)
            menurut_kunci[kunci] = nomor
            baru.append({"id_kim": nomor, "nama_kim": baris["nama_kim"], "kode_kelurahan": baris["kode_kelurahan"],
                         KOLOM_BARIS: int(baris[KOLOM_BARIS])})
        hasil.append(menurut_kunci[kunci])
    if baru:
        contoh = ", ".join(f"{b['nama_kim']} → {b['id_kim']}" for b in baru[:3])
        laporan.tambah(berkas_kim, f"{len(baru)} KIM belum ada di {berkas_profil} dan ditambahkan dari kolom nama_kim "
                       f"({contoh}{', …' if len(baru) > 3 else ''}). Tambahkan baris KIM itu ke {berkas_profil} "
                       "(ekspor profil-csv memuat semuanya) lalu lengkapi SK, KIM.ID, pengurus dan kanal media.", tingkat=PERINGATAN)
        tambahan = pd.DataFrame(baru)
        tambahan[KOLOM_BARIS] = 0  # not a row of the KIM table
        tabel = pd.concat([tabel, tambahan.reindex(columns=tabel.columns)], ignore_index=True)
        tabel["ad_art"] = tabel["ad_art"].astype("boolean")
        for k in KOLOM_TANGGAL:
            tabel[k] = pd.to_datetime(tabel[k])
    tautan = pd.Series(hasil, index=potensi["id_potensi"].astype(str).to_numpy(), name="id_kim", dtype=object)
    teks = [k for k in tabel.columns if k not in (*KOLOM_TANGGAL, "ad_art", KOLOM_BARIS)]
    tabel[teks] = tabel[teks].astype(object).fillna("")
    return ProfilKIM(tabel, profil.bimtek, profil.bantuan,
                     profil.penghargaan, tautan, profil.path, tuple(b["id_kim"] for b in baru))


def profil_dengan_daftar(profil: ProfilKIM) -> pd.DataFrame:
    """The KIM table as text cells again, list columns rebuilt (what the CSV/XLSX exports write)."""
    tabel = profil.tabel.drop(columns=[KOLOM_BARIS], errors="ignore").copy()
    for k in tabel.columns:
        if pd.api.types.is_datetime64_any_dtype(tabel[k]):
            tabel[k] = tabel[k].dt.strftime("%Y-%m-%d").fillna("")
    tabel["ad_art"] = tabel["ad_art"].map(lambda v: "" if pd.isna(v) else ("ya" if v else "tidak"))
    for jenis in daftar.DAFTAR:
        sel = daftar.ke_sel(profil.daftar(jenis.kolom), jenis)
        tabel[jenis.kolom] = tabel["id_kim"].map(sel).astype(object).fillna("") if len(sel) else ""
    return tabel.fillna("")
