"""``summary --pada/--banding`` on the sample data shows the pandemic dip and the revival."""

from __future__ import annotations

import csv
import io
import json

import pytest

from geo.cli.utama import main


@pytest.fixture(autouse=True)
def _data_bawaan(monkeypatch):
    for env in ("KIM_CSV", "KIM_BOUNDARIES", "KIM_REFERENSI", "KIM_WILAYAH", "KIM_KEGIATAN"):
        monkeypatch.delenv(env, raising=False)


def test_summary_banding_json_menunjukkan_penurunan_dan_kebangkitan(capsys):
    assert main(["summary", "--pada", "2021-06-30", "--banding", "2026-11-30", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 15
    jumlah = {k: sum(r[k] for r in data) for k in ("status_aktif_pada", "status_aktif_banding", "jumlah_bangkit", "jumlah_padam")}
    # Mid-2021 (the dip): 2 of 50 potentials active; late 2026: 22 active: 22 revived, 2 gone quiet (net +20).
    assert jumlah == {"status_aktif_pada": 2, "status_aktif_banding": 22, "jumlah_bangkit": 22, "jumlah_padam": 2}
    kuala = next(r for r in data if r["kelurahan"] == "Bontang Kuala")
    assert (kuala["status_aktif_pada"], kuala["status_aktif_banding"], kuala["perubahan_aktif"]) == (0, 4, 4)


def test_summary_banding_tabel_dan_csv(capsys):
    assert main(["summary", "--pada", "2021-06-30", "--banding", "2026-11-30"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Keadaan pada 2021-06-30 dibandingkan dengan 2026-11-30 (dari log kegiatan)"
    total = out.splitlines()[-1].split()
    assert total[0] == "JUMLAH" and total[1:4] == ["2", "16", "32"] and total[4:7] == ["22", "14", "14"]
    assert main(["summary", "--pada", "2021-06-30", "--banding", "2026-11-30", "--format", "csv"]) == 0
    baris = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(baris) == 15 and {"perubahan_aktif", "jumlah_bangkit", "status_aktif_pada"} <= set(baris[0])


def test_summary_pada_saja(capsys):
    assert main(["summary", "--pada", "2021-06-30", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 15
    assert sum(r["jumlah_aktif"] for r in data) == 2
    assert sum(r["status_tidak_aktif"] for r in data) == 32


@pytest.mark.parametrize(("tanggal", "pesan"), [("2017-12-31", "sebelum kegiatan pertama"), ("2999-01-01", "masa depan"), ("30-13-2021", "bukan tanggal")])
def test_tanggal_salah_pesan_jelas(capsys, tanggal, pesan):
    assert main(["summary", "--pada", tanggal]) == 2  # the view state parser refuses it (exit 2)
    err = capsys.readouterr().err
    assert pesan in err and "Traceback" not in err


def test_export_banding_menyebut_kedua_tanggal(tmp_path, capsys):
    import datetime as dt

    from geo.ekspor.opsi import OpsiEkspor
    from geo.ekspor.snapshot import buat_gambar, teks_gambar
    from geo.masuk.dataset import muat_dataset
    from geo.tampilan.keadaan import Keadaan
    from geo.tampilan.susun import tampilkan

    tujuan = tmp_path / "banding.png"
    assert main(["export", "--pada", "2021-06-30", "--banding", "2026-11-30", "--metrik", "perubahan_aktif", "--output", str(tujuan)]) == 0
    assert tujuan.stat().st_size > 10_000
    t = tampilkan(muat_dataset(), Keadaan(pada=dt.date(2021, 6, 30), banding=dt.date(2026, 11, 30)))
    teks = teks_gambar(buat_gambar(t.dengan(metrik="perubahan_aktif"), OpsiEkspor()))
    assert any("30 Juni 2021 dibandingkan 30 November 2026" in x for x in teks)  # title
    semua = " ".join(" ".join(x.split()) for x in teks)  # the legend title wraps
    assert "Perubahan potensi aktif, 30 Juni 2021 → 30 November 2026" in semua  # legend
    assert main(["export", "--metrik", "perubahan_aktif", "--output", str(tmp_path / "x.png")]) == 2
    assert "membutuhkan log kegiatan dan --banding" in capsys.readouterr().err
