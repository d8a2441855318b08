"""One view for every output (#19): one view state, one parser, one View, caches keyed on all of it.

On the shipped Bontang data (it has an activity log), the case the issue reproduced:
the city, then ``?wilayah=64.74.01`` (21 potentials), then ``?pada=2021-06-30``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from geo.cli.utama import main
from geo.ekspor import OpsiEkspor, buat
from geo.galat import GalatOpsi
from geo.masuk.dataset import muat_dataset
from geo.tampilan.keadaan import Keadaan, dari_param, ke_param
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan

KECAMATAN = "64.74.01"


@pytest.fixture(scope="module")
def ds():
    return muat_dataset()


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("param", [
    {"kategori": "Kulinr"}, {"metrik": "luas"}, {"skema": "acak"}, {"kelas": "12"}, {"peta": "google"}, {"bahasa": "fr"},
    {"wilayah": "77"}, {"pada": "2999-01-01"}, {"kelurahan": "Zeta"},
])
def test_url_longgar_cli_ketat_dengan_pesan_yang_sama(ds, param):
    longgar = dari_param(param, ds)
    assert longgar == Keadaan() and len(longgar.catatan) == 1  # dropped, with a note; the rest applies
    with pytest.raises(GalatOpsi) as galat:
        dari_param(param, ds, ketat=True)
    assert str(galat.value) == longgar.catatan[0]


def test_cli_menolak_dengan_keluar_2_dan_pesan_halaman(ds, capsys):
    catatan = dari_param({"skema": "acak"}, ds).catatan[0]
    assert main(["export", "--format", "csv", "--skema", "acak", "-o", "-"]) == 2
    assert catatan in capsys.readouterr().err


@pytest.mark.parametrize("kode", ["64.74.01", "647401", " 64 74 01 "])
def test_kode_unit_dengan_atau_tanpa_titik(ds, kode):
    k = dari_param({"wilayah": kode}, ds)
    assert k.wilayah == KECAMATAN and not k.catatan
    assert len(tampilkan(ds, k).potensi) == 21


def test_kode_kelurahan_tanpa_titik(ds):
    kode = str(ds.batas["kode"].iloc[0])
    assert dari_param({"kelurahan": kode.replace(".", "")}, ds).kelurahan == kode
    assert dari_param({"wilayah": kode.replace(".", "")}, ds).kelurahan == kode  # a desa's own code opens it selected


def test_tampilan_menyimpan_keadaan_dan_menghitung_sekali(ds):
    k = dari_param({"wilayah": KECAMATAN, "metrik": "persen_aktif", "kelas": "4", "bahasa": "en"}, ds)
    v = tampilkan(ds, k)
    assert v.keadaan == k and v.filter is k.filter and v.metrik == "persen_aktif" and v.bahasa == "en"
    assert v.kelas is v.kelas and v.kelas.diminta == 4  # computed once, from the view's own settings
    assert v.angka.potensi == 21 and v.angka is v.angka
    lain = v.dengan(kelurahan=str(v.ringkasan["kode"].iloc[0]))
    assert lain.potensi is v.potensi and lain.angka is v.angka  # the open unit changes no figure
    with pytest.raises(ValueError, match="mengubah baris"):
        v.dengan(wilayah="")
    assert dari_param(ke_param(k, ds), ds) == k  # the URL holds the whole view state


def test_tombol_unduh_tidak_memberi_berkas_tampilan_lain(ds):
    """The reproduced bug: city CSV (51 lines), then ?wilayah=64.74.01 gave the same 51 lines again."""
    from ui.ekspor import kunci_berkas, pembuat

    opsi = OpsiEkspor()
    kota = tampilkan(ds, dari_param({}, ds))
    kec = tampilkan(ds, dari_param({"wilayah": KECAMATAN}, ds))
    lalu = tampilkan(ds, dari_param({"pada": "2021-06-30"}, ds))
    assert len(_csv(pembuat("csv", kota, opsi)())) == 50
    assert len(_csv(pembuat("csv", kec, opsi)())) == 21
    assert _csv(pembuat("csv", lalu, opsi)()) != _csv(pembuat("csv", kota, opsi)())
    # The atlas key holds the dates and the map settings too.
    assert kunci_berkas("atlas", lalu, opsi) != kunci_berkas("atlas", kota, opsi)
    assert kunci_berkas("atlas", kota.dengan(metrik="persen_aktif"), opsi) != kunci_berkas("atlas", kota, opsi)


@pytest.mark.parametrize("param", [{}, {"wilayah": KECAMATAN}, {"pada": "2021-06-30"}])
def test_cli_export_sama_dengan_tampilan_halaman(ds, param, capsysbinary):
    bendera = [x for k, v in param.items() for x in (f"--{k}", v)]
    assert main(["export", "--format", "csv", *bendera, "-o", "-"]) == 0
    dari_cli = capsysbinary.readouterr().out
    assert _csv(dari_cli) == _csv(buat("csv", tampilkan(ds, dari_param(param, ds))).data)


def test_rab_mengikuti_wilayah(ds, tmp_path, capsys):
    """``export --format rab-xlsx --wilayah 64.74.01`` holds only that kecamatan's lines."""
    tujuan = tmp_path / "rab.xlsx"
    assert main(["export", "--format", "rab-xlsx", "--wilayah", KECAMATAN, "-o", str(tujuan)]) == 0
    capsys.readouterr()
    sel = _sel(tujuan)
    dalam = set(ds.batas.loc[ds.batas["kode"].str.startswith(KECAMATAN + "."), "kelurahan"])
    luar = set(ds.batas["kelurahan"]) - dalam
    assert dalam & sel and not luar & sel  # every group heading names a kelurahan of the kecamatan, no other
    semua = tmp_path / "semua.xlsx"
    assert main(["export", "--format", "rab-xlsx", "-o", str(semua)]) == 0
    assert luar & _sel(semua)  # control: without --wilayah the other kecamatan are there


