"""Indonesian (and English) numbers, dates and UI strings."""

from __future__ import annotations

import datetime as dt
import re
import string

import pandas as pd
import pytest

from geo import format_id, i18n
from geo.masuk.wilayah import Wilayah
from geo.tampilan.metrik import daftar_metrik


@pytest.mark.parametrize(
    ("nilai", "desimal", "harapan"),
    [
        (1234.5, None, "1.234,5"),
        (1234, None, "1.234"),
        (0, None, "0"),
        (62.0, None, "62"),
        (1234567.25, 2, "1.234.567,25"),
        (-1500.75, 1, "-1.500,8"),
        (999.96, None, "1.000"),
        (0.333, 2, "0,33"),
    ],
)
def test_angka_indonesia(nilai, desimal, harapan):
    assert format_id.angka(nilai, desimal=desimal) == harapan


def test_angka_inggris_dan_kosong():
    assert format_id.angka(1234.5, bahasa="en") == "1,234.5"
    assert format_id.angka(None) == "–"
    assert format_id.angka(float("nan")) == "–"
    assert format_id.angka(pd.NA) == "–"
    assert format_id.angka(float("inf")) == "–"


def test_persen():
    assert format_id.persen(62.5) == "62,5%"
    assert format_id.persen(100.0) == "100%"
    assert format_id.persen(None) == "–"
    assert format_id.persen(1212.5, bahasa="en") == "1,212.5%"


@pytest.mark.parametrize("nilai", [dt.date(2022, 7, 13), dt.datetime(2022, 7, 13, 15, 0), pd.Timestamp("2022-07-13"), "2022-07-13"])
def test_tanggal_indonesia(nilai):
    assert format_id.tanggal(nilai) == "13 Juli 2022"


def test_tanggal_bulan_dan_bahasa():
    assert [format_id.tanggal(dt.date(2024, m, 1)).split()[1] for m in range(1, 13)] == list(format_id.BULAN_ID)
    assert format_id.tanggal(dt.date(2022, 7, 13), bahasa="en") == "13 July 2022"
    assert format_id.tanggal(None) == "–"
    assert format_id.tanggal(pd.NaT) == "–"
    assert format_id.tanggal("bukan tanggal") == "–"


def test_kolom_bulat_dan_tanggal_tanpa_loop():
    angka = pd.Series([5, 1250, None, 1234567], dtype="Int64")
    assert format_id.bulat_seri(angka).tolist() == ["5", "1.250", "", "1.234.567"]
    assert format_id.bulat_seri(angka, bahasa="en").tolist() == ["5", "1,250", "", "1,234,567"]
    tanggal = pd.Series(pd.to_datetime(["2022-07-13", None, "2020-01-02"]), index=[7, 8, 9])
    hasil = format_id.tanggal_seri(tanggal)
    assert hasil.tolist() == ["13 Juli 2022", "", "2 Januari 2020"]
    assert list(hasil.index) == [7, 8, 9]
    assert format_id.tanggal_seri(tanggal, bahasa="en").iloc[0] == "13 July 2022"
    assert format_id.bulat_seri(pd.Series([-1250, 2.6, -999])).tolist() == ["-1.250", "3", "-999"]
    assert format_id.tanggal_seri(pd.Series(["2024-08-17"]), bahasa="xx").tolist() == ["17 Agustus 2024"]


def test_angka_negatif_desimal_dan_bahasa_lain():
    assert format_id.angka(-1234567.891, desimal=2) == "-1.234.567,89"
    assert format_id.angka(-1234567.891, desimal=2, bahasa="en") == "-1,234,567.89"
    assert format_id.angka(-0.2, desimal=0) == "0"  # no "-0"
    assert format_id.angka(0.05) == "0,1"  # rounded like Python, not Babel's half-even on the decimal text
    assert format_id.angka(1234.5, bahasa="xx") == "1.234,5"  # unknown language: Indonesian


def test_rupiah():
    assert format_id.rupiah(200_000_000) == "Rp 200.000.000"
    assert format_id.rupiah(1500.6) == "Rp 1.501"
    assert format_id.rupiah(-2500) == "-Rp 2.500"
    assert format_id.rupiah(0) == "Rp 0"
    assert format_id.rupiah(None) == "–"
    assert format_id.rupiah(float("nan")) == "–"
    assert format_id.rupiah(1234567, bahasa="en") == "IDR 1,234,567"


def test_tanggal_inggris_semua_bulan():
    assert [format_id.tanggal(dt.date(2024, m, 9), bahasa="en").split()[1] for m in range(1, 13)] == list(format_id.BULAN_EN)
    assert format_id.BULAN_EN[0] == "January" and format_id.BULAN_ID[7] == "Agustus"
    assert format_id.tanggal(dt.date(2026, 12, 1)) == "1 Desember 2026"
    assert format_id.tanggal(dt.date(2026, 12, 1), bahasa="xx") == "1 Desember 2026"


def test_setiap_teks_ada_dalam_dua_bahasa_dengan_isian_sama():
    for kunci, teks in i18n.TEKS.items():
        assert set(teks) == {"id", "en"}, kunci
        # A unit word may start a sentence in one language only ({Unit} vs {unit}): same word either way.
        isian = [{n.lower() if n.lower() in SEBUTAN else n for _, n, _, _ in string.Formatter().parse(teks[b]) if n} for b in ("id", "en")]
        assert isian[0] == isian[1], kunci


SEBUTAN = {"unit", "induk", "satuan"}


