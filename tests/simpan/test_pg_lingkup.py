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


def test_pg_kegiatan_foto_rencana_di_luar_lingkup_ditolak_dan_dicatat(url_pg, wilayah_uji):
    """After #20/#21 the log (RekamanPG), photos (FotoPG) and the plan live in the database: the same refusals there."""
    import pandas as pd

    from geo.masuk.kegiatan import KOLOM_KEGIATAN
    from tests.conftest import jpeg_uji

    g = GudangPG(url_pg)
    assert pindah.impor(g, "uji", wilayah_uji.kim, wilayah_uji.batas, wilayah_uji.referensi, wilayah_uji.wilayah).hasil is not None
    ds = g.muat()
    pelapor = Akun("pelapor_a", PELAPOR, KODE_A)

    def _tambah(id_kegiatan: str, id_potensi: str) -> tuple[pd.DataFrame, object]:
        log, sidik = g.baca_log_untuk_sunting(ds)
        baris = pd.DataFrame([[id_kegiatan, id_potensi, "2025-03-01", "rapat", "5", ""]], columns=list(KOLOM_KEGIATAN))
        return pd.concat([log, baris], ignore_index=True), sidik

    tabel, sidik = _tambah("K-B", "B-01")
    with pytest.raises(GalatLingkup, match="K-B"):
        g.simpan_kegiatan(tabel, ds, pelapor, sidik)
    assert "K-B" not in set(g.baca_log_untuk_sunting(ds)[0]["id_kegiatan"])  # rolled back
    assert _audit(g)[-1][:2] == ("pelapor_a", "ditolak-kegiatan") and _audit(g)[-1][3] == ["K-B"]
    tabel, sidik = _tambah("K-A", "A-01")
    assert g.simpan_kegiatan(tabel, ds, pelapor, sidik).disimpan
    assert _audit(g)[-1][:2] == ("pelapor_a", "sunting-kegiatan")

    ids = set(ds.potensi["id_potensi"])
    with pytest.raises(GalatLingkup, match="B-01"):
        g.simpan_foto("B-01", jpeg_uji(), pelapor, id_sah=ids)
    with g.kolam.koneksi() as conn:
        assert conn.execute("SELECT count(*) FROM foto_potensi WHERE id_potensi = 'B-01'").fetchone()[0] == 0
    assert _audit(g)[-1][:2] == ("pelapor_a", "ditolak-foto")
    assert g.simpan_foto("A-01", jpeg_uji(), pelapor, id_sah=ids).lebar == 80
    assert _audit(g)[-1][:2] == ("pelapor_a", "foto")

    with pytest.raises(GalatLingkup, match="seluruh wilayah"):
        g.simpan_rencana(pd.DataFrame(), ds, None, Akun("ed_satu", "editor", "99.01.01"), None)
    assert _audit(g)[-1][:2] == ("ed_satu", "ditolak-anggaran")
