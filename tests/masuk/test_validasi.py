"""Each validation rule, on small files the tests write themselves."""

from __future__ import annotations

import copy
import hashlib

import openpyxl
import pytest

from geo.masuk.dataset import muat_dataset
from tests.conftest import BARIS_BAIK, HEADER, KODE_A, KODE_B


def _muat(w, path=None):
    return muat_dataset(path or w.kim, w.batas, w.referensi, w.wilayah)


def _baris():
    return copy.deepcopy(BARIS_BAIK)


def _kolom(nama: str) -> int:
    return HEADER.index(nama)


def _cari(laporan, baris, kolom, tingkat="galat"):
    return [m for m in laporan.masalah if m.baris == baris and m.kolom == kolom and m.tingkat == tingkat]


def test_berkas_baik_sah(wilayah_uji):
    d = _muat(wilayah_uji)
    assert d.ok, d.laporan.teks()
    assert d.laporan.masalah == []
    assert len(d.potensi) == 5
    assert d.potensi["jumlah_anggota"].sum() == 45


@pytest.mark.parametrize(
    ("varian", "opsi"),
    [
        ("titik-koma", {"delimiter": ";"}),
        ("crlf", {"newline": "\r\n"}),
        ("cp1252", {"encoding": "cp1252"}),
        ("bom", {"encoding": "utf-8-sig"}),
        ("excel-id", {"delimiter": ";", "encoding": "utf-8-sig", "newline": "\r\n"}),
    ],
)
def test_varian_excel_diterima(wilayah_uji, varian, opsi):
    rows = _baris()
    rows[0][_kolom("nama_kim")] = "KIM Alfa Café"  # a non-ASCII character cp1252 can carry
    if opsi.get("delimiter") == ";":
        for r in rows:  # Indonesian Excel writes decimal commas alongside ';'
            r[_kolom("lintang")] = r[_kolom("lintang")].replace(".", ",")
            r[_kolom("bujur")] = r[_kolom("bujur")].replace(".", ",")
    path = wilayah_uji.tulis_kim(rows, nama=f"{varian}.csv", **opsi)
    d = _muat(wilayah_uji, path)
    assert d.ok, d.laporan.teks()
    assert d.potensi.loc[0, "nama_kim"] == "KIM Alfa Café"
    assert d.potensi.loc[0, "lintang"] == pytest.approx(0.010)


def test_tanggal_spasi_ejaan_dan_kode_kosong(wilayah_uji):
    rows = _baris()
    rows[0][_kolom("kegiatan_terakhir")] = "13/07/2022"
    rows[1][_kolom("nama_kim")] = "   KIM Alfa   "
    rows[2][_kolom("kode_kelurahan")] = ""
    rows[2][_kolom("kelurahan")] = "Kel. ALPA-LAUT"  # an alias, with prefix and other case
    rows[3][_kolom("kelurahan")] = "KELURAHAN betha"
    rows[4][_kolom("kategori_potensi")] = "kuliner"
    rows[4][_kolom("status_aktivitas")] = " aktif "
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert d.ok, d.laporan.teks()
    p = d.potensi
    assert str(p.loc[0, "kegiatan_terakhir"].date()) == "2022-07-13"
    assert p.loc[1, "nama_kim"] == "KIM Alfa"
    assert p.loc[2, "kode_kelurahan"] == KODE_A and p.loc[2, "kelurahan"] == "Alfa Laut"
    assert p.loc[3, "kelurahan"] == "Beta"
    assert p.loc[4, "kategori_potensi"] == "Kuliner" and p.loc[4, "status_aktivitas"] == "Aktif"


