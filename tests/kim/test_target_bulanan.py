"""Targets per KIM per period and the monthly digest (#25), against hand-counted fixture values."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from geo.cli.utama import main
from geo.kim.pemetaan import pemetaan
from geo.kim.ringkasan_bulanan import ringkasan_bulanan, ringkasan_pdf, tabel_ringkasan
from geo.kim.target import kemajuan_target
from tests.kim.test_nilai import data  # noqa: F401 - fixture

KINI = dt.date(2026, 12, 6)


def test_kemajuan_target(data):  # noqa: F811
    k = kemajuan_target(data, dt.date(2026, 11, 30)).set_index(["id_kim", "jenis"])
    # Q4 2026 up to 30 Nov: A has K1 (2026-11-20); B has none in Oct–Nov
    assert k.loc[("KIM-A", "kegiatan_per_triwulan"), ["periode", "target", "capaian"]].tolist() == ["2026-Q4", 3.0, 1.0]
    assert not k.loc[("KIM-A", "kegiatan_per_triwulan"), "tercapai"]
    assert k.loc[("KIM-B", "kegiatan_per_triwulan"), "capaian"] == 0
    # A's latest posts are 2026-10-02 and 2026-08-01: none in November → 0; in October → 1
    assert k.loc[("KIM-A", "pos_per_bulan"), "capaian"] == 0
    okt = kemajuan_target(data, dt.date(2026, 10, 31)).set_index(["id_kim", "jenis"])
    assert okt.loc[("KIM-A", "pos_per_bulan"), "capaian"] == 1 and bool(okt.loc[("KIM-A", "pos_per_bulan"), "tercapai"])
    # September is hidden by the October post: unknown, not 0
    sep = kemajuan_target(data, dt.date(2026, 9, 30)).set_index(["id_kim", "jenis"])
    assert pd.isna(sep.loc[("KIM-A", "pos_per_bulan"), "capaian"]) and pd.isna(sep.loc[("KIM-A", "pos_per_bulan"), "tercapai"])
    # a KIM's own target for a period replaces the default
    sendiri = pd.DataFrame([("KIM-A", "2026-Q4", "kegiatan_per_triwulan", 1.0)], columns=["id_kim", "periode", "jenis", "target"])
    assert bool(kemajuan_target(data, dt.date(2026, 11, 30), sendiri).set_index(["id_kim", "jenis"]).loc[
        ("KIM-A", "kegiatan_per_triwulan"), "tercapai"])


def test_ringkasan_bulanan(data):  # noqa: F811
    # July 2026: B-01's K9 (07-01) is its last; A-02 went 1 month without activity. Statuses at 30 Jun vs 31 Jul:
    r = ringkasan_bulanan(data, "2026-07", KINI)
    assert r.kegiatan.set_index("id_kim")["jumlah"].to_dict() == {"KIM-B": 1}
    # September: A's best potential was A-02 (last 06-01: 2 whole months on 31 Aug, 3 on 30 Sep), A-01's last by
    # then is 2025-12-05 → A turns Kurang Aktif; B-01 (07-01) is 2 months old on 30 Sep → B stays Aktif.
    sep = ringkasan_bulanan(data, "2026-09", KINI)
    assert sep.turun[["id_kim", "status_sebelum", "status_kini"]].values.tolist() == [["KIM-A", "Aktif", "Kurang Aktif"]]
    # Q3 ends in September: A had no activity in Jul–Sep (0 of 3), B had K9 (1 of 3): both missed
    meleset = sep.target_meleset.set_index(["id_kim", "jenis"])
    assert meleset.loc[("KIM-A", "kegiatan_per_triwulan"), "capaian"] == 0
    assert meleset.loc[("KIM-B", "kegiatan_per_triwulan"), "capaian"] == 1
    assert ("KIM-A", "pos_per_bulan") not in meleset.index  # unknown (a later post), never a miss
    # October: B-01's last activity (07-01) reaches 3 whole months on 01 Oct → B turns Kurang Aktif
    okt = ringkasan_bulanan(data, "2026-10", KINI)
    assert okt.turun[["id_kim", "status_sebelum", "status_kini"]].values.tolist() == [["KIM-B", "Aktif", "Kurang Aktif"]]
    t = tabel_ringkasan(okt, data.wilayah)
    assert set(t["bagian"]) >= {"status_turun", "laporan_menunggu"} and "not available" in t["keterangan"].iloc[-1]
    assert "Aktif → Kurang Aktif / Active → Less active" in t["keterangan"].tolist()  # both languages, as the PDF


def test_bulan_berjalan_belum_meleset(data):  # noqa: F811
    """A month still running has days left for its post: no miss before it ends, the same month judged after."""
    selesai = ringkasan_bulanan(data, "2026-11", dt.date(2026, 12, 2))
    assert not selesai.berjalan and "pos_per_bulan" in set(selesai.target_meleset["jenis"])
    berjalan = ringkasan_bulanan(data, "2026-11", dt.date(2026, 11, 15))
    assert berjalan.berjalan and "pos_per_bulan" not in set(berjalan.target_meleset["jenis"])
    assert "Bulan berjalan" in _teks_pdf(ringkasan_pdf(data, berjalan))


def _teks_pdf(pdf: bytes) -> str:
    """A PDF's text, by pdftotext (poppler-utils, installed by CI)."""
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    pytest.skip("pdftotext (poppler-utils) tidak ada")


def test_target_di_pemetaan_dan_cli(data, capsys, tmp_path):  # noqa: F811
    m = pemetaan(data, dt.date(2026, 11, 30))
    assert m.kim.set_index("id_kim").at["KIM-A", "target_kegiatan"] == "1/3 (2026-Q4)"
    assert main(["kim", "ringkasan-bulanan", "--bulan", "2026-10"]) == 0
    csv = pd.read_csv(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")))
    assert ["status_turun", "KIM-B"] in csv[["bagian", "id_kim"]].values.tolist()
    keluar = tmp_path / "r.pdf"
    assert main(["kim", "ringkasan-bulanan", "--bulan", "2026-10", "--format", "pdf", "-o", str(keluar)]) == 0
    assert keluar.read_bytes().startswith(b"%PDF")
    with pytest.raises(SystemExit):
        main(["kim", "ringkasan-bulanan", "--format", "xml"])


def test_target_unduhan_dimuat_kembali(data):  # noqa: F811
    """The page's download of the stored targets loads back unchanged (edit in Excel, load again)."""
    from geo.kim.target import csv_target, target_tersimpan
    from geo.masuk.dataset import muat_dataset
    from geo.simpan.gudang import pilih_gudang

    g = pilih_gudang()
    isi = b"id_kim,periode,jenis,target\nKIM-A,2030-Q1,kegiatan_per_triwulan,7\n"
    assert g.simpan_target(data, isi, "target.csv", "cli:uji")[1].ok
    unduhan = csv_target(muat_dataset())
    assert unduhan.startswith("\ufeffid_kim,periode,jenis,target".encode()) and b"KIM-A,2030-Q1,kegiatan_per_triwulan,7" in unduhan
    n, laporan = g.simpan_target(muat_dataset(), unduhan, "unduhan.csv", "cli:uji")
    assert laporan.ok and n == 1
    assert target_tersimpan(muat_dataset())[0]["target"].tolist() == [7.0]
