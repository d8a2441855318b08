"""Hostile files: NUL bytes, huge cells, limits, zip bombs, look-alike ids, round trips.

Every refusal must name the problem (and the limit's variable), and a
refused file must leave the data exactly as it was.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from geo.cli.utama import main
from geo.ekspor.formula import netralkan_tabel
from geo.galat import Laporan
from geo.masuk import batasan
from geo.masuk.baca import baca_bytes
from geo.masuk.dataset import muat_dataset
from geo.simpan.kim import MODE_GABUNG, baca_untuk_sunting, periksa_unggahan, simpan_kim
from tests.conftest import BARIS_BAIK, HEADER


def _csv(rows: list[list[str]]) -> bytes:
    return ("\n".join(",".join(f'"{c}"' for c in r) for r in [HEADER, *rows]) + "\n").encode("utf-8")


@pytest.fixture
def sunting(wilayah_uji):
    dataset = muat_dataset()
    tabel, sidik = baca_untuk_sunting(dataset)
    return dataset, tabel, sidik


def _tidak_berubah(wilayah_uji, lama: bytes) -> None:
    assert wilayah_uji.kim.read_bytes() == lama
    assert not (wilayah_uji.dir / "cadangan").exists()


def test_nul_after_the_first_4_kib_is_refused_on_upload(sunting, wilayah_uji):
    dataset, tabel, _ = sunting
    lama = wilayah_uji.kim.read_bytes()
    baris = [list(BARIS_BAIK[0]) for _ in range(60)]
    for i, r in enumerate(baris):
        r[0] = f"N-{i:02d}"
    baris[-1][7] = "teks\x00tersembunyi"
    data = _csv(baris)
    assert data.index(b"\x00") > 4096
    cek = periksa_unggahan(data, "nul.csv", dataset, MODE_GABUNG, tabel)
    assert cek.hasil is None and not cek.laporan.ok
    assert len(cek.laporan.galat) == 1
    assert "NUL" in cek.laporan.galat[0].pesan and cek.laporan.galat[0].baris == 61
    _tidak_berubah(wilayah_uji, lama)


def test_nul_typed_in_the_editor_is_not_saved(sunting, wilayah_uji):
    dataset, tabel, sidik = sunting
    lama = wilayah_uji.kim.read_bytes()
    tabel = tabel.copy()
    tabel.loc[0, "deskripsi"] = "a\x00b"
    hasil = simpan_kim(tabel, dataset, "budi", sidik)
    assert not hasil.disimpan and not hasil.laporan.ok
    assert muat_dataset().ok  # what is on disk still loads
    _tidak_berubah(wilayah_uji, lama)


def test_field_past_the_csv_module_limit_gets_a_clear_message(sunting, wilayah_uji):
    dataset, tabel, _ = sunting
    baris = list(BARIS_BAIK[0])
    baris[7] = "x" * 140_000
    cek = periksa_unggahan(_csv([baris]), "besar.csv", dataset, MODE_GABUNG, tabel)
    assert cek.hasil is None
    assert len(cek.laporan.galat) == 1
    pesan = cek.laporan.galat[0].pesan
    assert "KIM_BATAS_KARAKTER_SEL" in pesan and "140.000 karakter" in pesan and "20.000" in pesan


def test_unclosed_quote_past_the_limit_is_a_message_not_a_crash():
    laporan = Laporan()
    data = (",".join(HEADER) + '\nA,"' + "y" * 300_000).encode()
    assert baca_bytes(data, "kutip.csv", laporan) is None
    assert len(laporan.galat) == 1 and "KIM_BATAS_KARAKTER_SEL" in laporan.galat[0].pesan


@pytest.mark.parametrize(
    ("env", "nilai", "data", "kata"),
    [
        ("KIM_BATAS_UNGGAH_MB", "1", b"x" * (2 * 2**20), "Ukuran berkas 2,0 MB"),
        ("KIM_BATAS_BARIS", "10", _csv([BARIS_BAIK[0]] * 40), "Jumlah baris"),
        ("KIM_BATAS_KARAKTER_SEL", "5", _csv([BARIS_BAIK[0]]), "Panjang sel"),
    ],
)
def test_each_limit_names_itself_and_how_to_raise_it(monkeypatch, env, nilai, data, kata):
    monkeypatch.setenv(env, nilai)
    laporan = Laporan()
    assert baca_bytes(data, "f.csv", laporan) is None
    assert len(laporan.galat) == 1
    pesan = laporan.galat[0].pesan
    assert kata in pesan and env in pesan and "melebihi batas" in pesan


def test_default_limits_are_beyond_a_province():
    assert batasan.BARIS.nilai() >= 100_000 and batasan.UNGGAH_MB.nilai() >= 20
    assert batasan.KARAKTER_SEL.nilai() > 131_072 / 10 and batasan.UNSUR.nilai() >= 50_000


def test_bad_limit_value_is_an_administrator_message(monkeypatch):
    monkeypatch.setenv("KIM_BATAS_BARIS", "banyak")
    with pytest.raises(Exception, match="KIM_BATAS_BARIS"):
        batasan.BARIS.nilai()


def test_xlsx_zip_bomb_is_refused_before_parsing(monkeypatch):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (3 * 2**20))
    data = buf.getvalue()
    assert len(data) < 100_000
    monkeypatch.setenv("KIM_BATAS_XLSX_MB", "2")

    def jangan(*a, **k):
        raise AssertionError("parsed before the size check")

    monkeypatch.setattr(pd, "read_excel", jangan)
    laporan = Laporan()
    assert baca_bytes(data, "bom.xlsx", laporan, excel=True) is None
    assert len(laporan.galat) == 1 and "KIM_BATAS_XLSX_MB" in laporan.galat[0].pesan


@pytest.mark.parametrize("tiruan", ["A-0\u200b1", "A-01\u202e", "A\u201101", "A\u00ad-01", "Ａ-01"])
def test_look_alike_ids_are_reported_as_duplicates(sunting, tiruan):
    dataset, tabel, _ = sunting
    baris = list(BARIS_BAIK[0])
    baris[0] = tiruan
    cek = periksa_unggahan(_csv([BARIS_BAIK[0], baris]), "mirip.csv", dataset, MODE_GABUNG, tabel)
    galat = [m for m in cek.laporan.galat if m.kolom == "id_potensi"]
    assert len(galat) == 1
    assert "ganda" in galat[0].pesan and galat[0].baris == 3


def test_exported_csv_loads_back_exactly(sunting, wilayah_uji):
    _, tabel, _ = sunting
    asli = tabel.copy()
    asli.loc[0, "kontak"] = "+62 812-3456-7890"
    asli.loc[1, "deskripsi"] = "=1+1"
    asli.loc[2, "kontak"] = "'kutip milik pengguna"
    ekspor = netralkan_tabel(asli.astype({"kontak": object, "deskripsi": object}))
    assert ekspor.loc[0, "kontak"].startswith("'")
    data = ekspor.to_csv(index=False).encode("utf-8")
    laporan = Laporan()
    kembali = baca_bytes(data, "ekspor.csv", laporan)
    assert kembali is not None and len(kembali) == len(asli)
    assert kembali.loc[0, "kontak"] == "+62 812-3456-7890"
    assert kembali.loc[1, "deskripsi"] == "=1+1"
    assert kembali.loc[2, "kontak"] == "'kutip milik pengguna"  # not added by the export: kept


@pytest.mark.parametrize("ejaan", ["BatikdanKerajinan", "batik & kerajinan", "Batik dan Kerajinan", "BATIK&KERAJINAN"])
def test_category_spellings_agree_in_csv_url_and_cli(sunting, ejaan, capsys):
    from geo.tampilan.keadaan import dari_param

    dataset, tabel, _ = sunting
    baris = list(BARIS_BAIK[3])
    baris[5] = ejaan
    cek = periksa_unggahan(_csv([baris]), "ejaan.csv", dataset, MODE_GABUNG, tabel)
    assert cek.laporan.ok, cek.laporan.teks()
    assert cek.tabel["kategori_potensi"].tolist() == ["Batik & Kerajinan"]
    keadaan = dari_param({"kategori": [ejaan]}, dataset)
    assert keadaan.filter.kategori == ("Batik & Kerajinan",) and keadaan.catatan == ()
    assert main(["summary", "--kategori", ejaan, "--format", "csv"]) == 0
    assert "Beta" in capsys.readouterr().out


def test_unknown_category_is_refused_in_all_three(sunting, capsys):
    from geo.tampilan.keadaan import dari_param

    dataset, tabel, _ = sunting
    baris = list(BARIS_BAIK[3])
    baris[5] = "Batikan"
    assert not periksa_unggahan(_csv([baris]), "x.csv", dataset, MODE_GABUNG, tabel).laporan.ok
    keadaan = dari_param({"kategori": ["Batikan"]}, dataset)
    assert len(keadaan.catatan) == 1 and keadaan.filter.kategori == ()
    assert main(["summary", "--kategori", "Batikan"]) != 0
    assert "tidak dikenal" in capsys.readouterr().err


def test_xlsx_with_too_many_rows_is_refused_before_pandas_parses_it(monkeypatch, wilayah_uji):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    for _ in range(40):
        wb.active.append(BARIS_BAIK[0])
    buf = io.BytesIO()
    wb.save(buf)
    monkeypatch.setenv("KIM_BATAS_BARIS", "10")

    def jangan(*a, **k):
        raise AssertionError("parsed before the row check")

    monkeypatch.setattr(pd, "read_excel", jangan)
    laporan = Laporan()
    assert baca_bytes(buf.getvalue(), "banyak.xlsx", laporan, excel=True) is None
    assert len(laporan.galat) == 1 and "KIM_BATAS_BARIS" in laporan.galat[0].pesan