def test_xlsx_diterima(wilayah_uji):
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in _baris():
        r = list(r)
        r[_kolom("jumlah_anggota")] = int(r[_kolom("jumlah_anggota")])
        r[_kolom("lintang")] = float(r[_kolom("lintang")])
        r[_kolom("bujur")] = float(r[_kolom("bujur")])
        if r[_kolom("kegiatan_terakhir")]:
            r[_kolom("kegiatan_terakhir")] = dt.datetime.fromisoformat(r[_kolom("kegiatan_terakhir")])
        ws.append(r)
    path = wilayah_uji.dir / "kim.xlsx"
    wb.save(path)
    d = _muat(wilayah_uji, path)
    assert d.ok, d.laporan.teks()
    assert len(d.potensi) == 5
    assert str(d.potensi.loc[0, "kegiatan_terakhir"].date()) == "2024-05-01"


def test_teks_bebas_menerima_apa_saja(wilayah_uji):
    rows = _baris()
    rows[0][_kolom("nama_kim")] = "<script>alert(1)</script>"
    rows[0][_kolom("deskripsi")] = "=HYPERLINK(\"x\") `${x}` \\ +1 @a -2"
    rows[0][_kolom("kontak")] = "=1+1"
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert d.ok, d.laporan.teks()
    assert d.potensi.loc[0, "deskripsi"].startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"", "kosong"),
        (b"   \r\n  \r\n", "kosong"),
        (b"\x00\x01\x02PNG\x00\x00binary", "bukan tabel"),
    ],
)
def test_berkas_kosong_atau_bukan_tabel(wilayah_uji, isi, pesan):
    path = wilayah_uji.dir / "rusak.csv"
    path.write_bytes(isi)
    d = _muat(wilayah_uji, path)
    assert not d.ok
    assert any(pesan in m.pesan for m in d.laporan.galat)
    assert len(d.potensi) == 0


def test_berkas_tidak_ada(wilayah_uji):
    d = _muat(wilayah_uji, wilayah_uji.dir / "tidak-ada.csv")
    assert not d.ok
    assert d.laporan.galat[0].berkas == "tidak-ada.csv"


def test_xlsx_rusak(wilayah_uji):
    path = wilayah_uji.dir / "rusak.xlsx"
    path.write_bytes(b"PK\x03\x04 ini bukan xlsx")
    d = _muat(wilayah_uji, path)
    assert not d.ok
    assert "Excel" in d.laporan.galat[0].pesan


def test_kolom_hilang(wilayah_uji):
    header = [h for h in HEADER if h not in ("status_aktivitas", "lintang")]
    rows = [[v for h, v in zip(HEADER, r) if h in header] for r in _baris()]
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows, header=header))
    assert not d.ok
    hilang = {m.kolom for m in d.laporan.galat if m.baris == 1 and "Kolom wajib tidak ada" in m.pesan}
    assert hilang == {"status_aktivitas", "lintang"}


def test_kolom_opsional_boleh_tidak_ada(wilayah_uji):
    header = [h for h in HEADER if h != "kontak"]
    rows = [r[:-1] for r in _baris()]
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows, header=header))
    assert d.ok, d.laporan.teks()
    assert (d.potensi["kontak"] == "").all()


def test_kategori_dan_status_tidak_dikenal_dengan_saran(wilayah_uji):
    rows = _baris()
    rows[0][_kolom("kategori_potensi")] = "Kulinerr"
    rows[1][_kolom("status_aktivitas")] = "Tdk Aktif"
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert not d.ok
    (kat,) = _cari(d.laporan, 2, "kategori_potensi")
    assert kat.nilai == "Kulinerr" and "'Kuliner'" in kat.pesan
    (st,) = _cari(d.laporan, 3, "status_aktivitas")
    assert "'Tidak Aktif'" in st.pesan


