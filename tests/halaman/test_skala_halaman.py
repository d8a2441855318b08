"""What the page limits at national scale, and says so: the table's first rows, the picker of a whole country."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

HALAMAN = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def _jalan(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def _tabel(at: AppTest):
    (tabel,) = [d.value for d in at.dataframe if "id_potensi" in d.value.columns and "kontak" in d.value.columns]
    return tabel


def test_tabel_menampilkan_baris_pertama_dan_mengunduh_semua(env_provinsi, monkeypatch):
    ds = env_provinsi
    at = _jalan(AppTest.from_file(HALAMAN, default_timeout=90))
    assert len(_tabel(at)) == 2000 and any("Klik judul kolom untuk mengurutkan." in c.value for c in at.caption)
    assert not any("potensi pertama" in c.value for c in at.caption)

    monkeypatch.setattr("ui.ringkasan.MAKS_BARIS_TABEL", 150)
    _jalan(at)
    tabel = _tabel(at)
    assert list(tabel["id_potensi"]) == list(ds.potensi["id_potensi"].iloc[:150])
    (catatan,) = [c.value for c in at.caption if "potensi pertama" in c.value]
    assert "150 potensi pertama dari 2.000" in catatan and "CSV" in catatan
    (unduh,) = [e for e in at.get("download_button") if e.proto.label == "Unduh semua (CSV)"]
    assert unduh.proto.deferred_file_id or unduh.proto.url  # made only when clicked

    at.sidebar.multiselect[0].set_value(["Kuliner"])  # a filter changes the rows and the count
    _jalan(at)
    n = int((ds.potensi["kategori_potensi"] == "Kuliner").sum())
    assert n > 150 and len(_tabel(at)) == 150
    assert any(f"dari {n:,}".replace(",", ".") in c.value for c in at.caption)


def test_pemilih_seluruh_negeri_kosong_dengan_catatan(env_provinsi, monkeypatch):
    ds = env_provinsi
    monkeypatch.setattr("ui.detail.MAKS_PILIHAN", 300)
    at = _jalan(AppTest.from_file(HALAMAN, default_timeout=90))
    pilih = at.selectbox(key="w_kelurahan")
    assert pilih.options == [] and pilih.value is None
    assert any("1.000 desa/kelurahan terlalu banyak" in c.value for c in at.caption)

    kab = str(ds.batas["kode"].iloc[0])[:5]  # drilled into a kab/kota (~100 desa): the list is back
    di_kab = ds.batas[ds.batas["kode"].str.startswith(kab)]
    at2 = AppTest.from_file(HALAMAN, default_timeout=90)
    at2.query_params["wilayah"] = kab
    _jalan(at2)
    assert len(at2.selectbox(key="w_kelurahan").options) == len(di_kab) < 300
    assert not any("terlalu banyak untuk satu daftar" in c.value for c in at2.caption)

    desa = ds.batas.iloc[0]  # a shared link to one desa still opens it at the top
    at3 = AppTest.from_file(HALAMAN, default_timeout=90)
    at3.query_params["kelurahan"] = str(desa["kode"])
    _jalan(at3)
    pilih = at3.selectbox(key="w_kelurahan")
    assert pilih.value == desa["kode"] and len(pilih.options) == 1
    assert any(desa["kelurahan"] in m.value for m in at3.markdown)


def test_filter_kecamatan_mengikuti_wilayah_yang_dimasuki(env_provinsi, monkeypatch):
    """The kecamatan filter lists those of the unit drilled into; a whole country's are too many to list."""
    ds = env_provinsi
    kab = str(ds.batas["kode"].iloc[0])[:5]
    di_kab = list(dict.fromkeys(ds.batas.loc[ds.batas["kode"].str.startswith(kab + "."), "kecamatan"]))
    at = AppTest.from_file(HALAMAN, default_timeout=90)
    at.query_params["wilayah"] = kab
    _jalan(at)
    kec = at.sidebar.multiselect(key="w_kecamatan")
    assert kec.options == di_kab and not kec.disabled and len(di_kab) < len(ds.kecamatan())

    monkeypatch.setattr("ui.filter.MAKS_KECAMATAN", 5)
    at = _jalan(AppTest.from_file(HALAMAN, default_timeout=90))
    kec = at.sidebar.multiselect(key="w_kecamatan")
    assert kec.options == [] and kec.disabled and "Terlalu banyak kecamatan" in kec.help
    nama = di_kab[0]  # chosen by a link: listed so it can be removed
    at = AppTest.from_file(HALAMAN, default_timeout=90)
    at.query_params["kecamatan"] = nama
    _jalan(at)
    kec = at.sidebar.multiselect(key="w_kecamatan")
    assert kec.options == [nama] and kec.value == [nama] and not kec.disabled
