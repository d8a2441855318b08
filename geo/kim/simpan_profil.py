"""Saving the KIM table (profil_kim) from the page, with the promises of every other save.

A save is validated by the loader's own :func:`geo.kim.profil.validasi_profil`
(row and column named), refused outside the account's scope
(:func:`geo.simpan.lingkup.periksa_profil`, refusal audited), refused when it
removes a KIM that kim.csv rows still name by ``id_kim``, backed up and audited.
The file store's save is here; PostgreSQL's (:mod:`geo.simpan.pg.profil_pg`)
shares the checks below.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.galat import Laporan
from geo.kim.logo import folder_logo
from geo.kim.profil import KOLOM_PROFIL, path_profil, validasi_profil
from geo.kim.tautan import KOLOM_ID_KIM, id_kim_sel, profil_dengan_daftar
from geo.masuk.baca import KOLOM_BARIS, baca_bytes, baca_tabel, nama_excel
from geo.masuk.dataset import Dataset
from geo.simpan.berkas import Sidik, kunci
from geo.simpan.kim import HasilSimpan, Perubahan, ganti_teraudit, ke_teks, perubahan_menurut, sesi_simpan
from geo.simpan.lingkup import Pelaku, dicatat_di, nama_pelaku, periksa_profil
from geo.simpan.rujukan_kim import KOLOM_SIMPAN

AKSI_PROFIL = "sunting-profil"
REKAMAN_PROFIL = "profil_kim"  # the audit's record name in both stores


def teks_profil(frame: pd.DataFrame) -> pd.DataFrame:
    """Any KIM table (typed or text) → its text cells in :data:`KOLOM_PROFIL` order, rows numbered 1.. as on the page."""
    teks = ke_teks(frame.drop(columns=KOLOM_BARIS, errors="ignore").reindex(columns=list(KOLOM_PROFIL)))
    return teks.astype({k: object for k in KOLOM_PROFIL})


def profil_untuk_sunting(dataset: Dataset) -> pd.DataFrame:
    """The KIM table as the page edits it: every KIM (those made from kim.csv too), text cells, no row numbers.

    Saving it the first time writes the migrated KIM into the table.
    """
    if dataset.profil is None:
        return pd.DataFrame(columns=list(KOLOM_PROFIL))
    return teks_profil(profil_dengan_daftar(dataset.profil)).drop(columns=KOLOM_BARIS)


def periksa_teks(frame: pd.DataFrame, berkas: str, dataset: Dataset, folder: Path | None) -> tuple[pd.DataFrame, Laporan]:
    """The editor's table as text, and the loader's report on it (rows as the page numbers them)."""
    teks = teks_profil(frame)
    _, laporan = validasi_profil(teks, berkas, dataset.referensi, folder=folder)
    return teks, laporan


def kode_per_id(teks: pd.DataFrame) -> dict[str, str]:
    return dict(zip(teks["id_kim"].astype(str), teks["kode_kelurahan"].astype(str)))


def bandingkan_profil(lama: pd.DataFrame, baru: pd.DataFrame) -> Perubahan:
    """KIM added, changed and removed, matched by ``id_kim`` on their text cells."""
    kolom = list(KOLOM_PROFIL)
    return perubahan_menurut(ke_teks(lama.reindex(columns=kolom)), ke_teks(baru.reindex(columns=kolom)), "id_kim")


def laporan_dirujuk(rujukan: pd.DataFrame, berkas_kim: str) -> Laporan:
    """One error per kim.csv row (``_baris``, ``id_potensi``, ``id_kim``) naming a KIM this save removes."""
    laporan = Laporan()
    for r in rujukan.to_dict("records"):
        laporan.tambah(berkas_kim, f"Potensi {r['id_potensi']} masih merujuk KIM {r[KOLOM_ID_KIM]} yang akan dihapus dari "
                       "tabel KIM. Ubah atau kosongkan id_kim potensi itu dulu (Kelola Data), lalu hapus KIM-nya.",
                       baris=int(r[KOLOM_BARIS]), kolom=KOLOM_ID_KIM, nilai=str(r[KOLOM_ID_KIM]))
    return laporan


def pesan_dirujuk(laporan: Laporan) -> str:
    return f"Tidak disimpan: {len(laporan.galat)} potensi masih merujuk KIM yang dihapus."


def tolak_galat(laporan: Laporan) -> HasilSimpan:
    return HasilSimpan(False, laporan, pesan=f"Tidak disimpan: {len(laporan.galat)} galat harus diperbaiki dulu.")


def _rujukan_berkas(path_kim: Path, ids: list[str]) -> pd.DataFrame:
    """kim.csv rows whose ``id_kim`` is one of ``ids`` (their file rows)."""
    kosong = pd.DataFrame(columns=[KOLOM_BARIS, "id_potensi", KOLOM_ID_KIM])
    if not ids:
        return kosong
    teks = baca_tabel(path_kim, Laporan(), kolom_dikenal=KOLOM_SIMPAN) if path_kim.exists() else None
    if teks is None or KOLOM_ID_KIM not in teks:
        return kosong
    teks = teks.assign(**{KOLOM_ID_KIM: id_kim_sel(teks)})
    return teks.loc[teks[KOLOM_ID_KIM].isin(ids), [KOLOM_BARIS, "id_potensi", KOLOM_ID_KIM]]


def _isi(teks: pd.DataFrame, path: Path) -> bytes:
    import io

    tabel = teks.drop(columns=KOLOM_BARIS)
    buf = io.BytesIO()
    if nama_excel(path):
        tabel.to_excel(buf, index=False, engine="openpyxl")
    else:
        tabel.to_csv(buf, index=False, encoding="utf-8", lineterminator="\n")
    return buf.getvalue()


def baca_profil_untuk_sunting(dataset: Dataset) -> tuple[pd.DataFrame, Sidik | None]:
    """The file store: the table to edit and the fingerprint of profil_kim.csv as it is now."""
    return profil_untuk_sunting(dataset), Sidik.dari(path_profil(dataset.path_kim))


def simpan_profil(frame: pd.DataFrame, dataset: Dataset, pengguna: Pelaku, sidik_awal: Sidik | None, *,
                  aksi: str = AKSI_PROFIL, berkas: str = "tabel KIM", catatan: str = "") -> HasilSimpan:
    """Validate ``frame`` and make it profil_kim.csv, or refuse and say why (file store).

    Raises :class:`geo.simpan.kim.GalatKonflik` when the file changed since
    ``sidik_awal`` and :class:`geo.simpan.lingkup.GalatLingkup` outside the scope
    (audited in ``audit_profil_kim.jsonl``).
    """
    path_kim = Path(dataset.path_kim)
    path = path_profil(path_kim)
    teks, laporan = periksa_teks(frame, berkas, dataset, path.parent)
    if not laporan.ok:
        return tolak_galat(laporan)
    # kim.csv's lock too: a potential cannot be pointed at a KIM while this save removes it.
    with kunci(path_kim), sesi_simpan(path, sidik_awal) as kini:
        lama = profil_untuk_sunting(dataset)
        if kini is not None:
            mentah = baca_tabel(path, Laporan(), kolom_dikenal=KOLOM_PROFIL)
            lama = teks_profil(mentah) if mentah is not None else lama
        perubahan = bandingkan_profil(lama, teks)
        if perubahan.kosong and kini is not None:
            return HasilSimpan(False, laporan, perubahan, sidik=kini, pesan="Tidak ada perubahan; berkas tidak diubah.")
        with dicatat_di(path):
            periksa_profil(pengguna, kode_per_id(lama), kode_per_id(teks), perubahan.ditambah, perubahan.diubah,
                           perubahan.dihapus)
        dirujuk = laporan_dirujuk(_rujukan_berkas(path_kim, perubahan.dihapus), path_kim.name)
        if not dirujuk.ok:
            return HasilSimpan(False, dirujuk, perubahan, pesan=pesan_dirujuk(dirujuk))
        data = _isi(teks, path)
        # Saved means loadable: the exact bytes pass the loader's checks.
        mentah = baca_bytes(data, path.name, Laporan(), excel=nama_excel(path), kolom_dikenal=KOLOM_PROFIL)
        _, laporan_muat = validasi_profil(mentah, path.name, dataset.referensi, folder=None)
        if not laporan_muat.ok:
            return tolak_galat(laporan_muat)
        cadangan = ganti_teraudit(path, data, nama_pelaku(pengguna), aksi, perubahan, len(teks), catatan)
        return HasilSimpan(True, laporan, perubahan, cadangan, Sidik.dari(path), f"Tersimpan: {perubahan.ringkas()}.")


def nama_logo(id_kim: str, jenis: str) -> str:
    """``KIM-BTG-KUA.png``: one logo per KIM, named by its id (ids are already file-safe)."""
    return f"{id_kim}.{'png' if jenis == 'png' else 'jpg'}"


def periksa_logo_lingkup(pengguna: Pelaku, id_kim: str, kode: str) -> None:
    """A logo is a change of its KIM: the same role and scope check as a save of that row."""
    periksa_profil(pengguna, {id_kim: kode}, {id_kim: kode}, [], [id_kim], [])


def simpan_logo(dataset: Dataset, id_kim: str, data: bytes, pengguna: Pelaku, nama: str = "logo") -> str:
    """Check an uploaded logo as a photo, store its clean image in ``logo_kim/`` (backed up, audited); its file name.

    The KIM's ``logo`` cell is then saved with the table (:func:`simpan_profil`).
    Raises ``GalatData`` for a refused image, ``GalatLingkup`` outside the scope.
    """
    from geo.kim.logo import logo_siap

    path = path_profil(dataset.path_kim)
    kode = kode_per_id(profil_untuk_sunting(dataset)).get(id_kim, "")
    with dicatat_di(path):
        periksa_logo_lingkup(pengguna, id_kim, kode)
    isi, jenis = logo_siap(data, nama)
    tujuan = folder_logo(path) / nama_logo(id_kim, jenis)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    with kunci(path):
        ganti_teraudit(tujuan, isi, nama_pelaku(pengguna), "logo", Perubahan(diubah=[id_kim]), None,
                       f"logo {id_kim} dari {nama}", jurnal=tujuan.with_name(f".{tujuan.name}.tertunda"), log=path,
                       berkas=f"logo_kim/{tujuan.name}")
    return tujuan.name


def muat_lembar_juri(dataset: Dataset, data: bytes, nama: str, pengguna: Pelaku) -> tuple[int, Laporan]:
    """A filled jury sheet (``kim juri-templat``) into nilai_juri.csv: the file store's ``Gudang.simpan_nilai_juri``.

    Nothing is written unless every cell is valid; scores of a KIM outside the
    account's scope are refused (audited). Returns (scores loaded, report).
    """
    from geo.kim.aturan import aturan_nilai
    from geo.kim.juri import baca_lembar_juri, gabung_nilai, ke_csv_juri, muat_nilai_juri, path_juri

    tabel, laporan = baca_lembar_juri(data, nama, aturan_nilai(dataset.wilayah), set(dataset.profil.tabel["id_kim"]))
    if not laporan.ok:
        return 0, laporan
    tujuan = path_juri(dataset.path_kim)
    ids = list(dict.fromkeys(tabel["id_kim"].astype(str)))
    kode = kode_per_id(profil_untuk_sunting(dataset))
    with kunci(tujuan), dicatat_di(tujuan):
        periksa_profil(pengguna, kode, kode, [], ids, [])
        laporan_lama = Laporan()
        lama = muat_nilai_juri(tujuan, laporan_lama)  # the scores as stored now, under the lock (not the loaded Dataset's)
        if not laporan_lama.ok:
            return 0, laporan_lama
        ganti_teraudit(tujuan, ke_csv_juri(gabung_nilai(lama, tabel)), nama_pelaku(pengguna), "nilai-juri",
                       Perubahan(diubah=ids), len(tabel), f"{len(tabel)} nilai dari {nama}")
    return len(tabel), laporan


__all__ = ["AKSI_PROFIL", "REKAMAN_PROFIL", "baca_profil_untuk_sunting", "bandingkan_profil", "folder_logo", "kode_per_id",
           "laporan_dirujuk", "muat_lembar_juri", "nama_logo", "periksa_teks", "profil_untuk_sunting", "simpan_logo",
           "simpan_profil", "teks_profil"]
