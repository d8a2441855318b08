"""#21 in PostgreSQL: the limiter's counts are shared by replicas (two pools = two app servers)."""

from __future__ import annotations

from pathlib import Path

import bcrypt
import pytest
from PIL import Image

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


def _jpeg(ukuran=(64, 48), warna=(20, 120, 60)) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", ukuran, warna).save(out, "JPEG", comment=b"<script>x</script>")
    return out.getvalue()


def test_foto_di_basis_data_terlihat_replika_lain(url_pg, wilayah_uji, monkeypatch, tmp_path):
    import psycopg

    from geo.simpan import foto
    from geo.simpan.pg import pindah

    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache-a"))
    a = GudangPG(url_pg)
    assert pindah.impor(a, "uji", wilayah_uji.kim, wilayah_uji.batas, wilayah_uji.referensi, wilayah_uji.wilayah).hasil
    versi = a.versi()
    hasil = a.simpan_foto("A-01", _jpeg(), "budi", "kamera.jpg", id_sah={"A-01"})
    assert a.versi() != versi  # the page's cache key moves: every replica reloads
    assert b"<script" not in hasil.path.read_bytes()
    with pytest.raises(Exception, match="tidak ada di basis data"):
        a.simpan_foto("Z-99", _jpeg(), "budi", id_sah={"Z-99"})
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache-b"))  # another server: its own mirror folder
    b = GudangPG(url_pg)
    try:
        ds = b.muat()
        [path] = foto.foto_untuk(ds.path_kim, ["A-01"])
        assert path is not None and path.is_relative_to(tmp_path / "cache-b") and path.read_bytes() == hasil.path.read_bytes()
        assert not (wilayah_uji.dir / "foto").exists() and not (Path.cwd() / "foto").exists()  # nothing in the files
        assert b.baca_audit().loc[0, "aksi"] == "foto"
        monkeypatch.setenv("KIM_FOTO_CADANGAN_MAKS", "2")
        for i in range(4):
            b.simpan_foto("A-01", _jpeg(warna=(i * 50, 0, 0)), "ani")
        with psycopg.connect(url_pg) as conn:
            assert conn.execute("SELECT count(*) FROM foto_cadangan").fetchone()[0] == 2
            with pytest.raises(psycopg.errors.CheckViolation):  # the size limit holds in the database too
                conn.execute("INSERT INTO foto_potensi (id_potensi, isi, sha256, lebar, tinggi) VALUES "
                             "('B-01', %s, '', 1, 1)", (b"\0" * (foto.MAKS_BYTE + 1),))
    finally:
        a.kolam.tutup()
        b.kolam.tutup()


def test_db_import_dan_export_membawa_foto(url_pg, wilayah_uji, monkeypatch, tmp_path, capsys):
    from geo import config
    from geo.cli.utama import main
    from geo.simpan import foto

    foto.simpan_foto(wilayah_uji.kim, "A-02", _jpeg((80, 60)), "budi")  # a photo in the file store
    monkeypatch.setenv(config.ENV_DATABASE, url_pg)
    monkeypatch.setenv("KIM_CACHE", str(tmp_path / "cache"))
    assert main(["db", "import"]) == 0
    assert "Foto diimpor: 1" in capsys.readouterr().out
    (tmp_path / "keluar").mkdir()
    assert main(["db", "export", "--output", str(tmp_path / "keluar")]) == 0
    [path] = foto.foto_untuk(tmp_path / "keluar" / "kim.csv", ["A-02"])
    with Image.open(path) as g:
        assert g.size == (80, 60)
