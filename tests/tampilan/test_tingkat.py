"""Levels from the Kemendagri code, views per level and the drill-down, on a generated province."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from benchmarks.buat_wilayah_besar import buat_wilayah_besar
from geo.masuk.dataset import muat_dataset
from geo.masuk.tingkat import jenis_seri, kata_jenis, lengkapi_tingkat, tingkat_kode, tingkat_sah
from geo.tampilan.keadaan import Keadaan, dari_param, ke_param
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from geo.tampilan.tingkat import BATAS_POLIGON, jejak, tentukan, turun, unit_tingkat


@pytest.fixture(scope="module")
def provinsi(tmp_path_factory: pytest.TempPathFactory):
    """A made-up province: 10 kab/kota, 1,000 desa/kelurahan (generated, never in data/)."""
    return buat_wilayah_besar(1000, tmp_path_factory.mktemp("provinsi"), seed=3, n_baris=3000)


@pytest.fixture(scope="module")
def ds(provinsi):
    d = muat_dataset(provinsi.kim, provinsi.batas, provinsi.referensi, provinsi.wilayah)
    assert d.ok, d.laporan.teks()[:2000]
    return d


def test_kode_memberi_tingkat_dan_jenis():
    assert [tingkat_kode(k) for k in ("64", "64.74", "64.74.01", "64.74.01.1001", "6")] == [
        "provinsi", "kabkota", "kecamatan", "kelurahan", None]
    assert list(jenis_seri(pd.Series(["64.74.01.1001", "64.02.03.2004"]))) == ["kelurahan", "desa"]
    assert kata_jenis(["desa", "desa"]) == "desa"
    assert kata_jenis(["kelurahan"]) == "kelurahan"
    assert kata_jenis(["desa", "kelurahan"]) == "desa/kelurahan"
    assert [tingkat_sah(v) for v in ("Kab/Kota", "desa", "KECAMATAN", "negara")] == ["kabkota", "kelurahan", "kecamatan", None]


def test_tabel_satu_kota_dilengkapi_tanpa_diubah():
    tabel = pd.DataFrame({"kode": ["64.74.01.1001"], "kelurahan": ["Bontang Kuala"], "kecamatan": ["Bontang Utara"],
                          "kode_kecamatan": ["64.74.01"], "luas_km2": [8.78]})
    hasil = lengkapi_tingkat(tabel, "Kota Bontang", "Kalimantan Timur")
    assert hasil.loc[0, ["kode_kabkota", "kabkota", "kode_provinsi", "provinsi", "jenis_unit"]].tolist() == [
        "64.74", "Kota Bontang", "64", "Kalimantan Timur", "kelurahan"]
    assert hasil.loc[0, "kelurahan"] == "Bontang Kuala" and hasil.loc[0, "kode_kecamatan"] == "64.74.01"


def test_provinsi_dibuka_per_kabkota(ds):
    v = tampilkan(ds)
    assert v.tingkat == "kabkota" and v.wilayah == ""
    assert len(v.ringkasan) == 10
    assert v.ringkasan["kode"].str.len().eq(5).all()
    assert int(v.ringkasan["jumlah_potensi"].sum()) == len(ds.potensi) == 3000
    assert v.ringkasan.geometry.is_valid.all()
    # Dissolved once: the second view reuses the same GeoDataFrame.
    assert unit_tingkat(ds, "kabkota") is unit_tingkat(ds, "kabkota")
    area = v.ringkasan.to_crs(v.ringkasan.estimate_utm_crs()).area.sum()
    area_desa = ds.batas.to_crs(v.ringkasan.estimate_utm_crs()).area.sum()
    assert area == pytest.approx(area_desa, rel=1e-3)  # outlines simplified together: no gaps, tiny area change


def test_masuk_kabkota_lalu_kecamatan_lalu_desa(ds):
    v = tampilkan(ds)
    kab = str(v.ringkasan["kode"].iloc[0])
    satu = tampilkan(ds, Keadaan(tingkat="kecamatan", wilayah=kab))
    assert len(satu.ringkasan) >= 2 and satu.ringkasan["kode"].str.startswith(kab + ".").all()
    assert int(satu.ringkasan["jumlah_potensi"].sum()) == int(v.ringkasan["jumlah_potensi"].iloc[0])
    assert len(satu.potensi) == int(v.ringkasan["jumlah_potensi"].iloc[0])
    kec = str(satu.ringkasan["kode"].iloc[0])
    desa = tampilkan(ds, Keadaan(tingkat="kelurahan", wilayah=kec))
    assert len(desa.ringkasan) >= 2 and desa.ringkasan["kode"].str.startswith(kec + ".").all()
    assert int(desa.ringkasan["jumlah_potensi"].sum()) == int(satu.ringkasan["jumlah_potensi"].iloc[0])
    # A click on one desa of a kab/kota view drills into that kab/kota.
    kode_desa = str(desa.ringkasan["kode"].iloc[0])
    assert turun(v.jenjang, kode_desa).wilayah == kab and turun(v.jenjang, kode_desa).tingkat == "kecamatan"
    assert turun(desa.jenjang, kode_desa) is None
    label = [t[0] for t in jejak(ds, desa.jenjang)]
    assert len(label) == 3 and label[0] == ds.wilayah.nama and label[2].startswith("Kecamatan ")


def test_filter_berlaku_di_setiap_tingkat(ds):
    semua = tampilkan(ds, Filter(status=("Aktif",)))
    assert int(semua.ringkasan["jumlah_potensi"].sum()) == int((ds.potensi["status_aktivitas"] == "Aktif").sum())
    assert (semua.ringkasan["jumlah_aktif"] == semua.ringkasan["jumlah_potensi"]).all()


def test_tautan_menyimpan_tingkat_dan_wilayah(ds):
    kab = str(tampilkan(ds).ringkasan["kode"].iloc[3])
    k = dari_param({"tingkat": "kecamatan", "wilayah": kab}, ds)
    assert (k.tingkat, k.wilayah, k.catatan) == ("kecamatan", kab, ())
    assert ke_param(k, ds) == {"tingkat": ["kecamatan"], "wilayah": [kab]}
    # The region's own opening view stays out of the link.
    assert "tingkat" not in ke_param(dari_param({"tingkat": "kabkota"}, ds), ds)
    # wilayah alone drills one level below it; a typo falls back with a note.
    assert dari_param({"wilayah": kab.replace(".", "")}, ds).tingkat == "kecamatan"
    salah = dari_param({"wilayah": "99.99"}, ds)
    assert salah.wilayah == "" and "tidak ada di data" in salah.catatan[0]


def test_terlalu_banyak_poligon_naik_tingkat(ds, monkeypatch):
    monkeypatch.setattr("geo.tampilan.tingkat.BATAS_POLIGON", 50)
    j = tentukan(ds, "kelurahan", "")
    assert j.tingkat == "kecamatan" or j.tingkat == "kabkota"
    assert j.catatan and "Terlalu banyak" in j.catatan[0]
    assert BATAS_POLIGON >= 1000


def test_bontang_tetap_per_kelurahan():
    d = muat_dataset()
    v = tampilkan(d)
    assert v.tingkat == "kelurahan" and v.wilayah == "" and len(v.ringkasan) == 15
    assert jejak(d, v.jenjang) == [(d.wilayah.nama, "kelurahan", "")]
    assert set(d.batas["kabkota"]) == {"Kota Bontang"} and set(d.batas["jenis_unit"]) == {"kelurahan"}


def test_generator_menolak_data(tmp_path):
    with pytest.raises(ValueError):
        buat_wilayah_besar(10, Path(__file__).resolve().parents[2] / "data" / "x")


def _cli(provinsi, *argv: str):
    import contextlib
    import io

    from geo.cli.utama import main

    keluar, galat = io.StringIO(), io.StringIO()
    env = provinsi.env()
    mp = pytest.MonkeyPatch()
    for k, v in env.items():
        mp.setenv(k, v)
    try:
        with contextlib.redirect_stdout(keluar), contextlib.redirect_stderr(galat):
            kode = main(list(argv))
    finally:
        mp.undo()
    return kode, keluar.getvalue(), galat.getvalue()


def test_cli_summary_per_tingkat(provinsi, ds):
    import json

    kode, out, _ = _cli(provinsi, "summary", "--format", "json")
    baris = json.loads(out)
    assert kode == 0 and len(baris) == 10 and {b["tingkat"] for b in baris} == {"kabkota"}
    kab = baris[0]["kode"]
    kode, out, _ = _cli(provinsi, "summary", "--tingkat", "kecamatan", "--wilayah", kab, "--format", "json")
    kec = json.loads(out)
    assert kode == 0 and all(b["kode"].startswith(kab + ".") for b in kec) and len(kec) >= 2
    assert sum(b["jumlah_potensi"] for b in kec) == baris[0]["jumlah_potensi"]
    kode, out, _ = _cli(provinsi, "summary", "--tingkat", "provinsi", "--format", "csv")
    assert kode == 0 and out.splitlines()[0].startswith("tingkat,kode,nama,induk") and len(out.splitlines()) == 2
    kode, _, err = _cli(provinsi, "summary", "--tingkat", "negara")
    assert kode == 2 and "--tingkat 'negara' tidak dikenal" in err
    kode, _, err = _cli(provinsi, "summary", "--wilayah", "77")
    assert kode == 2 and "Wilayah '77' tidak ada" in err


def test_cli_ekspor_mengikuti_tingkat(provinsi, tmp_path):
    import json

    tujuan = tmp_path / "kab.geojson"
    kode, _, err = _cli(provinsi, "export", "--format", "geojson", "--tingkat", "kabkota", "--output", str(tujuan))
    assert kode == 0, err
    fitur = json.loads(tujuan.read_text(encoding="utf-8"))["features"]
    poligon = [f for f in fitur if f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
    assert len(poligon) == 10


def test_bilah_kemajuan_hanya_di_terminal(wilayah_uji):
    import io

    from geo.cli.kemajuan import bilah_kemajuan

    assert bilah_kemajuan(io.StringIO()) is None  # piped: quiet

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    layar = Terminal()
    tahap: list[tuple[str, float]] = []
    bilah = bilah_kemajuan(layar)
    d = muat_dataset(kemajuan=lambda t, b: (tahap.append((t, b)), bilah(t, b)))
    assert d.ok and len(tahap) >= 5 and tahap[-1] == ("selesai", 1.0)
    assert [b for _, b in tahap] == sorted(b for _, b in tahap)
    assert "memvalidasi" in layar.getvalue() and "100%" in layar.getvalue()
