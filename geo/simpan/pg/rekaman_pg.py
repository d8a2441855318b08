"""The activity log and the budget plan in PostgreSQL: one row of text cells per line (migration 0002).

A row's cells are kept by column name in ``rekaman_baris.sel``, exactly as a file
would hold them, so loading rebuilds the file's table and runs the file's own
validation; a column added to the log or the plan needs no migration. A save
is one transaction under the store's advisory lock: rows the editor changed
are checked against the versions they loaded (other rows may have moved on,
and both edits survive), the merged table passes the loader's rules, only the
changed rows are written, and an audit row keeps the replaced lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd

from geo.galat import Laporan
from geo.masuk.baca import KOLOM_BARIS
from geo.simpan import utuh
from geo.simpan.kim import HasilSimpan, Perubahan, perubahan_menurut

JENIS_KEGIATAN, JENIS_ANGGARAN = "kegiatan", "anggaran"
KUNCI = {JENIS_KEGIATAN: "id_kegiatan", JENIS_ANGGARAN: "id_baris", "penetapan": "id_baris"}  # penetapan: the baseline (0007)

# (typed table, report) for a text table: the record's own validation, as on load.
Validasi = Callable[[pd.DataFrame], tuple[pd.DataFrame, Laporan]]


def label(jenis: str) -> str:
    """The name reports give the record, where a file store would name its file."""
    return f"{jenis} (basis data)"


def baca(conn, jenis: str) -> tuple[pd.DataFrame | None, dict[str, int]]:
    """The record as text cells plus ``_baris`` (2.., as rows of its file), and each row's version.

    None when the record was never stored (as a missing file).
    """
    kolom_row = conn.execute("SELECT kolom FROM rekaman_kolom WHERE jenis = %s", (jenis,)).fetchone()
    if kolom_row is None:
        return None, {}
    kolom = [str(k) for k in kolom_row[0]]
    rows = conn.execute("SELECT kunci, sel, versi FROM rekaman_baris WHERE jenis = %s ORDER BY urutan, kunci",
                        (jenis,)).fetchall()
    frame = pd.DataFrame([[str(r[1].get(k, "")) for k in kolom] for r in rows], columns=kolom)
    frame[KOLOM_BARIS] = range(2, len(rows) + 2)
    return frame, {str(r[0]): int(r[2]) for r in rows}


def _teks(frame: pd.DataFrame, kolom: list[str]) -> pd.DataFrame:
    hasil = frame.reindex(columns=kolom).astype(object).where(frame.reindex(columns=kolom).notna(), "").astype(str)
    hasil[KOLOM_BARIS] = frame[KOLOM_BARIS].to_numpy() if KOLOM_BARIS in frame else range(2, len(frame) + 2)
    return hasil.reset_index(drop=True)


def _terapkan(kini: pd.DataFrame, baru: pd.DataFrame, ubah: Perubahan, kunci: str) -> pd.DataFrame:
    """The current rows with only this editor's changes applied (row-level merge), in the current order."""
    kini = kini.set_index(kunci, drop=False)
    baru = baru.set_index(kunci, drop=False)
    tetap = kini.drop(index=[i for i in ubah.dihapus if i in kini.index])
    ganti = [i for i in ubah.diubah if i in tetap.index]
    tetap.loc[ganti] = baru.loc[ganti, tetap.columns].to_numpy()
    return pd.concat([tetap, baru.loc[ubah.ditambah, tetap.columns]]).reset_index(drop=True)


