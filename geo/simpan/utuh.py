"""Integrity across records: whatever is saved loads again, and nothing points at a missing potential.

Two promises every save keeps, whichever record it writes:

* **Saved means loadable.** The cells about to be written are checked with the
  loader's own rules (no NUL byte, no cell over ``KIM_BATAS_KARAKTER_SEL``), named
  by row and column, and the exact bytes are read back through the loader before
  they replace the file (:func:`laporan_muat_ulang`).
* **No dangling references.** The activity log and the budget plan name
  potentials by ``id_potensi``. A KIM save that would remove a potential still
  named there is refused with the list of rows (:func:`cari_rujukan`), unless
  the editor chose the explicit, audited cascade (:func:`hapus_berantai`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo import config
from geo.galat import Laporan
from geo.masuk import batasan
from geo.masuk.baca import KOLOM_BARIS, baca_bytes

AKSI_BERANTAI = "hapus-berantai"
_EXCEL = {".xlsx", ".xlsm"}


def periksa_sel(teks: pd.DataFrame, berkas: str) -> Laporan:
    """Cells the loader would refuse (NUL byte, over-long), each named by row and column.

    ``teks`` holds text cells and ``_baris`` (the row numbers the editor sees).
    """
    laporan = Laporan()
    maks = batasan.KARAKTER_SEL.nilai()
    baris = teks[KOLOM_BARIS] if KOLOM_BARIS in teks else pd.Series(range(2, len(teks) + 2), index=teks.index)
    for kolom in teks.columns:
        if kolom == KOLOM_BARIS:
            continue
        sel = teks[kolom].astype(str)
        nul = sel.str.contains("\x00", regex=False)
        for idx in sel.index[nul]:
            laporan.tambah(berkas, "Sel berisi karakter NUL (kode 0), yang membuat berkas tidak dapat dibaca lagi. "
                           "Hapus karakter itu (biasanya terbawa dari salinan teks).", baris=int(baris[idx]), kolom=kolom,
                           nilai=sel[idx].replace("\x00", "")[:40])
        for idx in sel.index[~nul & (sel.str.len() > maks)]:
            laporan.tambah(berkas, batasan.KARAKTER_SEL.pesan(f"{len(sel[idx])} karakter"), baris=int(baris[idx]),
                           kolom=kolom, nilai=sel[idx][:40] + "…")
    return laporan


def laporan_muat_ulang(data: bytes, nama: str, kolom: tuple[str, ...],
                       validasi: Callable[[pd.DataFrame], Laporan]) -> Laporan:
    """Read ``data`` back exactly as the loader will and validate it: the last check before a write."""
    laporan = Laporan()
    mentah = baca_bytes(data, nama, laporan, excel=Path(nama).suffix.lower() in _EXCEL, kolom_dikenal=kolom)
    if mentah is not None:
        laporan.gabung(validasi(mentah))
    return laporan




@dataclass(frozen=True)
class Rujukan:
    """One row of another record that names a potential."""

    berkas: str
    baris: int
    kunci: str  # id_kegiatan / id_baris
    id_potensi: str

    def __str__(self) -> str:
        return f"{self.berkas} baris {self.baris} ({self.kunci}) → {self.id_potensi}"


def _baca_teks(path: Path, kolom: tuple[str, ...]) -> pd.DataFrame | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return baca_bytes(data, path.name, Laporan(), excel=path.suffix.lower() in _EXCEL, kolom_dikenal=kolom)


def _sumber(path_kim: Path, path_log: Path | None) -> list[tuple[Path, tuple[str, ...], str]]:
    from geo.anggaran.rencana import KOLOM_SEMUA
    from geo.masuk.kegiatan import KOLOM_KEGIATAN

    return [(path_log or config.path_kegiatan(path_kim), KOLOM_KEGIATAN, "id_kegiatan"),
            (config.path_anggaran(), tuple(KOLOM_SEMUA), "id_baris")]


def rujukan_dari(teks: pd.DataFrame | None, berkas: str, kunci: str, ids_hapus: set[str]) -> list[Rujukan]:
    """Rows of a text table whose ``id_potensi`` is one of ``ids_hapus``."""
    if teks is None or "id_potensi" not in teks or not ids_hapus:
        return []
    idp = teks["id_potensi"].astype(str).str.strip()
    asing = idp.isin(ids_hapus)
    return [Rujukan(berkas, int(teks.at[i, KOLOM_BARIS]), str(teks.at[i, kunci]) if kunci in teks else "", idp[i])
            for i in teks.index[asing]]


def cari_rujukan(path_kim: Path, ids_hapus: set[str], path_log: Path | None = None) -> list[Rujukan]:
    """Activity rows and budget lines (files beside ``path_kim``) naming a potential in ``ids_hapus``."""
    hasil: list[Rujukan] = []
    for path, kolom, kunci in _sumber(Path(path_kim), path_log):
        hasil += rujukan_dari(_baca_teks(path, kolom), path.name, kunci, ids_hapus)
    return hasil


def id_potensi_kini(path_kim: Path) -> set[str] | None:
    """The potentials the KIM file holds right now (read under its lock), None when unreadable."""
    from geo.masuk import skema

    teks = _baca_teks(Path(path_kim), tuple(skema.KOLOM_KIM))
    if teks is None or "id_potensi" not in teks:
        return None
    return set(teks["id_potensi"].astype(str).str.strip())


def periksa_id_kini(teks: pd.DataFrame, berkas: str, path_kim: Path) -> Laporan:
    """Rows naming a potential that is no longer in the KIM file (removed since the editor loaded it)."""
    return periksa_id_ada(teks, berkas, id_potensi_kini(path_kim))


def periksa_id_ada(teks: pd.DataFrame, berkas: str, ada: set[str] | None) -> Laporan:
    """Rows whose non-blank ``id_potensi`` is not among the potentials stored right now (``ada``)."""
    laporan = Laporan()
    if ada is None or "id_potensi" not in teks:
        return laporan
    idp = teks["id_potensi"].astype(str).str.strip()
    baris = teks[KOLOM_BARIS] if KOLOM_BARIS in teks else pd.Series(range(2, len(teks) + 2), index=teks.index)
    for i in teks.index[(idp != "") & ~idp.isin(ada)]:
        laporan.tambah(berkas, f"id_potensi '{idp[i]}' tidak ada (lagi) di tabel KIM: potensi ini baru saja dihapus. "
                       "Muat ulang data terbaru, lalu pilih potensi lain.", baris=int(baris[i]), kolom="id_potensi", nilai=idp[i])
    return laporan


def laporan_rujukan(rujukan: list[Rujukan], berkas: str) -> Laporan:
    """A refusal that lists what still points at the removed potentials, and the two ways out."""
    laporan = Laporan()
    per_id: dict[str, list[Rujukan]] = {}
    for r in rujukan:
        per_id.setdefault(r.id_potensi, []).append(r)
    for idp, daftar in per_id.items():
        contoh = "; ".join(str(r) for r in daftar[:10]) + (f"; dan {len(daftar) - 10} lainnya" if len(daftar) > 10 else "")
        laporan.tambah(berkas, f"Potensi {idp} tidak dapat dihapus: {len(daftar)} baris lain masih merujuknya ({contoh}). "
                       "Hapus atau pindahkan baris itu dulu, atau pilih 'hapus berantai' agar ikut dihapus (dicatat di audit).",
                       kolom="id_potensi", nilai=idp)
    return laporan


def pesan_rujukan(rujukan: list[Rujukan]) -> str:
    berkas = sorted({r.berkas for r in rujukan})
    return (f"Tidak disimpan: {len(rujukan)} baris di {', '.join(berkas)} masih merujuk potensi yang akan dihapus. "
            "Tidak ada yang diubah.")


@contextlib.contextmanager
def kunci_rujukan(path_kim: Path, path_log: Path | None = None, aktif: bool = True) -> Iterator[None]:
    """Hold the log's and the plan's locks (after the KIM table's: always that order), when ``aktif``.

    A save that removes potentials holds them from its reference check to its last
    write, so no activity or budget line naming a removed potential can slip in between.
    """
    from geo.simpan.berkas import kunci

    with contextlib.ExitStack() as tumpukan:
        if aktif:
            for path, _, _ in _sumber(Path(path_kim), path_log):
                tumpukan.enter_context(kunci(path))
        yield


def hapus_berantai(path_kim: Path, ids_hapus: set[str], pengguna: str, catatan: str,
                   path_log: Path | None = None, terkunci: bool = False) -> list[Rujukan]:
    """Remove the rows that name a potential in ``ids_hapus`` from the log and the plan, audited.

    The caller holds the KIM table's lock (and, with ``terkunci``, the log's and the
    plan's: :func:`kunci_rujukan`); each file gets a backup and an audit entry
    (``aksi`` = ``hapus-berantai``).
    """
    from geo.anggaran.simpan import _penulis as penulis_rencana
    from geo.simpan.kegiatan import _penulis as penulis_log
    from geo.simpan.kegiatan import ke_teks as log_teks
    from geo.simpan.kim import Perubahan, ganti_teraudit, ke_teks

    dihapus: list[Rujukan] = []
    with kunci_rujukan(path_kim, path_log, aktif=not terkunci):
        for path, kolom, kunci_id in _sumber(Path(path_kim), path_log):
            teks = _baca_teks(path, kolom)
            buang = rujukan_dari(teks, path.name, kunci_id, ids_hapus)
            if not buang:
                continue
            baris = {r.baris for r in buang}
            sisa = teks[~teks[KOLOM_BARIS].isin(baris)].reset_index(drop=True)
            tulis = (penulis_log(log_teks(sisa), path) if kunci_id == "id_kegiatan"
                     else penulis_rencana(ke_teks(sisa.reindex(columns=list(kolom)))))
            ganti_teraudit(path, tulis, pengguna, AKSI_BERANTAI, Perubahan(dihapus=[r.kunci for r in buang]), len(sisa),
                           catatan)
            dihapus += buang
    return dihapus
