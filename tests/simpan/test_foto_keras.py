"""Photo hardening (#21): audited saves, one file per id, no metadata, MPO, orientation, bounded backups."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from geo.simpan import foto
from geo.simpan import kim as simpan_kim


def _jpeg(ukuran=(400, 200), **simpan) -> bytes:
    gambar = Image.new("RGB", ukuran, (200, 0, 0))
    gambar.paste((0, 0, 255), (0, 0, ukuran[0] // 2, ukuran[1] // 2))  # blue top-left quarter
    out = io.BytesIO()
    gambar.save(out, simpan.pop("format", "JPEG"), **simpan)
    return out.getvalue()


def _audit(w) -> list[dict]:
    path = w.dir / "audit_kim.jsonl"
    return [json.loads(b) for b in path.read_text().splitlines()] if path.exists() else []


def test_id_mirip_tidak_berbagi_berkas(wilayah_uji):
    pasangan = [("BTG/KUA/01", "BTG_KUA_01"), ("X.", "X"), ("a-01", "A-01"), ("A 01", "A_01")]
    for a, b in pasangan:
        assert foto.nama_berkas(a) != foto.nama_berkas(b)
        assert foto.nama_berkas(a).lower() != foto.nama_berkas(b).lower()  # case-insensitive disks too
    foto.simpan_foto(wilayah_uji.kim, "BTG/KUA/01", _jpeg((40, 30)), "budi")
    foto.simpan_foto(wilayah_uji.kim, "BTG_KUA_01", _jpeg((30, 40)), "budi")
    a, b = foto.foto_untuk(wilayah_uji.kim, ["BTG/KUA/01", "BTG_KUA_01"])
    assert a != b
    with Image.open(a) as ga, Image.open(b) as gb:
        assert ga.size == (40, 30) and gb.size == (30, 40)


def test_foto_nama_lama_tetap_ditemukan_dan_dipindah(wilayah_uji):
    folder = wilayah_uji.dir / "foto"
    folder.mkdir()
    (folder / "A-01.jpg").write_bytes(_jpeg((40, 30)))  # saved by the previous version
    (folder / "A_1.jpg").write_bytes(_jpeg((30, 40)))  # "A/1" and "A_1" both wrote here: whose is it?
    assert foto.foto_untuk(wilayah_uji.kim, ["A-01"]) == [folder / "A-01.jpg"]
    assert foto.pindahkan_nama_lama(wilayah_uji.kim, ["A-01", "A/1", "A_1"]) == 1
    assert foto.foto_untuk(wilayah_uji.kim, ["A-01"]) == [folder / foto.nama_berkas("A-01")]
    assert foto.foto_untuk(wilayah_uji.kim, ["A/1", "A_1"]) == [None, None]  # never another's photo
    assert list((folder / "cadangan").glob("A_1-*.jpg"))  # kept, not lost
    statis = wilayah_uji.dir.parent / "static"
    statis.mkdir()
    (statis / "A_1.jpg").write_bytes(b"lama")  # mirrored before: must not stay reachable by URL
    assert foto.salin_ke_statis(wilayah_uji.kim, statis) == 1
    assert [p.name for p in statis.glob("*.jpg")] == [foto.nama_berkas("A-01")]


def test_tanpa_metadata_komentar_xmp_icc_dan_ekor(wilayah_uji):
    icc = b"\0" * 128 + b"<script>alert('icc')</script>"
    data = _jpeg(comment=b"<script>alert(1)</script>", icc_profile=icc, xmp=b"<x:xmpmeta>rahasia GPS</x:xmpmeta>")
    data += b"<script>alert('ekor')</script>"
    hasil = foto.simpan_foto(wilayah_uji.kim, "A-01", data, "budi")
    tersimpan = hasil.path.read_bytes()
    for jejak in (b"<script", b"rahasia", b"xmpmeta", b"ICC_PROFILE", b"Exif"):
        assert jejak not in tersimpan, jejak
    assert tersimpan.endswith(b"\xff\xd9")  # nothing after the image's end
    with Image.open(hasil.path) as g:
        assert set(g.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression"}


@pytest.mark.parametrize("orientasi, ukuran, biru_kanan_atas", [(6, (200, 400), True), (3, (400, 200), False),
                                                               (8, (200, 400), False)])
def test_orientasi_exif_diterapkan(wilayah_uji, orientasi, ukuran, biru_kanan_atas):
    exif = Image.Exif()
    exif[0x0112] = orientasi
    hasil = foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg(exif=exif), "budi")
    with Image.open(hasil.path) as g:
        assert g.size == ukuran
        r, _, b = g.getpixel((g.width - 10, 10))
        assert (b > r) == biru_kanan_atas


def test_mpo_diterima_sebagai_bingkai_pertama(wilayah_uji):
    pertama = Image.new("RGB", (300, 200), (0, 200, 0))
    kedua = Image.new("RGB", (100, 100), (200, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6
    out = io.BytesIO()
    pertama.save(out, "MPO", save_all=True, append_images=[kedua], exif=exif)
    with Image.open(io.BytesIO(out.getvalue())) as g:
        assert g.format == "MPO"
    hasil = foto.simpan_foto(wilayah_uji.kim, "A-01", out.getvalue(), "budi", "ponsel.jpg")
    with Image.open(hasil.path) as g:
        assert g.format == "JPEG" and g.size == (200, 300)  # first frame, turned upright
        assert g.getpixel((50, 50))[1] > 150
    assert out.getvalue().count(b"\xff\xd8") >= 2 and hasil.path.read_bytes().count(b"\xff\xd8") == 1


def test_audit_foto_selamat_bila_proses_mati_setelah_ganti(wilayah_uji, monkeypatch):
    asli = simpan_kim._tambah_baris_audit

    def mati(*_a, **_k):
        raise KeyboardInterrupt  # the process dies right after the replace, before the audit line

    monkeypatch.setattr(simpan_kim, "_tambah_baris_audit", mati)
    with pytest.raises(KeyboardInterrupt):
        foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg((40, 30)), "budi")
    assert foto.foto_untuk(wilayah_uji.kim, ["A-01"])[0] is not None  # the photo was replaced
    monkeypatch.setattr(simpan_kim, "_tambah_baris_audit", asli)
    from geo.simpan.gudang import GudangBerkas

    riwayat = GudangBerkas(wilayah_uji.kim, wilayah_uji.batas).baca_audit()  # reading the history finishes it too
    assert list(riwayat["aksi"]) == ["foto"] and "dicatat ulang" in riwayat.loc[0, "catatan"]
    foto.simpan_foto(wilayah_uji.kim, "A-02", _jpeg((40, 30)), "ani")  # the next save finishes the first
    audit = _audit(wilayah_uji)
    assert [(e["pengguna"], e["diubah"]) for e in audit] == [("budi", ["A-01"]), ("ani", ["A-02"])]
    assert "dicatat ulang" in audit[0]["catatan"]
    assert not list((wilayah_uji.dir / "foto").glob(".*tertunda"))


def test_jurnal_dibuang_bila_ganti_tak_terjadi(wilayah_uji, monkeypatch):
    def gagal(path, data):
        raise OSError("disk penuh")

    monkeypatch.setattr(simpan_kim, "tulis_bytes_atomik", lambda p, d: gagal(p, d) if p.suffix == ".jpg" else _tulis(p, d))
    from geo.simpan.berkas import tulis_bytes_atomik as _tulis
    with pytest.raises(OSError):
        foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg((40, 30)), "budi")
    monkeypatch.undo()
    foto.simpan_foto(wilayah_uji.kim, "A-02", _jpeg((40, 30)), "ani")
    assert [e["diubah"] for e in _audit(wilayah_uji)] == [["A-02"]]  # no entry for a save that never happened


def test_cadangan_foto_dibatasi_jumlah_dan_ukuran(wilayah_uji, monkeypatch):
    monkeypatch.setenv("KIM_FOTO_CADANGAN_MAKS", "3")
    for i in range(6):
        foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg((40 + i, 30)), "budi")
    folder = wilayah_uji.dir / "foto" / "cadangan"
    assert len(list(folder.glob("*.jpg"))) == 3
    monkeypatch.setenv("KIM_FOTO_CADANGAN_MAKS", "100")
    monkeypatch.setenv("KIM_FOTO_CADANGAN_MB", "1")
    besar = Image.effect_noise((1600, 1200), 120).convert("RGB")  # noise: a large JPEG
    for i in range(6):
        out = io.BytesIO()
        besar.rotate(i).save(out, "JPEG", quality=95)
        foto.simpan_foto(wilayah_uji.kim, "A-02", out.getvalue(), "budi")
    ukuran = [p.stat().st_size for p in folder.glob("*.jpg")]
    assert 1 <= len(ukuran) < 5  # 5 replaced photos, ~1,2 MB each: only what fits is kept
    assert sum(ukuran) - max(ukuran) <= 1024 * 1024  # the newest backup is always kept


_ANAK_FOTO = """
import io, os, signal, sys
from PIL import Image
from geo.simpan import foto, kim