def test_kata_unit_mengikuti_data():
    """Unit words fill the strings; without them a kota of kelurahan reads as it always did."""
    assert i18n.t("detail") == "Rincian kelurahan"
    assert i18n.t("detail", satuan="desa", Satuan="Desa") == "Rincian desa"
    assert i18n.t("detail", "en", Satuan="Desa") == "Desa detail"
    assert i18n.t("kpi_dari", n=3, unit="kab/kota") == "dari 3 kab/kota"
    assert i18n.t("kpi_dari") == "dari {n} kelurahan"  # an unfilled placeholder stays as written


def test_t_mengisi_dan_jatuh_ke_indonesia():
    assert i18n.t("kpi_dari", "id", n="15") == "dari 15 kelurahan"
    assert i18n.t("kpi_dari", "en", n="15") == "of 15 kelurahan"
    assert i18n.t("judul", "xx") == i18n.t("judul", "id") == "Peta Potensi KIM"
    assert i18n.bahasa_sah(None) == "id"


def test_label_metrik_untuk_semua_metrik():
    wil = Wilayah()
    for metrik in daftar_metrik(wil):
        for bahasa in ("id", "en"):
            label = i18n.label_metrik(metrik, wil, bahasa)
            assert label and label != metrik
    assert i18n.label_metrik("potensi_kuliner", wil, "id") == "Jumlah potensi Kuliner"
    assert i18n.label_metrik("potensi_kuliner", wil, "en") == "Number of Culinary potentials"  # the English vocabulary
    assert i18n.label_metrik("persen_aktif", wil, "id") == "Persentase aktif (%)"


def test_nilai_metrik():
    assert i18n.nilai_metrik("persen_aktif", 66.7) == "66,7%"
    assert i18n.nilai_metrik("jumlah_anggota", 1250) == "1.250"
    assert i18n.nilai_metrik("jumlah_anggota", 1250, "en") == "1,250"


def test_tidak_ada_teks_inggris_di_bahasa_indonesia():
    # A cheap guard against copy-paste: common English words must not appear in the Indonesian strings.
    inggris = re.compile(r"\b(the|and|of|with|click|choose|number)\b", re.IGNORECASE)
    for kunci, teks in i18n.TEKS.items():
        assert not inggris.search(teks["id"].replace("sample data", "")), (kunci, teks["id"])


def test_deskripsi_filter():
    from geo.tampilan.saring import Filter

    f = Filter(kategori=("Kuliner",), status=("Aktif",), cari="ikan")
    assert i18n.deskripsi_filter(f, "id") == f.deskripsi()
    assert i18n.deskripsi_filter(f, "en") == "Category: Kuliner; Status: Aktif; Search: \u201cikan\u201d"
    assert i18n.deskripsi_filter(Filter(), "en") == "All potentials (no filter)"


def _teks_di_kode() -> tuple[set[str], set[str]]:
    """String literals of the app's code, and the constant heads of its f-strings (``f"basemap_{k}"`` → ``basemap_``)."""
    import ast

    from geo.config import PROJECT_DIR as akar
    berkas = [*akar.glob("*.py"), *akar.glob("pages/*.py"), *akar.glob("ui/**/*.py"), *akar.glob("geo/**/*.py")]
    berkas = [p for p in berkas if p.name != "i18n.py"]
    assert len(berkas) > 20
    literal, awalan = set(), set()
    for p in berkas:
        for simpul in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(simpul, ast.Constant) and isinstance(simpul.value, str):
                literal.add(simpul.value)
            elif isinstance(simpul, ast.JoinedStr) and simpul.values and isinstance(simpul.values[0], ast.Constant):
                awalan.add(simpul.values[0].value)
    return literal, awalan


def test_tidak_ada_kunci_teks_yang_tak_terpakai():
    literal, awalan = _teks_di_kode()

    def dipakai(kunci: str) -> bool:
        # A key is used when the code names it, or builds it as a known head plus a used remainder
        # (``_t(f"ukuran_{u}")`` inside ``t(f"ekspor_{kunci}")`` makes ``ekspor_ukuran_a4-landscape``).
        return kunci in literal or any(kunci.startswith(a) and len(kunci) > len(a) and dipakai(kunci[len(a):]) for a in awalan if a)

    assert len(i18n.TEKS) > 50
    tak_terpakai = [k for k in i18n.TEKS if not dipakai(k)]
    assert tak_terpakai == [], f"Kunci teks tidak dipakai di kode mana pun; hapus dari geo/i18n.py: {tak_terpakai}"


def test_kosakata_dalam_bahasa_pembaca():
    """Categories and statuses as an English reader reads them; the stored spelling stays the value everywhere else."""
    import pytest

    from geo.galat import GalatData
    from geo.masuk.wilayah import wilayah_dari_dict

    wil = Wilayah()
    assert wil.label("Tidak Aktif", "en") == "Inactive" and wil.label("Tidak Aktif", "id") == "Tidak Aktif"
    sendiri = wilayah_dari_dict({"kategori_potensi": ["Kuliner", "Anyaman"], "label_en": {"Anyaman": "Weaving"}})
    assert sendiri.label("Anyaman", "en") == "Weaving" and sendiri.label("Kuliner", "en") == "Culinary"
    assert sendiri.label("Tak dikenal", "en") == "Tak dikenal"  # no English name: its own spelling, never blank
    f = i18n.Filter(kategori=("Kuliner",), status=("Aktif",))
    assert i18n.deskripsi_filter(f, "en", wil) == "Category: Culinary; Status: Active"
    assert i18n.deskripsi_filter(f, "id", wil) == "Kategori: Kuliner; Status: Aktif"
    with pytest.raises(GalatData, match="label_en"):
        wilayah_dari_dict({"label_en": ["Culinary"]})
