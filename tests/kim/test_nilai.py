"""The configurable assessment (#25): each computed criterion against hand-computed values,
weights that change the ranking, prioritas pembinaan, and the jury sheet round trip."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import openpyxl
import pandas as pd
import pytest

from geo.galat import GalatData
from geo.kim.aturan import aturan_nilai
from geo.kim.juri import baca_lembar_juri, gabung_nilai, lembar_juri, muat_nilai_juri
from geo.kim.nilai import nilai_kim, prioritas_pembinaan, skor_per_kelurahan
from geo.masuk.dataset import muat_dataset
from tests.conftest import KODE_A, KODE_B

TANGGAL = dt.date(2026, 12, 1)
LOG = [  # id, potential, date; the 365 days before 2026-12-01 start after 2025-12-01
    ("K1", "A-01", "2026-11-20"), ("K2", "A-02", "2026-06-01"), ("K3", "A-03", "2025-11-15"),  # K3 is outside
    ("K4", "B-01", "2026-01-10"), ("K5", "A-01", "2025-12-05"), ("K6", "B-01", "2026-03-01"),
    ("K7", "B-02", "2026-04-01"), ("K8", "B-02", "2026-05-01"), ("K9", "B-01", "2026-07-01"),
]
JURI = pd.DataFrame([("KIM-A", "2026", "juri", 90.0)], columns=["id_kim", "periode", "kriteria", "nilai"])


@pytest.fixture
def data(wilayah_uji):
    w = json.loads(wilayah_uji.wilayah.read_text())
    wilayah_uji.wilayah.write_text(json.dumps({**w, "bulan_aktif": 3, "bulan_kurang_aktif": 12}))
    (wilayah_uji.dir / "kegiatan.csv").write_text(
        "id_kegiatan,id_potensi,tanggal,jenis_kegiatan\n" + "".join(f"{k},{p},{t},rapat\n" for k, p, t in LOG), encoding="utf-8")
    (wilayah_uji.dir / "profil_kim.csv").write_text(
        "id_kim,nama_kim,kode_kelurahan,nomor_kimid,sk_nomor,ad_art,instagram,pos_instagram,facebook,pos_facebook\n"
        f"KIM-A,KIM Alfa,{KODE_A},,1/SK/2024,ya,https://instagram.com/a,2026-10-02,https://facebook.com/a,2026-08-01\n"
        f"KIM-B,KIM Beta,{KODE_B},KIMID-1,,tidak,,,,\n", encoding="utf-8")
    d = muat_dataset()
    assert d.laporan.ok, d.laporan.teks()
    return d


def test_kriteria_terhitung_sesuai_hitungan_tangan(data):
    h = nilai_kim(data, TANGGAL, juri=JURI).set_index("id_kim")
    # administrasi: A has SK + AD/ART, no KIM.ID (2/3); B has only KIM.ID (1/3)
    assert h.at["KIM-A", "nilai_administrasi"] == 66.7 and h.at["KIM-B", "nilai_administrasi"] == 33.3
    # media: A's latest post 2026-10-02 is 60 days old: 100 × (180 − 60) / (180 − 30) = 80; B has no channel
    assert h.at["KIM-A", "data_media"] == 60 and h.at["KIM-A", "nilai_media"] == 80.0
    assert pd.isna(h.at["KIM-B", "data_media"]) and h.at["KIM-B", "nilai_media"] == 0.0
    # aktivitas: A has K1, K2, K5 (K3 is older than 365 days) = 3 of target 12; B has K4, K6–K9 = 5
    assert h.at["KIM-A", "data_aktivitas"] == 3 and h.at["KIM-A", "nilai_aktivitas"] == 25.0
    assert h.at["KIM-B", "data_aktivitas"] == 5 and h.at["KIM-B", "nilai_aktivitas"] == 41.7
    # potensi: status on the date from the log (3/12 months): A-01 Aktif, A-02 Kurang, A-03 Tidak → 1/3; B none
    assert h.at["KIM-A", "nilai_potensi"] == 33.3 and h.at["KIM-B", "nilai_potensi"] == 0.0
    # juri: A scored 90; B not scored → left out of B's mean, flagged, never a zero
    assert h.at["KIM-A", "nilai_juri"] == 90.0 and pd.isna(h.at["KIM-B", "nilai_juri"])
    assert bool(h.at["KIM-A", "lengkap"]) and not bool(h.at["KIM-B", "lengkap"])
    # weighted: A (20·66.67 + 20·80 + 25·25 + 15·33.33 + 20·90) / 100 = 58.58; B (20·33.33 + 25·41.67) / 80 = 21.35
    assert h.at["KIM-A", "skor"] == 58.6 and h.at["KIM-B", "skor"] == 21.4
    assert h.at["KIM-A", "peringkat"] == 1 and h.at["KIM-B", "peringkat"] == 2
    assert h.at["KIM-A", "hari_dorman"] == 11 and h.at["KIM-B", "hari_dorman"] == 153
    assert skor_per_kelurahan(h.reset_index()).to_dict() == {KODE_A: 58.6, KODE_B: 21.4}


def test_bobot_mengubah_peringkat(data):
    aturan = aturan_nilai(data.wilayah)
    hanya_aktivitas = dataclasses.replace(aturan, kriteria=tuple(
        dataclasses.replace(k, bobot=1.0 if k.kode == "aktivitas" else 0.0) for k in aturan.kriteria))
    h = nilai_kim(data, TANGGAL, juri=JURI, aturan=hanya_aktivitas).set_index("id_kim")
    assert h.at["KIM-B", "peringkat"] == 1 and h.at["KIM-A", "peringkat"] == 2
    assert h.at["KIM-B", "skor"] == 41.7
    # and from wilayah.json itself: administration only puts A first
    w = json.loads(data.wilayah.extra and json.dumps({k: v for k, v in data.wilayah.extra.items() if k != "_folder"}))
    w["penilaian_kim"] = {"kriteria": [{"kode": "adm", "bobot": 3, "hitung": "kelengkapan_administrasi"},
                                       {"kode": "akt", "bobot": 1, "hitung": "kegiatan_12_bulan", "target": 5}]}
    from geo.masuk.wilayah import wilayah_dari_dict

    h = nilai_kim(dataclasses.replace(data, wilayah=wilayah_dari_dict(w)), TANGGAL).set_index("id_kim")
    # A: (3·66.67 + 60) / 4 = 65; B: (3·33.33 + 100) / 4 = 50
    assert h.at["KIM-A", "skor"] == 65.0 and h.at["KIM-B", "skor"] == 50.0 and h.at["KIM-A", "peringkat"] == 1


def test_prioritas_pembinaan(data):
    h = nilai_kim(data, TANGGAL, juri=JURI)
    p = prioritas_pembinaan(h, aturan_nilai(data.wilayah))
    assert p["id_kim"].tolist() == ["KIM-B", "KIM-A"]
    assert "skor rendah (21,4 < 50)" in p.at[0, "alasan"] and "belum ada SK" in p.at[0, "alasan"]
    assert p.at[1, "alasan"] == "belum terdaftar di KIM.ID"
    # The same reasons for an English page, numbers written the English way
    assert "low score (21.4 < 50)" in p.at[0, "alasan_en"] and "no SK (decree)" in p.at[0, "alasan_en"]
    assert p.at[1, "alasan_en"] == "not registered on KIM.ID"
    h.loc[h["id_kim"] == "KIM-B", "hari_dorman"] = 2108
    p = prioritas_pembinaan(h, aturan_nilai(data.wilayah)).set_index("id_kim")
    assert "dorman 2.108 hari" in p.at["KIM-B", "alasan"] and "dormant 2,108 days" in p.at["KIM-B", "alasan_en"]


def test_aturan_salah_menyebut_kunci(data):
    from geo.masuk.wilayah import wilayah_dari_dict

    for salah, kata in (({"kriteria": [{"kode": "x", "hitung": "acak"}]}, "hitung 'acak'"),
                        ({"kriteria": [{"kode": "x", "hitung": "juri", "bobot": "berat"}]}, "bobot"),
                        ({"kriteria": [{"kode": "x", "hitung": "juri"}, {"kode": "x", "hitung": "juri"}]}, "ganda")):
        with pytest.raises(GalatData, match=kata):
            aturan_nilai(wilayah_dari_dict({"penilaian_kim": salah}))


def test_lembar_juri_bolak_balik(data, tmp_path):
    aturan = aturan_nilai(data.wilayah)
    isi = lembar_juri(data.profil.tabel, aturan, "2026", JURI)
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    ws = wb["nilai_juri"]
    assert [c.value for c in ws[1]] == ["id_kim", "nama_kim", "kode_kelurahan", "periode", "juri"]
    assert ws["E2"].value == 90 and ws["E3"].value is None  # stored scores pre-filled
    ws["E3"] = 72.5
    keluaran = io.BytesIO()
    wb.save(keluaran)
    tabel, laporan = baca_lembar_juri(keluaran.getvalue(), "nilai.xlsx", aturan, set(data.profil.tabel["id_kim"]))
    assert laporan.ok, laporan.teks()
    assert sorted(tabel.itertuples(index=False, name=None)) == [("KIM-A", "2026", "juri", 90.0), ("KIM-B", "2026", "juri", 72.5)]
    # stored as nilai_juri.csv and loaded back unchanged; the score now counts for B
    from geo.galat import Laporan
    from geo.kim.juri import ke_csv_juri

    path = tmp_path / "nilai_juri.csv"
    path.write_bytes(ke_csv_juri(gabung_nilai(JURI, tabel)))
    kembali = muat_nilai_juri(path, Laporan())
    assert sorted(kembali.itertuples(index=False, name=None)) == sorted(tabel.itertuples(index=False, name=None))
    h = nilai_kim(data, TANGGAL, juri=kembali).set_index("id_kim")
    assert h.at["KIM-B", "nilai_juri"] == 72.5 and bool(h.at["KIM-B", "lengkap"])


def test_lembar_juri_salah_menyebut_sel(data):
    aturan = aturan_nilai(data.wilayah)
    wb = openpyxl.load_workbook(io.BytesIO(lembar_juri(data.profil.tabel, aturan, "2026")))
    ws = wb["nilai_juri"]
    ws["E2"], ws["E3"], ws["A3"] = 140, "bagus", "KIM-Z"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    _tabel, laporan = baca_lembar_juri(keluaran.getvalue(), "nilai.xlsx", aturan, set(data.profil.tabel["id_kim"]))
    assert {(m.baris, m.kolom) for m in laporan.galat} == {(2, "juri"), (3, "id_kim")}


def test_cli_kim_nilai_dan_summary(data, capsys, tmp_path):
    from geo.cli.utama import main

    assert main(["kim", "nilai", "--tanggal", "2026-12-01", "--format", "csv"]) == 0
    keluar = capsys.readouterr()
    tabel = pd.read_csv(io.StringIO(keluar.out))
    assert tabel["id_kim"].tolist() == ["KIM-A", "KIM-B"] and tabel["skor"].tolist() == [50.7, 21.4]  # no jury file: A = 4058,3 / 80
    assert "Prioritas pembinaan KIM (2026, 2 KIM)" in keluar.err
    assert main(["summary", "--format", "json"]) == 0
    assert "Prioritas pembinaan KIM" in capsys.readouterr().err
    lembar = tmp_path / "juri.xlsx"
    assert main(["kim", "juri-templat", "--periode", "2026", "-o", str(lembar)]) == 0
    wb = openpyxl.load_workbook(lembar)
    wb["nilai_juri"]["E2"] = 90
    wb.save(lembar)
    assert main(["kim", "juri-muat", str(lembar)]) == 0
    assert (data.path_kim.parent / "nilai_juri.csv").read_text(encoding="utf-8-sig").splitlines()[1] == "KIM-A,2026,juri,90.0"