asli = kim._tambah_baris_audit
def mati(log, entri):  # dies right after its own replace (a previous kill's recovery still goes through)
    if "dicatat ulang" in entri["catatan"]:
        return asli(log, entri)
    os.kill(os.getpid(), signal.SIGKILL)
kim._tambah_baris_audit = mati
out = io.BytesIO()
Image.new("RGB", (40, 30), (int(sys.argv[1]), 0, 0)).save(out, "JPEG")
foto.simpan_foto(os.environ["KIM_CSV"], "A-01", out.getvalue(), "budi")
"""


@pytest.mark.lambat
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_tiga_kali_dibunuh_setelah_ganti_tidak_ada_audit_hilang(wilayah_uji):
    import signal
    import subprocess
    import sys

    akar = Path(__file__).resolve().parents[2]
    for i in range(3):  # the tester's 3 of 3 kills
        hasil = subprocess.run([sys.executable, "-c", _ANAK_FOTO, str(50 * (i + 1))], cwd=akar, env=os.environ.copy(),
                               capture_output=True, text=True, timeout=120, check=False)
        assert hasil.returncode == -signal.SIGKILL, hasil.stderr
    foto.simpan_foto(wilayah_uji.kim, "A-02", _jpeg((40, 30)), "ani")  # the next save
    audit = _audit(wilayah_uji)
    assert [e["diubah"] for e in audit] == [["A-01"]] * 3 + [["A-02"]]  # each killed save was recovered by the next
    assert sum("dicatat ulang" in e["catatan"] for e in audit) == 3
