"""Accounts and scope in PostgreSQL (real server, tests/pg_uji.py): the same refusals, audited in the database."""

from __future__ import annotations

import pytest

from geo.simpan.daftar_akun import hapus_akun, penyimpan_untuk, tambah_akun, ubah_akun
from geo.simpan.lingkup import PELAPOR, Akun, GalatLingkup
from geo.simpan.pg import pindah
from geo.simpan.pg.gudang_pg import GudangPG
from tests.conftest import KODE_A

pytestmark = pytest.mark.lambat


def _audit(g: GudangPG) -> list[tuple]:
    with g.kolam.koneksi() as conn:
        return conn.execute("SELECT pengguna, aksi, berkas, diubah FROM audit ORDER BY id").fetchall()


def test_pg_pelapor_di_luar_lingkup_ditolak_dan_dicatat(url_pg, wilayah_uji):
    g = GudangPG(url_pg)
    assert pindah.impor(g, "uji", wilayah_uji.kim, wilayah_uji.batas, wilayah_uji.referensi, wilayah_uji.wilayah).hasil is not None
    ds = g.muat()
    tabel, sidik = g.baca_untuk_sunting(ds)
    tabel.loc[tabel["id_potensi"] == "B-01", "status_aktivitas"] = "Aktif"
    with pytest.raises(GalatLingkup, match="B-01"):
        g.simpan_kim(tabel, ds, Akun("pelapor_a", PELAPOR, KODE_A), sidik)
    assert g.muat().potensi.set_index("id_potensi").at["B-01", "status_aktivitas"] == "Tidak Aktif"  # rolled back
    assert _audit(g)[-1][:2] == ("pelapor_a", "ditolak-kim") and _audit(g)[-1][3] == ["B-01"]
    tabel, sidik = g.baca_untuk_sunting(ds)
    tabel.loc[tabel["id_potensi"] == "A-02", "status_aktivitas"] = "Aktif"
    assert g.simpan_kim(tabel, ds, Akun("pelapor_a", PELAPOR, KODE_A), sidik).disimpan
    assert _audit(g)[-1][:2] == ("pelapor_a", "sunting")


def test_pg_akun_di_tabel_akun(url_pg):
    g = GudangPG(url_pg)
    penyimpan = penyimpan_untuk(g)
    tambah_akun(penyimpan, "admin", "sari", "rahasia-sari", "pelapor", "6474011001")
    ubah_akun(penyimpan, "admin", "sari", peran="editor")
    (a,) = penyimpan.baca()
    assert (a.nama, a.peran, a.lingkup) == ("sari", "editor", "64.74.01.1001") and a.hash.startswith("$2")
    with pytest.raises(GalatLingkup):
        hapus_akun(penyimpan, a.akun, "sari")
    hapus_akun(penyimpan, "admin", "sari")
    assert penyimpan.baca() == []
    assert [r[1] for r in _audit(g)] == ["akun-tambah", "akun-ubah", "ditolak-akun", "akun-hapus"]
