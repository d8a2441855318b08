"""The shipped data: the sample plan and a fresh proposal both total exactly the ceiling."""

from __future__ import annotations

import json

from geo import config
from geo.anggaran.rencana import muat_rencana
from geo.cli.utama import main
from geo.masuk.dataset import muat_dataset

PAGU_BONTANG = 200_000_000


def test_wilayah_membawa_pagu_dan_tahun():
    isi = json.loads((config.DATA_DIR / "wilayah.json").read_text(encoding="utf-8"))
    assert isi["pagu_anggaran"] == PAGU_BONTANG and isinstance(isi["pagu_anggaran"], int)
    assert isinstance(isi["tahun_anggaran"], int)


def test_rencana_contoh_sah_dan_tepat_pagu(capsys):
    dataset = muat_dataset(config.DATA_DIR / "kim.csv", config.DATA_DIR / "boundaries.geojson",
                           config.DATA_DIR / "kelurahan.csv", config.DATA_DIR / "wilayah.json")
    rencana = muat_rencana(dataset, config.DATA_DIR / "anggaran.csv")
    assert rencana.ok, rencana.laporan.teks()
    assert rencana.total == PAGU_BONTANG
    assert set(rencana.tabel["kode_kelurahan"]) == set(dataset.potensi["kode_kelurahan"])  # every KIM has a line
    assert (rencana.tabel["keterangan"] == "data contoh").all()


def test_usul_lalu_periksa_pada_data_bawaan(tmp_path, capsys):
    path = tmp_path / "anggaran.csv"
    assert main(["anggaran", "usul", "--output", str(path), "--tanggal", "2026-12-01"]) == 0
    assert "total Rp 200.000.000 = pagu Rp 200.000.000" in capsys.readouterr().out
    assert main(["anggaran", "periksa", "--anggaran", str(path)]) == 0
    out = capsys.readouterr().out
    assert "SAH: " in out and "total Rp 200.000.000" in out and "sisa Rp 0" in out
    dataset = muat_dataset()
    rencana = muat_rencana(dataset, path)
    assert rencana.total == PAGU_BONTANG
    # The shipped wilayah.json has a usul_rincian menu: each of the 15 KIM's share (rounded to the stated
    # unit) becomes coded lines at standard prices plus one balancing line.
    per_kim = rencana.tabel.groupby("kode_kelurahan")["jumlah"].sum()
    assert len(per_kim) == 15 and (per_kim % 100_000 == 0).all()
    assert (rencana.tabel["kode_rekening"] != "").all() and (rencana.tabel["koefisien"] > 1).any()
    berstandar = rencana.tabel[rencana.tabel["kode_standar"] != ""]
    assert len(berstandar) == 15 * 8 and not [m for m in rencana.laporan.peringatan if m.kolom == "harga_satuan"]


def test_kim_aktif_di_formulir_memakai_tanggal_tampilan_dan_definisi_status_kim():
    """The form's "KIM aktif" is the pemetaan's count of active KIM, at the view's date unless the office fixes one."""
    import datetime as dt
    from dataclasses import replace

    from geo.anggaran.subkegiatan import sub_kegiatan_dari
    from geo.kim.status import status_kim_pada

    dataset = muat_dataset(config.DATA_DIR / "kim.csv", config.DATA_DIR / "boundaries.geojson",
                           config.DATA_DIR / "kelurahan.csv", config.DATA_DIR / "wilayah.json")
    extra = json.loads(json.dumps(dataset.wilayah.extra))
    for ind in extra["sub_kegiatan"]["indikator"]:
        ind.pop("tanggal", None)
    tanpa_tanggal = replace(dataset, wilayah=replace(dataset.wilayah, extra=extra))
    aktif = dataset.wilayah.status_aktivitas[0]
    hasil = {}
    for pada in (dt.date(2020, 6, 30), dt.date(2026, 12, 1)):
        sub = sub_kegiatan_dari(tanpa_tanggal, 1, pada)
        teks = next(i.target for i in sub.indikator if i.tolok_ukur.startswith("KIM aktif"))
        n = int((status_kim_pada(dataset, pada) == aktif).sum())
        assert teks.startswith(f"{n} KIM (per {pada:%d-%m-%Y})"), teks
        hasil[pada] = n
    assert len(set(hasil.values())) == 2  # the pandemic slump and the revival are different counts
    tetap = sub_kegiatan_dari(dataset, 1, dt.date(2020, 6, 30))  # the office's own date wins over the view's
    assert "(per 01-12-2026)" in next(i.target for i in tetap.indikator if i.tolok_ukur.startswith("KIM aktif"))
    dibina = next(i.target for i in tetap.indikator if i.tolok_ukur == "KIM yang dibina")
    assert dibina.startswith(f"{len(dataset.profil.tabel)} KIM")


def test_persen_dorman_ditulis_cara_indonesia(capsys):
    """README: numbers are written the Indonesian way (1.234,5); '35.3%' reads as 353% to an Indonesian official."""
    assert main(["anggaran", "ringkasan"]) == 0
    out = capsys.readouterr().out
    assert "ke KIM dorman Rp 70.600.000 (35,3%)" in out
    assert "35.3%" not in out


def test_tabel_ringkasan_dorman_ya_tidak(capsys):
    """The Indonesian table says ya/tidak, as the RAB does, not Python's True/False."""
    assert main(["anggaran", "ringkasan"]) == 0
    out = capsys.readouterr().out
    assert "True" not in out and "False" not in out
    assert " ya" in out and " tidak" in out
