"""Resolve desa/kelurahan names to codes, knowing that names repeat.

Indonesia has many "Sukamaju"; only the Kemendagri code is unique. A name
that several units share is narrowed by its kecamatan, then by its kab/kota;
whatever is still ambiguous is reported with every candidate, so the officer
can pick the right code instead of guessing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from geo.masuk.referensi import Referensi, kode_ascii, nama_ascii, normalisasi_kode, normalisasi_nama
from geo.masuk.teks import faktor, per_nilai, sama_per_baris

# masalah(idx, kolom, pesan): report one row's problem (validasi._Konteks.masalah).
Lapor = Callable[[object, str, str], None]


def kunci_seri(nilai: pd.Series) -> pd.Series:
    """:func:`normalisasi_nama` per value, computed once per distinct spelling."""
    return per_nilai(nilai.astype(str), normalisasi_nama, nama_ascii)


def selesaikan_nama(ref: Referensi, nama: pd.Series, kecamatan: pd.Series, kabkota: pd.Series | None = None) -> pd.DataFrame:
    """Per row: ``kode`` (``""`` unless exactly one unit fits), ``jumlah_calon`` and ``calon`` (text).

    ``jumlah_calon`` is 0 for an unknown name and 2+ for a name still shared
    after the kecamatan and kab/kota have been used; ``calon`` then lists the
    candidates as ``kode (Kecamatan X, kabkota)``.
    """
    baris = pd.DataFrame({"_i": range(len(nama)), "kunci": kunci_seri(nama).to_numpy(),
                          "kec": kunci_seri(kecamatan).to_numpy()})
    baris["kab"] = kunci_seri(kabkota).to_numpy() if kabkota is not None else ""
    tabel = ref.tabel
    dicari = baris[baris["kunci"] != ""]
    # Only the spellings asked for, with their kecamatan and kab/kota keys (not the whole national table's).
    pilih = ref.nama["kunci"].isin(dicari["kunci"]).to_numpy()
    ejaan = ref.nama[pilih].assign(_j=np.flatnonzero(pilih))
    kode_calon = pd.unique(ejaan["kode"].to_numpy(dtype=object))
    pos = tabel.index.get_indexer(kode_calon)  # positions, not .loc: a label look-up per code is slow
    info = pd.DataFrame({"kode": kode_calon,
                         "kec_ref": kunci_seri(pd.Series(tabel["kecamatan"].to_numpy(dtype=object)[pos])).to_numpy(dtype=object),
                         "kab_ref": kunci_seri(pd.Series(tabel["kabkota"].to_numpy(dtype=object)[pos])).to_numpy(dtype=object)})
    ejaan = ejaan.merge(info, on="kode")
    # A common name has hundreds of units: match name and kecamatan together first; only rows
    # whose kecamatan fits none of them get every unit of that name (what narrowing by kecamatan keeps).
    per_kec = dicari[dicari["kec"] != ""].merge(ejaan, left_on=["kunci", "kec"], right_on=["kunci", "kec_ref"])
    lain = dicari[~dicari["_i"].isin(per_kec["_i"])].merge(ejaan, on="kunci")
    calon = pd.concat([per_kec, lain]).sort_values(["_i", "_j"], kind="stable")
    calon = _persempit(calon, "kab", "kab_ref")
    jumlah = np.bincount(calon["_i"].to_numpy(dtype=np.intp), minlength=len(nama))
    kode, teks_calon = np.full(len(nama), "", dtype=object), np.full(len(nama), "", dtype=object)
    per_baris = jumlah[calon["_i"].to_numpy(dtype=np.intp)]
    tunggal = calon[per_baris == 1]
    kode[tunggal["_i"].to_numpy(dtype=np.intp)] = tunggal["kode"].to_numpy(dtype=object)
    ganda = calon[per_baris > 1]
    if len(ganda):
        teks = ganda["kode"] + " (Kecamatan " + ganda["kode"].map(tabel["kecamatan"]).astype(str) + ", " \
            + ganda["kode"].map(tabel["kabkota"]).astype(str) + ")"
        gabung = teks.groupby(ganda["_i"]).agg("; ".join)
        teks_calon[gabung.index.to_numpy(dtype=np.intp)] = gabung.to_numpy(dtype=object)
    return pd.DataFrame({"kode": kode, "jumlah_calon": jumlah, "calon": teks_calon}, index=nama.index)


def kode_untuk_nama(ref: Referensi, nama: pd.Series, kode_lama: pd.Series | None = None,
                    kecamatan: pd.Series | None = None, kabkota: pd.Series | None = None) -> pd.Series:
    """The one name → code rule for a table whose rows carry names (the table editor, an import).

    A row keeps ``kode_lama`` while its name is still one of that code's
    spellings (an edit elsewhere in the row must never lose the code of a
    repeated desa name); any other row goes through :func:`selesaikan_nama`
    (narrowed by kecamatan and kab/kota). ``""`` where no single unit fits;
    validation then names the candidates.
    """
    kosong = pd.Series("", index=nama.index, dtype=object)
    nama = nama.fillna("").astype(str)
    lama = (kode_lama if kode_lama is not None else kosong).reindex(nama.index).fillna("").astype(str)
    pasangan = pd.MultiIndex.from_arrays([kunci_seri(nama).to_numpy(dtype=object), lama.to_numpy(dtype=object)])
    tetap = (lama != "").to_numpy() & pasangan.isin(pd.MultiIndex.from_frame(ref.nama[["kunci", "kode"]]))
    hasil = lama.where(tetap, "")
    perlu = ~tetap & (nama != "").to_numpy()
    if perlu.any():
        kec = (kecamatan if kecamatan is not None else kosong).reindex(nama.index).fillna("").astype(str)
        kab = kabkota.reindex(nama.index).fillna("").astype(str)[perlu] if kabkota is not None else None
        hasil[perlu] = selesaikan_nama(ref, nama[perlu], kec[perlu], kab)["kode"].to_numpy(dtype=object)
    return hasil


def _persempit(calon: pd.DataFrame, kolom: str, kolom_ref: str) -> pd.DataFrame:
    """Keep candidates whose ``kolom_ref`` equals the row's ``kolom``, for rows where that leaves some."""
    if not len(calon):
        return calon
    cocok = (calon[kolom] != "") & (calon[kolom] == calon[kolom_ref])
    ada_cocok = cocok.groupby(calon["_i"]).transform("any")
    return calon[cocok | ~ada_cocok]


