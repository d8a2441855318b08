"""Importing ODK Central / KoboToolbox CSV exports of the field form: idempotent, every rejection named."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

import pytest

from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset
from geo.simpan.foto import path_foto
from geo.simpan.kim import path_audit
from geo.tampilan import waktu
from tests.conftest import jpeg_uji, tulis_log

# Exactly the columns ODK Central's "Download CSV" gives for the form of `python -m geo formulir`
# (group "laporan"; a geopoint split in four; then the submission metadata).
KOLOM_ODK = [
    "SubmissionDate", "laporan-kelurahan", "laporan-kim", "laporan-potensi", "laporan-tanggal", "laporan-jenis_kegiatan",
    "laporan-peserta", "laporan-keterangan", "laporan-lokasi-Latitude", "laporan-lokasi-Longitude", "laporan-lokasi-Altitude",
    "laporan-lokasi-Accuracy", "laporan-foto", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
    "AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion",
]
UUID_1 = "uuid:0b7a6f6e-1c1e-4c55-9d7c-1f0f3a3e0001"
UUID_2 = "uuid:0b7a6f6e-1c1e-4c55-9d7c-1f0f3a3e0002"
UUID_3 = "uuid:0b7a6f6e-1c1e-4c55-9d7c-1f0f3a3e0003"


def _kiriman(uuid, potensi, tanggal, foto, jenis="pelatihan_bimtek", review=""):
    return {
        "SubmissionDate": "2025-03-30T09:12:44.120Z", "laporan-kelurahan": "99.01.01.1001", "laporan-kim": "99_01_01_1001_kim_alfa",
        "laporan-potensi": potensi, "laporan-tanggal": tanggal, "laporan-jenis_kegiatan": jenis, "laporan-peserta": "14",
        "laporan-keterangan": "Pelatihan foto produk", "laporan-lokasi-Latitude": "0.012", "laporan-lokasi-Longitude": "110.011",
        "laporan-lokasi-Altitude": "3", "laporan-lokasi-Accuracy": "4.5", "laporan-foto": foto, "meta-instanceID": uuid,
        "KEY": uuid, "SubmitterID": "7", "SubmitterName": "pelapor-alfa", "AttachmentsPresent": "1" if foto else "0",
        "AttachmentsExpected": "1" if foto else "0", "Status": "", "ReviewState": review, "DeviceID": "collect:abc", "Edits": "0",
        "FormVersion": "2025033009",
    }


def _tulis_csv(path, baris, kolom=KOLOM_ODK, pemisah=","):
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=kolom, delimiter=pemisah)
        w.writeheader()
        w.writerows(baris)


@pytest.fixture
def ekspor(wilayah_uji, tmp_path, monkeypatch):
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    tulis_log(wilayah_uji, "KEG-00001,A-01,2025-01-05,rapat,8,")
    media = tmp_path / "ekspor" / "media"
    media.mkdir(parents=True)
    (media / "1711790000001.jpg").write_bytes(jpeg_uji(warna="red"))
    (media / "1711790000002.jpg").write_bytes(jpeg_uji(warna="green"))
    path = tmp_path / "ekspor" / "laporan_kegiatan_kim.csv"
    _tulis_csv(path, [_kiriman(UUID_1, "A-01", "2025-03-28", "1711790000001.jpg"),
                      _kiriman(UUID_2, "B-02", "2025-03-29", "1711790000002.jpg", jenis="rapat")])
    return path, media


def test_ekspor_odk_central_diimpor_dengan_dua_foto_lalu_tidak_berulang(ekspor, wilayah_uji, capsys):
    path, media = ekspor
    assert main(["data", "import-formulir", str(path), "--media", str(media)]) == 0
    assert "2 kegiatan diimpor" in capsys.readouterr().out
    log = muat_dataset().kegiatan.set_index("id_kegiatan")
    assert set(log.index) == {"KEG-00001", "ODK-0b7a6f6e-1c1e-4c55-9d7c-1f0f3a3e0001", "ODK-0b7a6f6e-1c1e-4c55-9d7c-1f0f3a3e0002"}
    assert log.loc["ODK-0b7a6f6e-1c1e-4c55-9d7c-1f0f3a3e0001", "jenis_kegiatan"] == "pelatihan/bimtek"  # the form's choice names back to the vocabulary
    assert path_foto(wilayah_uji.kim, "A-01").is_file() and path_foto(wilayah_uji.kim, "B-02").is_file()
    sebelum = (wilayah_uji.dir / "kegiatan.csv").read_bytes()
    assert main(["data", "import-formulir", str(path), "--media", str(media)]) == 0
    assert "2 sudah pernah diimpor" in capsys.readouterr().out
    assert (wilayah_uji.dir / "kegiatan.csv").read_bytes() == sebelum


def test_media_dari_zip(ekspor, wilayah_uji, tmp_path):
    path, media = ekspor
    arsip = tmp_path / "laporan.zip"
    with zipfile.ZipFile(arsip, "w") as z:
        for f in media.iterdir():
            z.write(f, f"media/{f.name}")
    assert main(["data", "import-formulir", str(path), "--media", str(arsip)]) == 0
    assert path_foto(wilayah_uji.kim, "B-02").is_file()


def test_baris_buruk_disebut_baris_dan_kolomnya(ekspor, wilayah_uji, capsys):
    path, media = ekspor
    _tulis_csv(path, [_kiriman(UUID_1, "A-01", "2025-03-28", "1711790000001.jpg"),
                      _kiriman(UUID_2, "ZZ-99", "2025-03-29", ""),
                      _kiriman(UUID_3, "A-02", "2031-01-01", "")])
    assert main(["data", "import-formulir", str(path), "--media", str(media)]) == 0
    keluar = capsys.readouterr().out
    assert "baris 3" in keluar and "laporan-potensi" in keluar and "ZZ-99" in keluar
    assert "baris 4" in keluar and "laporan-tanggal" in keluar and "masa depan" in keluar
    assert "1 kegiatan diimpor" in keluar and "2 ditolak" in keluar
    assert list(muat_dataset().kegiatan["id_potensi"]) == ["A-01", "A-01"]


def test_di_luar_lingkup_akun_pengimpor_dan_tidak_ada_yang_diambil(ekspor, wilayah_uji, capsys, monkeypatch):
    path, _ = ekspor
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-alfa\n"))
    assert main(["akun", "tambah", "alfa", "--peran", "pelapor", "--lingkup", "99.01.01.1001"]) == 0
    _tulis_csv(path, [_kiriman(UUID_2, "B-02", "2025-03-29", "")])
    sebelum = (wilayah_uji.dir / "kegiatan.csv").read_bytes()
    assert main(["data", "import-formulir", str(path), "--akun", "alfa"]) == 1
    keluar = capsys.readouterr().out
    assert "baris 2" in keluar and "laporan-potensi" in keluar and "di luar lingkup" in keluar
    assert (wilayah_uji.dir / "kegiatan.csv").read_bytes() == sebelum


def test_ekspor_kobotoolbox_dan_tinjauan_ditolak(ekspor, wilayah_uji, capsys):
    path, _ = ekspor
    kolom = ["start", "end", "laporan/potensi", "laporan/tanggal", "laporan/jenis_kegiatan", "laporan/peserta",
             "laporan/keterangan", "laporan/foto", "_id", "_uuid", "_submission_time", "_status"]
    _tulis_csv(path, [{"start": "", "end": "", "laporan/potensi": "A-03", "laporan/tanggal": "2025-03-27",
                       "laporan/jenis_kegiatan": "produksi", "laporan/peserta": "", "laporan/keterangan": "Panen",
                       "laporan/foto": "", "_id": "1", "_uuid": "7d2f0b6e-aaaa-4bbb-8ccc-000000000001",
                       "_submission_time": "2025-03-30T10:00:00", "_status": "submitted_via_web"}], kolom, ";")  # Kobo's default
    assert main(["data", "import-formulir", str(path)]) == 0
    assert "ODK-7d2f0b6e-aaaa-4bbb-8ccc-000000000001" in set(muat_dataset().kegiatan["id_kegiatan"])
    audit = [json.loads(b) for b in path_audit(wilayah_uji.dir / "kegiatan.csv").read_text().splitlines()]
    assert audit[-1]["aksi"] == "impor-formulir" and audit[-1]["pengguna"].startswith("cli:")
    _tulis_csv(ekspor[0], [_kiriman(UUID_3, "A-02", "2025-03-28", "", review="rejected")])
    assert main(["data", "import-formulir", str(ekspor[0])]) == 1
    assert "ReviewState" in capsys.readouterr().out


def test_dengan_verifikasi_kiriman_menunggu_dan_tidak_diulang(ekspor, wilayah_uji, capsys):
    path, media = ekspor
    isi = json.loads(wilayah_uji.wilayah.read_text(encoding="utf-8"))
    wilayah_uji.wilayah.write_text(json.dumps({**isi, "verifikasi_laporan": True}), encoding="utf-8")
    sebelum = (wilayah_uji.dir / "kegiatan.csv").read_bytes()
    assert main(["data", "import-formulir", str(path), "--media", str(media)]) == 0
    assert "2 kiriman menunggu verifikasi" in capsys.readouterr().out
    assert (wilayah_uji.dir / "kegiatan.csv").read_bytes() == sebelum  # nothing counted yet
    antre = (wilayah_uji.dir / "laporan_menunggu.csv").read_text(encoding="utf-8")
    assert sum(b.startswith("ODK-0b7a6f6e") for b in antre.splitlines()) == 2 and len(list((wilayah_uji.dir / "laporan_menunggu").glob("*.jpg"))) == 2
    assert main(["data", "import-formulir", str(path), "--media", str(media)]) == 0
    assert "2 sudah pernah diimpor" in capsys.readouterr().out