def test_kelurahan_tidak_dikenal_dan_kode_nama_tidak_cocok(wilayah_uji):
    rows = _baris()
    rows[0][_kolom("kode_kelurahan")] = "99.99.99.9999"
    rows[1][_kolom("kode_kelurahan")] = ""
    rows[1][_kolom("kelurahan")] = "Alfa Lau"
    rows[2][_kolom("kelurahan")] = "Beta"  # code says Alfa Laut
    rows[3][_kolom("kecamatan")] = "Dua"  # Beta is in Satu
    rows[4][_kolom("kode_kelurahan")] = ""
    rows[4][_kolom("kelurahan")] = ""
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert not d.ok
    assert _cari(d.laporan, 2, "kode_kelurahan")
    (m,) = _cari(d.laporan, 3, "kelurahan")
    assert "'Alfa Laut'" in m.pesan
    (m,) = _cari(d.laporan, 4, "kelurahan")
    assert "Alfa Laut" in m.pesan and "tidak cocok" in m.pesan
    (m,) = _cari(d.laporan, 5, "kecamatan")
    assert "Satu" in m.pesan
    assert _cari(d.laporan, 6, "kode_kelurahan")


def test_kode_tanpa_titik_diterima(wilayah_uji):
    rows = _baris()
    rows[0][_kolom("kode_kelurahan")] = KODE_B.replace(".", "")
    rows[0][_kolom("kelurahan")] = "Beta"
    rows[0][_kolom("kecamatan")] = ""
    rows[0][_kolom("lintang")], rows[0][_kolom("bujur")] = "0.01", "110.045"
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert d.ok, d.laporan.teks()
    assert d.potensi.loc[0, "kode_kelurahan"] == KODE_B
    assert d.potensi.loc[0, "kecamatan"] == "Satu"


def test_id_ganda(wilayah_uji):
    rows = _baris()
    rows[3][_kolom("id_potensi")] = "A-01"
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    (m,) = _cari(d.laporan, 5, "id_potensi")
    assert "baris 2" in m.pesan


@pytest.mark.parametrize(
    ("lintang", "bujur", "kolom", "kata"),
    [
        ("nol koma satu", "110.01", "lintang", "bukan angka"),
        ("0.01", "", "bujur", "wajib"),
        ("95", "110.01", "lintang", "-90 dan 90"),
        ("0.01", "190", "bujur", "-180 dan 180"),
        ("110.01", "0.01", "lintang", "tertukar"),
        ("5.0", "120.0", "lintang", "di luar wilayah"),
    ],
)
def test_koordinat_salah(wilayah_uji, lintang, bujur, kolom, kata):
    rows = _baris()
    rows[1][_kolom("lintang")] = lintang
    rows[1][_kolom("bujur")] = bujur
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert not d.ok
    masalah = _cari(d.laporan, 3, kolom)
    assert masalah and kata in masalah[0].pesan, d.laporan.teks()


def test_titik_di_kelurahan_lain_peringatan_saja(wilayah_uji):
    rows = _baris()
    rows[0][_kolom("bujur")] = "110.045"  # inside Beta, row says Alfa Laut
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert d.ok
    (m,) = _cari(d.laporan, 2, "lintang", "peringatan")
    assert "Beta" in m.pesan


def test_titik_sedikit_di_luar_pantai_peringatan(wilayah_uji):
    rows = _baris()
    rows[0][_kolom("lintang")] = "-0.001"  # ~110 m south of the region
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert d.ok, d.laporan.teks()
    assert _cari(d.laporan, 2, "lintang", "peringatan")


@pytest.mark.parametrize(("nilai", "kata"), [("-3", "negatif"), ("tiga", "bilangan bulat"), ("2,5", "pecahan")])
def test_jumlah_anggota_salah(wilayah_uji, nilai, kata):
    rows = _baris()
    rows[2][_kolom("jumlah_anggota")] = nilai
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    (m,) = _cari(d.laporan, 4, "jumlah_anggota")
    assert kata in m.pesan and m.nilai == nilai


@pytest.mark.parametrize("nilai", ["31/02/2023", "2023-13-01", "kemarin", "00/01/2023"])
def test_tanggal_mustahil(wilayah_uji, nilai):
    rows = _baris()
    rows[0][_kolom("kegiatan_terakhir")] = nilai
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    (m,) = _cari(d.laporan, 2, "kegiatan_terakhir")
    assert m.nilai == nilai