def simpan(conn, jenis: str, frame: pd.DataFrame, validasi: Validasi, kanonik: Callable[[pd.DataFrame, pd.DataFrame], pd.DataFrame],
           pengguna: str, sidik_awal, *, aksi: str, berkas: str, catatan: str, periksa_konflik: bool,
           kunci_simpan: int, periksa: Callable[[pd.DataFrame, pd.DataFrame, Perubahan], None] | None = None,
           ) -> tuple[HasilSimpan, int | None]:
    """Validate ``frame`` (text cells) and make it the record, inside the caller's transaction.

    ``kanonik(teks, typed)`` gives the cells to store (ISO dates, plain rupiah); ``periksa(lama,
    baru, perubahan)`` may refuse the write (an account's scope, :class:`geo.simpan.lingkup.GalatLingkup`). Raises
    :class:`geo.simpan.pg.gudang_pg.GalatKonflikBaris` when a row this editor changed was
    changed by someone else since ``sidik_awal``.
    """
    from geo.simpan.pg.gudang_pg import GalatKonflikBaris, SidikBaris

    conn.execute("SELECT pg_advisory_xact_lock(%s)", (kunci_simpan,))
    kunci = KUNCI[jenis]
    lama, versi = baca(conn, jenis)
    kolom = [c for c in frame.columns if c != KOLOM_BARIS]
    teks = _teks(frame, kolom)
    lama_teks = _teks(lama, kolom) if lama is not None else _teks(pd.DataFrame(columns=kolom), kolom)
    if periksa_konflik and isinstance(sidik_awal, SidikBaris) and versi != sidik_awal.versi:
        ubah = perubahan_menurut(_teks(sidik_awal.tabel, kolom), teks, kunci)
        bentrok = [i for i in [*ubah.diubah, *ubah.dihapus] if versi.get(i) != sidik_awal.versi.get(i)]
        bentrok += [i for i in ubah.ditambah if i in versi]
        if bentrok:
            raise GalatKonflikBaris(bentrok)
        teks = _teks(_terapkan(lama_teks, teks, ubah, kunci), kolom)
    elif periksa_konflik and sidik_awal is None and versi:
        raise GalatKonflikBaris(list(versi)[:10])
    laporan = utuh.periksa_sel(teks, berkas)
    if laporan.ok:  # against the potentials stored now (under the lock), not as this editor loaded them
        ada = {str(r[0]) for r in conn.execute("SELECT id_potensi FROM kim_potensi")}
        laporan = utuh.periksa_id_ada(teks, berkas, ada)
    if laporan.ok:
        typed, laporan = validasi(teks)
    if not laporan.ok:
        return HasilSimpan(False, laporan, pesan=f"Tidak disimpan: {len(laporan.galat)} galat harus diperbaiki dulu."), None
    simpanan = _teks(kanonik(teks, typed), kolom)
    # Whatever is saved must load: the exact cells about to be stored, through the loader's rules.
    _, laporan_muat = validasi(simpanan)
    if not laporan_muat.ok:
        return HasilSimpan(False, laporan_muat, pesan=f"Tidak disimpan: {len(laporan_muat.galat)} galat harus diperbaiki dulu."), None
    perubahan = perubahan_menurut(lama_teks, simpanan, kunci)
    if perubahan.kosong and lama is not None:
        return HasilSimpan(False, laporan, perubahan, pesan="Tidak ada perubahan; data di basis data tidak diubah."), None
    if periksa is not None:  # #24: the acting account's role and scope on the rows this save changes
        periksa(lama_teks, simpanan, perubahan)
    tulis(conn, jenis, simpanan, kolom, perubahan, pengguna)
    sebelum = json.dumps(lama_teks.drop(columns=KOLOM_BARIS).to_dict(orient="records"), ensure_ascii=False) if lama is not None else None
    id_audit = catat_audit(conn, jenis, pengguna, aksi, berkas, perubahan, len(simpanan), catatan, sebelum)
    _, versi_baru = baca(conn, jenis)
    return HasilSimpan(True, laporan, perubahan, sidik=SidikBaris(versi_baru, simpanan),
                       pesan=f"Tersimpan: {perubahan.ringkas()}."), id_audit


