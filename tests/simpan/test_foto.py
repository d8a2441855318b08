"""Photo uploads: only real, bounded images are stored, re-encoded without metadata."""

from __future__ import annotations

import io
import json
import struct
import zlib

import pytest
from PIL import Image

from geo.galat import GalatData
from geo.simpan import foto


def _jpeg_gps(ukuran=(2400, 1800)) -> bytes:
    """A phone-like JPEG carrying a GPS position in EXIF."""
    gambar = Image.new("RGB", ukuran, (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PonselUji"  # Make
    exif[0x8825] = {1: "N", 2: (0.0, 8.0, 1.0), 3: "E", 4: (117.0, 29.0, 5.0)}  # GPSInfo
    out = io.BytesIO()
    gambar.save(out, "JPEG", exif=exif, quality=90)
    return out.getvalue()


def _png_bom(lebar: int = 60_000, tinggi: int = 60_000) -> bytes:
    """A valid PNG header claiming 3,6 gigapixels over a few bytes of data: a decompression bomb."""
    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", ihdr) + potong(b"IDAT", zlib.compress(b"\0" * 1000)) + potong(b"IEND", b"")


def test_jpeg_disimpan_kecil_tanpa_exif(wilayah_uji):
    hasil = foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg_gps(), "budi", "kamera.jpg", id_sah={"A-01"})
    assert hasil.path == wilayah_uji.dir / "foto" / foto.nama_berkas("A-01")
    with Image.open(hasil.path) as g:
        assert g.format == "JPEG"
        assert max(g.size) == foto.MAKS_SISI
        assert not g.getexif()  # no GPS, no camera make
        assert "exif" not in g.info
    audit = [json.loads(b) for b in (wilayah_uji.dir / "audit_kim.jsonl").read_text().splitlines()]
    assert len(audit) == 1
    assert audit[0]["aksi"] == "foto" and audit[0]["pengguna"] == "budi" and audit[0]["diubah"] == ["A-01"]


def test_foto_lama_dicadangkan(wilayah_uji):
    foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg_gps((400, 300)), "budi")
    foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg_gps((300, 400)), "budi")
    nama = foto.nama_berkas("A-01")
    cadangan = list((wilayah_uji.dir / "foto" / "cadangan").glob(f"{nama[:-4]}-*.jpg"))
    assert len(cadangan) == 1
    assert foto.daftar_foto(wilayah_uji.kim) == {nama[:-4]: wilayah_uji.dir / "foto" / nama}


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_webp_diterima(wilayah_uji, fmt):
    out = io.BytesIO()
    Image.new("RGBA", (50, 40), (200, 10, 10, 128)).save(out, fmt)
    hasil = foto.simpan_foto(wilayah_uji.kim, "B-01", out.getvalue(), "ani")
    assert (hasil.lebar, hasil.tinggi) == (50, 40)


def _tak_tersimpan(wilayah_uji) -> None:
    assert not (wilayah_uji.dir / "foto" / foto.nama_berkas("A-01")).exists()
    assert not (wilayah_uji.dir / "audit_kim.jsonl").exists()


def test_bukan_gambar_ditolak(wilayah_uji):
    with pytest.raises(GalatData, match=r"dokumen\.jpg: bukan gambar.*JPEG, PNG atau WebP"):
        foto.simpan_foto(wilayah_uji.kim, "A-01", b"%PDF-1.4 bukan foto" * 50, "budi", "dokumen.jpg")
    _tak_tersimpan(wilayah_uji)


def test_format_lain_ditolak(wilayah_uji):
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    with pytest.raises(GalatData, match="format GIF tidak diterima"):
        foto.simpan_foto(wilayah_uji.kim, "A-01", out.getvalue(), "budi", "animasi.gif")
    _tak_tersimpan(wilayah_uji)


def test_berkas_terlalu_besar_ditolak(wilayah_uji):
    data = _jpeg_gps((64, 64)) + b"\0" * (foto.MAKS_BYTE + 1)
    with pytest.raises(GalatData, match=r"besar\.jpg: berkas .* MB terlalu besar \(maks\. 12,0 MB\)"):
        foto.simpan_foto(wilayah_uji.kim, "A-01", data, "budi", "besar.jpg")
    _tak_tersimpan(wilayah_uji)


def test_piksel_terlalu_banyak_ditolak(wilayah_uji):
    out = io.BytesIO()
    Image.new("1", (9000, 5000)).save(out, "PNG")  # 45 MP of 1-bit pixels: a small file, too many pixels
    assert len(out.getvalue()) < foto.MAKS_BYTE
    with pytest.raises(GalatData, match="9000 × 5000 piksel melebihi batas 40 megapiksel"):
        foto.simpan_foto(wilayah_uji.kim, "A-01", out.getvalue(), "budi", "lebar.png")
    _tak_tersimpan(wilayah_uji)


def test_bom_dekompresi_ditolak(wilayah_uji):
    with pytest.raises(GalatData, match="bom.png: .*(bom dekompresi|melebihi batas)"):
        foto.simpan_foto(wilayah_uji.kim, "A-01", _png_bom(), "budi", "bom.png")
    _tak_tersimpan(wilayah_uji)


def test_tanpa_login_atau_id_tak_dikenal_ditolak(wilayah_uji):
    with pytest.raises(GalatData, match="Masuk sebagai penyunting"):
        foto.simpan_foto(wilayah_uji.kim, "A-01", _jpeg_gps((40, 30)), "")
    with pytest.raises(GalatData, match="'Z-99' tidak ada di kim.csv"):
        foto.simpan_foto(wilayah_uji.kim, "Z-99", _jpeg_gps((40, 30)), "budi", id_sah={"A-01"})
    _tak_tersimpan(wilayah_uji)


def test_nama_berkas_aman():
    assert foto.nama_berkas("BTG-KUA-01").startswith("BTG-KUA-01_")  # readable, with the id's digest
    assert foto.nama_berkas("../../etc/passwd").startswith("etc-passwd_")
    assert "/" not in foto.nama_berkas("a/b\\c") and "\\" not in foto.nama_berkas("a/b\\c")


def test_foto_muncul_di_popup_dan_html_mandiri(wilayah_uji, tmp_path):
    from geo.masuk.dataset import muat_dataset
    from geo.peta.buat import buat_peta, html_mandiri
    from geo.peta.data import data_potensi
    from geo.tampilan.susun import tampilkan

    foto.simpan_foto(wilayah_uji.kim, "A-02", _jpeg_gps((640, 480)), "budi")
    tampilan = tampilkan(muat_dataset())
    titik = data_potensi(tampilan, "id", False)["titik"]
    assert len(titik) == 5
    src = {t[5]: t[10] for t in titik}
    nama = foto.nama_berkas("A-02")
    assert src["Ikan bakar"].startswith(f"/app/static/foto/{nama}?v=")
    assert [s for s in src.values() if s] == [src["Ikan bakar"]]  # only the potential with a photo
    halaman = buat_peta(tampilan, url_aset="/dasar/app/static/vendor").get_root().render()
    assert f"/dasar/app/static/foto/{nama}?v=" in halaman
    mandiri = html_mandiri(tampilan)
    assert "data:image/jpeg;base64," in mandiri and "/app/static/foto/" not in mandiri  # works offline
    salin = foto.salin_ke_statis(wilayah_uji.kim, tmp_path / "static" / "foto")
    assert salin == 1 and (tmp_path / "static" / "foto" / nama).is_file()
    assert foto.salin_ke_statis(wilayah_uji.kim, tmp_path / "static" / "foto") == 0  # unchanged: nothing copied