def test_semua_masalah_dilaporkan_sekaligus_dan_berkas_tidak_berubah(wilayah_uji):
    rows = _baris()
    rows[0][_kolom("status_aktivitas")] = "Hidup"
    rows[2][_kolom("jumlah_anggota")] = "-1"
    rows[4][_kolom("kegiatan_terakhir")] = "30/02/2024"
    path = wilayah_uji.tulis_kim(rows, delimiter=";", newline="\r\n")
    sebelum = hashlib.sha256(path.read_bytes()).hexdigest()
    d = _muat(wilayah_uji, path)
    assert {(m.baris, m.kolom) for m in d.laporan.galat} == {
        (2, "status_aktivitas"), (4, "jumlah_anggota"), (6, "kegiatan_terakhir"),
    }
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sebelum
    assert all(str(m).startswith("[GALAT] kim.csv, baris ") for m in d.laporan.galat)


def test_baris_kosong_excel_diabaikan_dan_nomor_baris_tetap(wilayah_uji):
    rows = _baris()
    rows.insert(2, [""] * len(HEADER))
    rows[4][_kolom("status_aktivitas")] = "??"
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows, delimiter=";"))
    (m,) = d.laporan.galat
    assert m.baris == 6  # header=1, rows 2,3, blank 4, rows 5,6


def test_baris_dengan_sel_berlebih(wilayah_uji):
    rows = _baris()
    rows[1] = [*rows[1], "lebih"]
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    assert not d.ok
    assert any(m.baris == 3 and "lebih banyak" in m.pesan for m in d.laporan.galat)


def test_judul_di_atas_tabel_dan_petunjuk_sep(wilayah_uji):
    path = wilayah_uji.dir / "berjudul.csv"
    isi = ["sep=;", "DATA POTENSI KIM 2026;;;", ";;;", ";".join(HEADER)]
    rows = _baris()
    rows[1][_kolom("status_aktivitas")] = "Aktf"
    isi += [";".join(r) for r in rows]
    path.write_text("\r\n".join(isi) + "\r\n", encoding="utf-8-sig")
    d = _muat(wilayah_uji, path)
    (m,) = d.laporan.galat
    # Excel hides the sep= line: title is row 1, blank row 2, header row 3, data from row 4.
    assert (m.baris, m.kolom) == (5, "status_aktivitas")


@pytest.mark.parametrize(
    ("isi", "kata"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".xls"),
        (b"id_potensi;nama_kim;kode_kelurahan;kelurahan\r\n", "hanya berisi judul"),
        (b"<html><body><table><tr><td>x</td></tr></table></body></html>", "bukan judul kolom"),
        (b'{"id_potensi": "A-01", "nama_kim": "x"}', "bukan judul kolom"),
    ],
)
def test_berkas_bukan_tabel_kim(wilayah_uji, isi, kata):
    path = wilayah_uji.dir / "aneh.csv"
    path.write_bytes(isi)
    d = _muat(wilayah_uji, path)
    assert not d.ok
    assert any(kata in m.pesan for m in d.laporan.galat), d.laporan.teks()


def test_judul_kolom_berulang_dilaporkan_sekali(wilayah_uji):
    rows = _baris()
    rows.insert(2, list(HEADER))  # e.g. two exports pasted one under the other
    d = _muat(wilayah_uji, wilayah_uji.tulis_kim(rows))
    (m,) = d.laporan.galat
    assert m.baris == 4 and "judul kolom muncul lagi" in m.pesan


def test_tanda_kutip_tidak_ditutup(wilayah_uji):
    path = wilayah_uji.dir / "kutip.csv"
    baris = [",".join(HEADER)] + [",".join(r) for r in _baris()]
    baris[2] = baris[2].replace("Ikan bakar", '"Ikan bakar', 1)
    path.write_text("\n".join(baris) + "\n", encoding="utf-8")
    d = _muat(wilayah_uji, path)
    assert not d.ok
    (m,) = [m for m in d.laporan.galat if "tidak ditutup" in m.pesan]
    assert (m.baris, m.kolom) == (3, "nama_potensi")