def _sel(path) -> set[str]:
    """The kelurahan named by the RAB's group headings ("Kelurahan X, Kecamatan Y — KIM Z")."""
    teks = [str(c.value) for b in openpyxl.load_workbook(path).worksheets[0].iter_rows() for c in b if c.value]
    return {x.removeprefix("Kelurahan ").split(",")[0].strip() for x in teks if x.startswith("Kelurahan ") and ", " in x}


def test_filter_saja_adalah_keadaan_bawaan(ds):
    f = Filter(kategori=("Kuliner",))
    assert tampilkan(ds, f).keadaan == Keadaan(filter=f)


def test_pada_hari_ini_tetap_dalam_kunci(ds):
    from ui.ekspor import kunci_berkas

    v = tampilkan(ds, Keadaan(pada=dt.date(2021, 6, 30)))
    assert dt.date(2021, 6, 30) in kunci_berkas("csv", v, OpsiEkspor())


def test_kegiatan_kelurahan_sampai_tanggal_tampilan(ds):
    """One home for "a kelurahan's activities up to a date" (the detail panel and the profile)."""
    from geo.tampilan.kegiatan import kegiatan_kelurahan

    v = tampilkan(ds, Keadaan(pada=dt.date(2021, 6, 30)))
    kode = str(v.ringkasan["kode"].iloc[0])
    log = kegiatan_kelurahan(v, kode)
    assert len(log) and (log["tanggal"] <= "2021-06-30").all() and log["tanggal"].is_monotonic_decreasing
    milik = ds.potensi.loc[ds.potensi["kode_kelurahan"] == kode, "id_potensi"]
    semua = ds.kegiatan[ds.kegiatan["id_potensi"].isin(milik)]
    assert len(log) == int((pd.to_datetime(semua["tanggal"]) <= "2021-06-30").sum())
    assert len(kegiatan_kelurahan(tampilkan(ds), kode)) > len(log)  # today: the later ones too


def test_profil_mengikuti_tanggal_tampilan(ds):
    """The profile lists the unit's activities as known on the View's ``pada``, like the detail panel."""
    from geo import format_id
    from geo.ekspor.profil import buat_profil
    from geo.ekspor.snapshot import teks_gambar
    from geo.tampilan.kegiatan import kegiatan_kelurahan

    kini = tampilkan(ds)
    lalu = tampilkan(ds, Keadaan(pada=dt.date(2021, 6, 30)))
    kode = str(kini.ringkasan["kode"].iloc[0])
    teks_kini, teks_lalu = " ".join(teks_gambar(buat_profil(kini, kode))), " ".join(teks_gambar(buat_profil(lalu, kode)))
    baru = kegiatan_kelurahan(kini, kode)["tanggal"].iloc[0]
    assert baru > pd.Timestamp("2021-06-30")
    assert format_id.tanggal(baru) in teks_kini and format_id.tanggal(baru) not in teks_lalu
    assert format_id.tanggal(kegiatan_kelurahan(lalu, kode)["tanggal"].iloc[0]) in teks_lalu


def test_profil_kelurahan_kode_tanpa_titik(ds, tmp_path, capsys):
    kode = str(ds.batas["kode"].iloc[0])
    for nilai in (kode, kode.replace(".", "")):
        assert main(["export", "--format", "profil", "--kelurahan", nilai, "-o", str(tmp_path / "p.pdf")]) == 0
    assert "Tersimpan" in capsys.readouterr().out