def _nama_sah(ref: Referensi, kunci: tuple[np.ndarray, np.ndarray], kode: pd.Series, pos: np.ndarray, periksa: np.ndarray) -> np.ndarray:
    """Per row in ``periksa``: does the reference know this spelling for this code (any of its names)?

    ``kunci`` is the rows' spelling keys as (per-row index, distinct keys).
    Most rows spell the code's first name; only the others go through the
    full (spelling, code) look-up.
    """
    k_kunci, u_kunci = kunci
    utama = ref.nama.drop_duplicates("kode").set_index("kode")["kunci"].reindex(ref.tabel.index).fillna("").to_numpy(dtype=object)
    sah = np.zeros(len(kode), dtype=bool)
    baris = np.flatnonzero(periksa)
    sah[baris] = (u_kunci != "")[k_kunci[baris]] & sama_per_baris(k_kunci[baris], u_kunci, pos[baris], utama)
    sisa = periksa & ~sah
    if sisa.any():
        pasangan = pd.MultiIndex.from_arrays([u_kunci[k_kunci[sisa]], kode[sisa].to_numpy(dtype=object)])
        sah[sisa] = pasangan.isin(pd.MultiIndex.from_frame(ref.nama[["kunci", "kode"]]))
    return sah


def cek_kelurahan(frame: pd.DataFrame, ref: Referensi, masalah: Lapor) -> tuple[pd.Series, np.ndarray]:
    """Resolve each row to a reference code: by code, or by name (homonym-aware) when the code is blank.

    Returns the codes (``""`` where unresolved) and their positions in
    ``ref.tabel`` (-1 there), so callers join the reference without another look-up.
    """
    kosong = pd.Series("", index=frame.index)
    k_kode, u_kode = faktor(frame.get("kode_kelurahan", kosong), normalisasi_kode, kode_ascii)
    kode = pd.Series(pd.Index(u_kode).take(k_kode), index=frame.index)
    nama = frame.get("kelurahan", kosong)
    kec = frame.get("kecamatan", kosong)
    ada_kode, ada_nama = (u_kode != "")[k_kode], (nama != "").to_numpy()
    pos = ref.tabel.index.get_indexer(pd.Index(u_kode, dtype=object))[k_kode] if len(u_kode) else np.zeros(0, dtype=np.intp)
    dikenal = pos >= 0
    # Only rows without a usable code need their name resolved: a national table repeats
    # names hundreds of times, and a merge over every row would multiply them.
    perlu = ada_nama & ~(ada_kode & dikenal)
    kabkota = frame.get("kabkota")
    per_nama = selesaikan_nama(ref, nama[perlu], kec[perlu], kabkota[perlu] if kabkota is not None else None)
    per_nama = per_nama.reindex(kode.index).fillna({"kode": "", "jumlah_calon": 0, "calon": ""})
    per_nama["jumlah_calon"] = per_nama["jumlah_calon"].astype(int)
    kode_nama = per_nama["kode"]
    contoh = ref.tabel.index[0] if len(ref.tabel) else ""

    for idx in kode.index[ada_kode & ~dikenal]:
        # kode_nama is NaN (truthy!) for an unknown name: never print "nan" to an officer.
        petunjuk = f" Kode untuk {nama[idx]} adalah {kode_nama[idx]}." if isinstance(kode_nama[idx], str) and kode_nama[idx] else ""
        masalah(idx, "kode_kelurahan", f"Kode kelurahan tidak dikenal di tabel referensi.{petunjuk} Gunakan kode Kemendagri, misalnya {contoh}.")
    # A name is right for a code when that code carries the spelling, even if other units share it.
    periksa = ada_kode & dikenal & ada_nama
    salah_nama = periksa & ~_nama_sah(ref, faktor(nama.astype(str), normalisasi_nama, nama_ascii), kode, pos, periksa)
    for idx in kode.index[salah_nama]:
        baris = ref.baris(kode[idx])
        j, benar = baris["jenis_unit"], baris["kelurahan"]
        masalah(idx, "kelurahan", f"Nama {j} '{nama[idx]}' tidak cocok dengan kode {kode[idx]}, yang merupakan {j} {benar}. Perbaiki kode atau namanya.")
    tanpa_kode = ~ada_kode & ada_nama
    jumlah = per_nama["jumlah_calon"].to_numpy()
    saran: dict[str, str | None] = {}
    for idx in kode.index[tanpa_kode & (jumlah == 0)]:
        if nama[idx] not in saran:
            saran[nama[idx]] = ref.saran_nama(nama[idx])
        mungkin = f" Mungkin maksud Anda '{saran[nama[idx]]}'?" if saran[nama[idx]] else ""
        masalah(idx, "kelurahan", f"Kelurahan tidak dikenal.{mungkin} Isi kode_kelurahan atau gunakan nama dari tabel referensi.")
    for idx in kode.index[tanpa_kode & (jumlah > 1)]:
        masalah(idx, "kelurahan", f"Nama '{nama[idx]}' dipakai {per_nama.at[idx, 'jumlah_calon']} desa/kelurahan: "
                f"{per_nama.at[idx, 'calon']}. Isi kode_kelurahan, atau kecamatan yang benar, agar jelas yang mana.")
    for idx in kode.index[~ada_kode & ~ada_nama]:
        masalah(idx, "kode_kelurahan", "Isi kode_kelurahan (kode Kemendagri) atau nama kelurahan.")

    terima = ada_kode & dikenal & ~salah_nama
    dari_nama = ~ada_kode & (kode_nama != "").to_numpy()
    hasil = kode.where(terima, "").mask(dari_nama, kode_nama)
    pos = np.where(terima, pos, -1)
    if dari_nama.any():
        pos[dari_nama] = ref.tabel.index.get_indexer(hasil[dari_nama])
    kec_ref = ref.tabel["kecamatan"].to_numpy(dtype=object)
    periksa_kec = np.flatnonzero((pos >= 0) & (kec != "").to_numpy())
    salah_kec = np.zeros(len(kode), dtype=bool)
    if len(periksa_kec):
        # The reference's kecamatan keyed once per unit, the rows' once per spelling.
        k_ref, u_ref = faktor(pd.Series(kec_ref), normalisasi_nama, nama_ascii)
        k_kec, u_kec = faktor(kec.iloc[periksa_kec].astype(str), normalisasi_nama, nama_ascii)
        salah_kec[periksa_kec] = ~sama_per_baris(k_kec, u_kec, k_ref[pos[periksa_kec]], u_ref)
    for idx in kode.index[salah_kec]:
        masalah(idx, "kecamatan", f"Kecamatan tidak cocok: kelurahan ini berada di Kecamatan {kec_ref[pos[kode.index.get_loc(idx)]]}.")
    return hasil, pos
