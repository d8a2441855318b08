"""Shared flows for the jury scores and KIM targets in either store (#25): the same assertions on files and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from geo.kim.aturan import aturan_nilai
from geo.kim.juri import lembar_juri
from geo.kim.penilaian import nilai_juri_tersimpan, penilaian
from geo.kim.target import kemajuan_target, target_tersimpan
from geo.simpan.lingkup import Akun, GalatLingkup
from tests.conftest import KODE_A

EDITOR_A = Akun("eka", "editor", KODE_A)  # scope: kelurahan Alfa Laut only (KIM-A)
TANGGAL = dt.date(2026, 11, 15)
JURI_CSV = "id_kim,periode,kriteria,nilai\nKIM-A,2026,juri,80\nKIM-B,2025,juri,40.5\n"
TARGET_CSV = "id_kim,periode,jenis,target\nKIM-A,2026-Q4,kegiatan_per_triwulan,5\nKIM-B,2026-11,pos_per_bulan,2\n"


def tulis_juri_target(folder) -> None:
    (folder / "nilai_juri.csv").write_text(JURI_CSV, encoding="utf-8")
    (folder / "target_kim.csv").write_text(TARGET_CSV, encoding="utf-8")


def lembar(d, nilai: dict[str, float], periode: str = "2026") -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(lembar_juri(d.profil.tabel, aturan_nilai(d.wilayah), periode)))
    ws = wb["nilai_juri"]
    for baris in ws.iter_rows(min_row=2):
        if baris[0].value in nilai:
            baris[4].value = nilai[baris[0].value]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def juri_sebagai_set(d) -> set[tuple]:
    tabel, laporan = nilai_juri_tersimpan(d)
    assert laporan.ok, laporan.teks()
    return set() if tabel is None else set(tabel.itertuples(index=False, name=None))


def periksa_dimuat(d) -> None:
    """The Dataset carries both records as the files hold them, and the assessment and targets use them."""
    assert juri_sebagai_set(d) == {("KIM-A", "2026", "juri", 80.0), ("KIM-B", "2025", "juri", 40.5)}
    target, laporan = target_tersimpan(d)
    assert laporan.ok and sorted(target.itertuples(index=False, name=None)) == [
        ("KIM-A", "2026-Q4", "kegiatan_per_triwulan", 5.0), ("KIM-B", "2026-11", "pos_per_bulan", 2.0)]
    h = penilaian(d, TANGGAL).hasil.set_index("id_kim")
    assert h.at["KIM-A", "nilai_juri"] == 80.0 and pd.isna(h.at["KIM-B", "nilai_juri"])  # B's score is 2025's
    k = kemajuan_target(d, TANGGAL, target).set_index(["id_kim", "jenis"])
    assert k.at[("KIM-A", "kegiatan_per_triwulan"), "target"] == 5.0 and k.at[("KIM-B", "pos_per_bulan"), "target"] == 2.0
    assert k.at[("KIM-B", "kegiatan_per_triwulan"), "target"] == 3.0  # no own target: wilayah.json's default


def alur_lembar_juri(g, muat, audit_ditolak) -> None:
    """A jury sheet through ``Gudang.simpan_nilai_juri``: merged into the stored scores, audited, scope-checked."""
    d = muat()
    n, laporan = g.simpan_nilai_juri(d, lembar(d, {"KIM-A": 91}), "juri.xlsx", EDITOR_A)
    assert laporan.ok and n == 1, laporan.teks()
    d = muat()
    assert juri_sebagai_set(d) == {("KIM-A", "2026", "juri", 91.0), ("KIM-B", "2025", "juri", 40.5)}  # 2025's kept
    assert penilaian(d, TANGGAL).hasil.set_index("id_kim").at["KIM-A", "nilai_juri"] == 91.0
    audit = g.baca_audit("nilai_juri")
    assert audit.iloc[0]["aksi"] == "nilai-juri" and audit.iloc[0]["pengguna"] == "eka"
    with pytest.raises(GalatLingkup):  # KIM-B is outside the account's scope: nothing changes, the refusal is audited
        g.simpan_nilai_juri(d, lembar(d, {"KIM-B": 70}), "juri.xlsx", EDITOR_A)
    assert juri_sebagai_set(muat()) == {("KIM-A", "2026", "juri", 91.0), ("KIM-B", "2025", "juri", 40.5)}
    assert audit_ditolak()
    buruk = lembar(d, {"KIM-A": 140})
    n, laporan = g.simpan_nilai_juri(d, buruk, "juri.xlsx", EDITOR_A)
    assert n == 0 and {(m.baris, m.kolom) for m in laporan.galat} == {(2, "juri")}
    assert juri_sebagai_set(muat()) == {("KIM-A", "2026", "juri", 91.0), ("KIM-B", "2025", "juri", 40.5)}


def alur_target(g, muat, audit_ditolak) -> None:
    """A target table through ``Gudang.simpan_target``: replaces the stored one, audited, scope-checked, loadable."""
    from geo.simpan.lingkup import Akun

    d = muat()
    baru = "id_kim,periode,jenis,target\nKIM-A,2026-Q4,kegiatan_per_triwulan,7\nKIM-B,2026-11,pos_per_bulan,2\n"
    with pytest.raises(GalatLingkup):  # a row of KIM-B changes: outside eka's scope, nothing stored
        g.simpan_target(d, baru.replace("pos_per_bulan,2", "pos_per_bulan,1").encode(), "target.csv", EDITOR_A)
    assert audit_ditolak()
    n, laporan = g.simpan_target(d, baru.encode(), "target.csv", EDITOR_A)  # only KIM-A's row changes
    assert laporan.ok and n == 2, laporan.teks()
    k = target_tersimpan(muat())[0].set_index(["id_kim", "jenis"])
    assert k.at[("KIM-A", "kegiatan_per_triwulan"), "target"] == 7.0
    assert g.baca_audit("target_kim").iloc[0]["aksi"] == "target"
    n, laporan = g.simpan_target(d, b"id_kim,periode,jenis,target\nKIM-Z,2026-11,pos_per_hari,-1\n", "t.csv",
                                 Akun("admin", "admin", ""))
    assert n == 0 and {(m.baris, m.kolom) for m in laporan.galat} == {(2, "id_kim"), (2, "jenis")}
    assert target_tersimpan(muat())[0].set_index(["id_kim", "jenis"]).at[("KIM-A", "kegiatan_per_triwulan"), "target"] == 7.0
