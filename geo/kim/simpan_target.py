"""Saving the per-KIM targets (#25) through the store: a CSV/XLSX table replaces the stored one.

One check for both stores (:func:`periksa_target`): the loader's own rules
(:func:`geo.kim.target.target_dari_teks`) on the exact cells to be stored, plus a
known ``id_kim``. The account's scope covers every KIM whose target changes
(:func:`geo.simpan.lingkup.periksa_profil`, refusal audited). The file store's
save is here (``target_kim.csv`` or ``KIM_TARGET``, backed up and audited);
PostgreSQL's is :meth:`geo.simpan.pg.juri_pg.JuriPG.simpan_target`.
"""

from __future__ import annotations

import pandas as pd

from geo.galat import Laporan
from geo.kim.target import KOLOM_TARGET, target_dari_teks
from geo.masuk.baca import KOLOM_BARIS, baca_bytes, nama_excel
from geo.masuk.dataset import Dataset
from geo.simpan.kim import Perubahan
from geo.simpan.lingkup import Pelaku


def periksa_target(dataset: Dataset, data: bytes, nama: str) -> tuple[pd.DataFrame, Laporan]:
    """The uploaded table as the text cells to store (KOLOM_TARGET, canonical numbers) and the report on it."""
    laporan = Laporan()
    mentah = baca_bytes(data, nama, laporan, excel=nama_excel(nama), kolom_dikenal=KOLOM_TARGET)
    if mentah is None or not laporan.ok:
        return pd.DataFrame(columns=list(KOLOM_TARGET)), laporan
    for k in KOLOM_TARGET:
        if k not in mentah:
            laporan.tambah(nama, f"Kolom {k} tidak ada. Kolom yang diperlukan: {', '.join(KOLOM_TARGET)}.", baris=1, kolom=k)
    if not laporan.ok:
        return pd.DataFrame(columns=list(KOLOM_TARGET)), laporan
    dikenal = set(dataset.profil.tabel["id_kim"].astype(str))  # type: ignore[attr-defined]
    asing = mentah[~mentah["id_kim"].astype(str).isin(dikenal)]
    for baris, id_kim in zip(asing[KOLOM_BARIS], asing["id_kim"]):
        laporan.tambah(nama, "id_kim tidak ada di tabel KIM. Pakai id_kim dari tabel KIM (Profil KIM).",
                       baris=int(baris), kolom="id_kim", nilai=str(id_kim))
    tabel = target_dari_teks(mentah, nama, laporan)
    teks = tabel.astype(object).astype(str).reset_index(drop=True)
    # Whatever is saved must load: the exact cells go through the loader's rules once more.
    target_dari_teks(teks.assign(**{KOLOM_BARIS: range(2, len(teks) + 2)}), nama, laporan)
    return teks, laporan


def kim_berubah(lama: pd.DataFrame | None, baru: pd.DataFrame) -> tuple[list[str], Perubahan]:
    """The KIM whose targets change (for the scope check) and the rows changed, keyed ``id_kim|periode|jenis``."""
    def per_kunci(t: pd.DataFrame | None) -> dict[str, tuple]:
        if t is None or not len(t):
            return {}
        t = t.reindex(columns=list(KOLOM_TARGET)).astype(str)
        return {"|".join(r[:3]): r for r in t.itertuples(index=False, name=None)}

    a, b = per_kunci(lama), per_kunci(baru)
    ubah = Perubahan(ditambah=[k for k in b if k not in a], diubah=[k for k in b if k in a and a[k] != b[k]],
                     dihapus=[k for k in a if k not in b])
    ids = list(dict.fromkeys(k.split("|")[0] for k in [*ubah.ditambah, *ubah.diubah, *ubah.dihapus]))
    return ids, ubah


def simpan_target_berkas(dataset: Dataset, data: bytes, nama: str, pengguna: Pelaku) -> tuple[int, Laporan]:
    """The file store: the table replaces target_kim.csv (locked, backed up, audited); (rows stored, report)."""
    from geo.kim.daftar import baca_opsional
    from geo.kim.simpan_profil import kode_per_id, profil_untuk_sunting
    from geo.kim.target import path_target
    from geo.simpan.berkas import kunci
    from geo.simpan.kim import ganti_teraudit
    from geo.simpan.lingkup import dicatat_di, nama_pelaku, periksa_profil

    teks, laporan = periksa_target(dataset, data, nama)
    if not laporan.ok:
        return 0, laporan
    tujuan = path_target(dataset.path_kim)
    kode = kode_per_id(profil_untuk_sunting(dataset))
    with kunci(tujuan), dicatat_di(tujuan):
        laporan_lama = Laporan()
        lama = baca_opsional(tujuan, laporan_lama, KOLOM_TARGET)  # as stored now, under the lock
        ids, perubahan = kim_berubah(target_dari_teks(lama, tujuan.name, Laporan()) if lama is not None else None, teks)
        periksa_profil(pengguna, kode, kode, [], ids, [])
        isi = teks.to_csv(index=False, encoding="utf-8", lineterminator="\n").encode("utf-8")
        ganti_teraudit(tujuan, isi, nama_pelaku(pengguna), "target", perubahan, len(teks), f"{len(teks)} target dari {nama}")
    return len(teks), laporan
