"""Kelola Data's table editor keeps kim.csv's id_kim (#25): offered from the KIM table, saved, refused when missing."""

from __future__ import annotations

import pandas as pd

from tests.conftest import BARIS_BAIK, HEADER, KODE_A, KODE_B
from tests.halaman.test_kelola_apptest import (
    _buka,
    _masuk,
    _sunting,
    _tanpa_escape,
    _teks,
    akun,  # noqa: F401 - fixture
)


def _siapkan(w) -> None:
    (w.dir / "profil_kim.csv").write_text(f"id_kim,nama_kim,kode_kelurahan\nKIM-A,KIM Alfa,{KODE_A}\nKIM-B,KIM Beta,{KODE_B}\n",
                                          encoding="utf-8")
    w.tulis_kim([[*r, "KIM-A" if r[0].startswith("A") else ""] for r in BARIS_BAIK], header=[*HEADER, "id_kim"])


def _id_kim(w) -> dict[str, str]:
    f = pd.read_csv(w.kim, dtype=str, keep_default_na=False)
    return dict(zip(f["id_potensi"], f["id_kim"]))


def test_editor_menyimpan_id_kim(akun):  # noqa: F811 - the imported fixture
    _siapkan(akun)
    at = _masuk(_buka())
    kolom = at.session_state["kelola_draf"].columns
    assert "id_kim" in kolom
    at = _sunting(at, lambda d: d.assign(jumlah_anggota=d["jumlah_anggota"].where(d["id_potensi"] != "A-02", 9),
                                         id_kim=d["id_kim"].where(d["id_potensi"] != "B-02", "KIM-B")))
    assert "Tersimpan: 0 ditambah, 2 diubah" in _teks(at)
    assert _id_kim(akun) == {"A-01": "KIM-A", "A-02": "KIM-A", "A-03": "KIM-A", "B-01": "", "B-02": "KIM-B"}


def test_editor_menolak_id_kim_yang_tidak_ada(akun):  # noqa: F811 - the imported fixture
    _siapkan(akun)
    lama = akun.kim.read_bytes()
    at = _sunting(_masuk(_buka()), lambda d: d.assign(id_kim=d["id_kim"].where(d["id_potensi"] != "B-01", "KIM-X")))
    assert akun.kim.read_bytes() == lama
    assert "Belum disimpan" in _teks(at)
    laporan = _tanpa_escape(at.table[-1].value)
    assert list(zip(laporan["baris"].astype(str), laporan["kolom"])) == [("4", "id_kim")]