def catat_audit(conn, jenis: str, pengguna: str, aksi: str, berkas: str, perubahan: Perubahan, jumlah: int,
                catatan: str, sebelum: str | None) -> int:
    return int(conn.execute(
        "INSERT INTO audit (rekaman, pengguna, aksi, berkas, ditambah, diubah, dihapus, jumlah_baris, catatan, sebelum) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
        (jenis, pengguna, aksi, berkas, json.dumps(perubahan.ditambah), json.dumps(perubahan.diubah),
         json.dumps(perubahan.dihapus), jumlah, catatan, sebelum),
    ).fetchone()[0])


def tulis(conn, jenis: str, teks: pd.DataFrame, kolom: list[str], perubahan: Perubahan, pengguna: str) -> None:
    """Delete, update (version + 1) and insert only the changed rows; then the order and the header."""
    kunci = KUNCI[jenis]
    baris = teks.set_index(kunci, drop=False)

    def sel(i: str) -> tuple[str, str]:
        isi = {k: str(baris.at[i, k]) for k in kolom}
        return json.dumps(isi, ensure_ascii=False), isi.get("id_potensi", "")

    with conn.cursor() as cur:
        if perubahan.dihapus:
            cur.execute("DELETE FROM rekaman_baris WHERE jenis = %s AND kunci = ANY(%s)", (jenis, perubahan.dihapus))
        if perubahan.diubah:
            cur.executemany("UPDATE rekaman_baris SET sel = %s, id_potensi = %s, versi = versi + 1, diubah_pada = now(), "
                            "diubah_oleh = %s WHERE jenis = %s AND kunci = %s",
                            [(*sel(i), pengguna, jenis, i) for i in perubahan.diubah])
        if perubahan.ditambah:
            cur.executemany("INSERT INTO rekaman_baris (jenis, kunci, sel, id_potensi, urutan, diubah_oleh) "
                            "VALUES (%s, %s, %s, %s, 0, %s)", [(jenis, i, *sel(i), pengguna) for i in perubahan.ditambah])
        ids = list(baris.index.astype(str))
        cur.execute("UPDATE rekaman_baris r SET urutan = v.u FROM unnest(%s::text[], %s::int[]) AS v(id, u) "
                    "WHERE r.jenis = %s AND r.kunci = v.id AND r.urutan IS DISTINCT FROM v.u",
                    (ids, list(range(1, len(ids) + 1)), jenis))
        cur.execute("INSERT INTO rekaman_kolom (jenis, kolom) VALUES (%s, %s) ON CONFLICT (jenis) DO UPDATE "
                    "SET kolom = EXCLUDED.kolom, versi = rekaman_kolom.versi + 1 WHERE rekaman_kolom.kolom <> EXCLUDED.kolom",
                    (jenis, json.dumps(kolom)))


def rujukan(conn, ids_hapus: list[str]) -> list[utuh.Rujukan]:
    """Activity rows and budget lines that name one of ``ids_hapus``."""
    if not ids_hapus:
        return []
    hasil = []
    for jenis in (JENIS_KEGIATAN, JENIS_ANGGARAN):
        teks, _ = baca(conn, jenis)
        hasil += utuh.rujukan_dari(teks, label(jenis), KUNCI[jenis], set(ids_hapus))
    return hasil


def hapus_berantai(conn, rujukan_: list[utuh.Rujukan], pengguna: str, catatan: str) -> int:
    """The explicit cascade: remove the rows that name removed potentials, one audit entry per record."""
    for jenis in (JENIS_KEGIATAN, JENIS_ANGGARAN):
        kunci = [r.kunci for r in rujukan_ if r.berkas == label(jenis)]
        if not kunci:
            continue
        lama, _ = baca(conn, jenis)
        sebelum = json.dumps(lama.drop(columns=KOLOM_BARIS).to_dict(orient="records"), ensure_ascii=False)
        conn.execute("DELETE FROM rekaman_baris WHERE jenis = %s AND kunci = ANY(%s)", (jenis, kunci))
        catat_audit(conn, jenis, pengguna, utuh.AKSI_BERANTAI, label(jenis), Perubahan(dihapus=kunci), len(lama) - len(kunci),
                    catatan, sebelum)
    return len(rujukan_)
