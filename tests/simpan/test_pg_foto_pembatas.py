"""#21 in PostgreSQL: the limiter's counts are shared by replicas (two pools = two app servers)."""

from __future__ import annotations

import bcrypt
import pytest

from geo.simpan.akun import kumpulkan_pengguna
from geo.simpan.pembatas import MAKS_GAGAL, PembatasLogin, kunci_akun
from geo.simpan.pg.gudang_pg import GudangPG

pytestmark = pytest.mark.lambat
BENAR = "sandi-budi-benar"


@pytest.fixture
def daftar():
    hash_ = bcrypt.hashpw(BENAR.encode(), bcrypt.gensalt(rounds=4)).decode()
    return kumpulkan_pengguna(None, {"KIM_PENGGUNA": f"budi:{hash_}"})


def test_hitungan_login_dibagi_antar_replika(url_pg, daftar):
    a, b = GudangPG(url_pg), GudangPG(url_pg)  # one pool each, as two replicas have
    try:
        pa, pb = PembatasLogin(a), PembatasLogin(b)
        for i in range(MAKS_GAGAL):
            (pa if i % 2 else pb).masuk(daftar, "BUDI" if i % 2 else "budi", "salah", "203.0.113.9")
        assert pb.tunggu("budi", "203.0.113.9") > 0 and pa.tunggu("Budi", "203.0.113.9") > 0
        assert pa.masuk(daftar, "budi", BENAR, "198.51.100.4").pengguna == "budi"  # a clean address gets in
        assert b.pembatas_baca([kunci_akun("budi")]) == {}  # and the success cleared the count everywhere
        b.maks_catatan = 50
        for _ in range(MAKS_GAGAL):
            pa.masuk(daftar, "budi", "salah", "203.0.113.10")  # (.9 is still locked: its tries would not count)
        b.pembatas_gagal([f"alamat:198.18.0.{i}" for i in range(200)], pa._jam(), pa.lupa_detik, pa._jeda)
        assert b.pembatas_baca([kunci_akun("budi")])[kunci_akun("budi")].gagal == MAKS_GAGAL  # locked: kept
    finally:
        a.kolam.tutup()
        b.kolam.tutup()
