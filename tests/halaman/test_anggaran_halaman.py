"""The Anggaran page and the Kelola Data "Anggaran" tab, through Streamlit's AppTest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.anggaran.rencana import muat_rencana
from geo.anggaran.ringkas import ringkas_anggaran
from geo.masuk.dataset import muat_dataset
from geo.simpan.berkas import daftar_cadangan
from geo.tampilan.saring import Filter
from geo.tampilan.susun import tampilkan
from tests.anggaran.test_anggaran import rencana_uji  # noqa: F401 - fixture
from tests.halaman.test_kelola_apptest import _masuk, akun  # noqa: F401 - fixture

AKAR = Path(__file__).resolve().parents[2]
HALAMAN = str(AKAR / "pages" / "2_Anggaran.py")
KELOLA = str(AKAR / "pages" / "1_Kelola_Data.py")


def _jalan(param: dict | None = None) -> AppTest:
    at = AppTest.from_file(HALAMAN, default_timeout=60)
    for k, v in (param or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def _kartu(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_kartu_sama_dengan_ringkasan(rencana_uji):  # noqa: F811
    at = _jalan()
    kartu = _kartu(at)
    assert len(kartu) == 4
    dataset = muat_dataset()
    r = ringkas_anggaran(tampilkan(dataset), muat_rencana(dataset))
    assert kartu == {"Pagu anggaran": "Rp 1.000.000", "Total rencana": "Rp 1.000.000", "Sisa pagu": "Rp 0",
                     "Ke KIM dorman": f"Rp {r.ke_dorman:,}".replace(",", ".")}
    assert r.ke_dorman == 1_000_000  # fixture activities are all older than 6 months
    assert not at.error


def test_url_menyimpan_filter_dan_nilai_peta(rencana_uji):  # noqa: F811
    at = _jalan({"kategori": "Pariwisata", "nilai": "per_anggota"})
    assert at.radio(key="w_anggaran_nilai").value == "per_anggota"
    assert at.multiselect(key="w_anggaran_kategori").value == ["Pariwisata"]
    assert at.query_params["nilai"] == "per_anggota" and at.query_params["kategori"] == "Pariwisata"
    (tabel,) = [d for d in at.dataframe if "kegiatan" in d.value.columns]
    assert tabel.value["id_baris"].tolist() == ["R-02"]  # the Alfa-wide line; R-01 (Kuliner) and Beta drop out
    assert any("Rp 300.000" in c.value for c in at.caption)
    at.radio(key="w_anggaran_nilai").set_value("alokasi").run()
    assert "nilai" not in at.query_params  # the default is left out of the link


def test_nilai_url_salah_diberi_pesan(rencana_uji):  # noqa: F811
    at = _jalan({"nilai": "harga"})
    assert any("harga" in w.value for w in at.warning)
    assert at.radio(key="w_anggaran_nilai").value == "alokasi"


def test_rencana_tidak_sah_menampilkan_laporan(rencana_uji):  # noqa: F811
    rencana_uji.write_text(rencana_uji.read_text(encoding="utf-8").replace("400.000,400000", "400.000,999999"), encoding="utf-8")
    at = _jalan()
    assert at.error and "tidak sah" in at.error[0].value
    assert not at.metric


def test_peta_mewarnai_alokasi(rencana_uji):  # noqa: F811
    at = _jalan()
    (komponen,) = at.get("component_instance")
    args = json.loads(komponen.proto.json_args)
    html = json.dumps(args)
    assert "kim-kelurahan-anggaran" in html and "Rp 600.000" in html
    assert "unpkg" not in html and "cdn.jsdelivr" not in html


def test_kelola_tab_anggaran_menolak_lalu_menyimpan(akun, rencana_uji):  # noqa: F811
    at = AppTest.from_file(KELOLA, default_timeout=60)
    at.run()
    _masuk(at)
    assert "Anggaran" in [t.label for t in at.tabs]
    awal = rencana_uji.read_bytes()
    draf = at.session_state["anggaran_draf"].copy()
    draf.loc[2, "jumlah"] = "500000"  # over the ceiling and not volume × harga
    at.session_state["anggaran_draf"] = draf
    at.session_state["anggaran_versi"] = at.session_state["anggaran_versi"] + 1
    at.run()
    at.button(key="anggaran_simpan").click().run()
    assert not at.exception, at.exception
    assert any("Belum disimpan" in e.value for e in at.error)
    assert rencana_uji.read_bytes() == awal and daftar_cadangan(rencana_uji) == []

    draf.loc[2, ["jumlah", "kegiatan"]] = ["400000", "Cetak leaflet dan poster"]
    at.session_state["anggaran_draf"] = draf
    at.session_state["anggaran_versi"] = at.session_state["anggaran_versi"] + 1
    at.run()
    at.button(key="anggaran_simpan").click().run()
    assert not at.exception, at.exception
    assert any("Tersimpan: 0 ditambah, 1 diubah" in s.value for s in at.success)
    assert len(daftar_cadangan(rencana_uji)) == 1
    dataset = muat_dataset()
    assert muat_rencana(dataset).tabel["kegiatan"].tolist()[2] == "Cetak leaflet dan poster"
    assert ringkas_anggaran(tampilkan(dataset, Filter()), muat_rencana(dataset)).total == 1_000_000


def test_tanpa_rencana_memberi_langkah(rencana_uji):  # noqa: F811
    rencana_uji.unlink()
    at = _jalan()
    assert not at.error and not at.metric
    assert "python -m geo anggaran usul" in at.info[-1].value


def test_tombol_unduh_rab(rencana_uji):  # noqa: F811
    at = _jalan()
    tombol = [t for t in at.get("download_button") if t.proto.id.endswith(("anggaran_rab-xlsx", "anggaran_rab-pdf"))
              or "anggaran_rab-" in str(t.proto.id)]  # the RAB pair; the form's downloads follow (own test)
    assert len(tombol) == 2
    assert [t.proto.label for t in tombol] == ["Unduh RAB (Excel)", "Unduh RAB (PDF)"]


def test_formulir_dan_simulasi_pagu(rencana_uji, wilayah_uji):  # noqa: F811
    at = _jalan()
    label = [t.proto.label for t in at.get("download_button")]
    assert {"Unduh RKA (Excel)", "Unduh RKA (PDF)", "Unduh rincian SIPD (CSV)"} <= set(label)
    at.selectbox(key="w_anggaran_tahap").set_value("rkpa").run()
    assert any("anggaran tetapkan" in i.value for i in at.info)  # no baseline yet: said in words, no broken file
    at.number_input(key="w_anggaran_pagu_baru").set_value(800_000).run()
    assert not at.exception
    assert any("Rp 1.000.000 → **Rp 800.000**" in m.value for m in at.markdown)


def test_kelola_tab_anggaran_konflik(akun, rencana_uji):  # noqa: F811
    at = AppTest.from_file(KELOLA, default_timeout=60)
    at.run()
    _masuk(at)
    draf = at.session_state["anggaran_draf"].copy()
    draf.loc[0, "kegiatan"] = "Pelatihan pengemasan produk"
    at.session_state["anggaran_draf"] = draf
    at.session_state["anggaran_versi"] = at.session_state["anggaran_versi"] + 1
    at.run()
    # Another editor saved the same line in the meantime (#20: other lines would merge).
    lain = rencana_uji.read_text(encoding="utf-8").replace("Pelatihan pengemasan", "Pelatihan kemasan oleh orang lain")
    rencana_uji.write_text(lain, encoding="utf-8")
    at.button(key="anggaran_simpan").click().run()
    assert not at.exception, at.exception
    assert any("Konflik penyimpanan" in e.value for e in at.error)
    assert rencana_uji.read_text(encoding="utf-8") == lain
    assert at.get("download_button")  # the user's edits can be kept as a file


@pytest.mark.parametrize(("bahasa", "harap"), [("id", "1.000"), ("en", "1,000")])
def test_koefisien_ribuan_ditulis_menurut_bahasa(wilayah_uji, monkeypatch, bahasa, harap):
    """A coefficient of 1000 shows as 1.000 on the Indonesian page: '1,000' reads there as one."""
    import io

    import pyarrow as pa

    from tests.anggaran.test_anggaran import BARIS, _atur, _tulis

    _atur(wilayah_uji)
    rows = [list(r) for r in BARIS]
    rows[2][5], rows[2][7] = "1000", "400"  # 1000 lembar × Rp 400 = Rp 400.000
    monkeypatch.setenv("KIM_ANGGARAN", str(_tulis(wilayah_uji, rows)))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "pages" / "2_Anggaran.py"), default_timeout=60)
    at.query_params["bahasa"] = bahasa
    at.run()
    assert not at.exception, at.exception
    tabel = next(d for d in at.dataframe if "koefisien" in d.value.columns)
    tampil = pa.ipc.open_stream(io.BytesIO(tabel.proto.arrow_data.styler.display_values)).read_all().to_pandas()
    assert list(tampil["koefisien"]) == ["2", "10", harap]
