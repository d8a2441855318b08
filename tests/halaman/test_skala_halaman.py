"""What the page limits at national scale, and says so: the table one page at a time, the picker of a whole country."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.ringkasan import K_BUKA_TABEL

HALAMAN = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def _jalan(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def _tabel_terbuka() -> AppTest:
    """The page with the table's section open (closed, the table is not built: issue #26)."""
    at = AppTest.from_file(HALAMAN, default_timeout=90)
    at.session_state[K_BUKA_TABEL] = True
    return _jalan(at)


def _tabel(at: AppTest):
    (tabel,) = [d.value for d in at.dataframe if "id_potensi" in d.value.columns and "kontak" in d.value.columns]
    return tabel


def test_tabel_menampilkan_baris_pertama_dan_mengunduh_semua(env_provinsi, monkeypatch):
    ds = env_provinsi
    monkeypatch.setattr("ui.ringkasan.BARIS_PER_HALAMAN", 2000)  # a page that holds every row: no page controls
    at = _tabel_terbuka()
    assert len(_tabel(at)) == 2000 and any("Klik judul kolom untuk mengurutkan." in c.value for c in at.caption)
    assert not any("potensi pertama" in c.value for c in at.caption)

    monkeypatch.setattr("ui.ringkasan.BARIS_PER_HALAMAN", 150)
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


def test_tabel_berhalaman_tombol_dan_filter(env_provinsi):
    """The default page: 50 rows sent, page buttons move through every row, a filter starts again at page 1."""
    ds = env_provinsi
    at = _tabel_terbuka()
    assert list(_tabel(at)["id_potensi"]) == list(ds.potensi["id_potensi"].iloc[:50])
    assert any("50 potensi pertama dari 2.000" in c.value for c in at.caption)
    assert any("Halaman 1 dari 40" in m.value for m in [*at.markdown, *at.html])
    assert at.button(key="kim_tabel_mundur").disabled and not at.button(key="kim_tabel_maju").disabled

    at.button(key="kim_tabel_maju").click()
    _jalan(at)
    at.button(key="kim_tabel_maju").click()
    _jalan(at)
    assert list(_tabel(at)["id_potensi"]) == list(ds.potensi["id_potensi"].iloc[100:150])
    assert any("potensi 101–150 dari 2.000" in c.value for c in at.caption)
    assert any("Halaman 3 dari 40" in m.value for m in [*at.markdown, *at.html])
    at.button(key="kim_tabel_mundur").click()
    _jalan(at)
    assert list(_tabel(at)["id_potensi"]) == list(ds.potensi["id_potensi"].iloc[50:100])
    (unduh,) = [e for e in at.get("download_button") if e.proto.label == "Unduh semua (CSV)"]
    assert unduh.proto.deferred_file_id or unduh.proto.url

    at.sidebar.multiselect[0].set_value(["Kuliner"])
    _jalan(at)
    kuliner = ds.potensi[ds.potensi["kategori_potensi"] == "Kuliner"]
    assert list(_tabel(at)["id_potensi"]) == list(kuliner["id_potensi"].iloc[:50])
    assert any("Halaman 1 dari" in m.value for m in [*at.markdown, *at.html])

    at.sidebar.radio(key="w_bahasa").set_value("en")
    _jalan(at)
    assert at.button(key="kim_tabel_maju").label == "Next" and at.button(key="kim_tabel_mundur").label == "Previous"
    assert any("Page 1 of" in m.value for m in [*at.markdown, *at.html])
    assert any(e.proto.label == "Download all (CSV)" for e in at.get("download_button"))


def test_pemilih_besar_menjadi_kotak_cari(env_provinsi):
    """Above 200 names the picker lists only what a search matches (and the unit already open)."""
    ds = env_provinsi
    at = _jalan(AppTest.from_file(HALAMAN, default_timeout=90))
    assert at.selectbox(key="w_kelurahan").options == []
    desa = ds.batas.iloc[7]
    at.text_input(key="kim_cari_kelurahan").input(str(desa["kelurahan"]))
    _jalan(at)
    pilih = at.selectbox(key="w_kelurahan")
    label = f"{desa['kelurahan']} ({desa['kecamatan']})"
    assert label in pilih.options and len(pilih.options) <= 50
    pilih.set_value(str(desa["kode"]))
    _jalan(at)
    assert any(desa["kelurahan"] in m.value for m in at.markdown)

    at.text_input(key="kim_cari_kelurahan").input("zzzz-tidak-ada")
    _jalan(at)  # the open unit stays listed, so the detail does not close under the user
    assert at.selectbox(key="w_kelurahan").value == str(desa["kode"]) and len(at.selectbox(key="w_kelurahan").options) == 1
    assert any("Tidak ada desa/kelurahan yang cocok" in c.value for c in at.caption)


def test_tabel_tertutup_tidak_dibuat(env_provinsi):
    """Closed (the default), the table costs nothing: no rows built or sent."""
    at = _jalan(AppTest.from_file(HALAMAN, default_timeout=90))
    assert not [d for d in at.dataframe if "id_potensi" in d.value.columns]
    assert "Daftar potensi" in [e.label for e in at.expander]
    at.session_state[K_BUKA_TABEL] = True
    _jalan(at)
    assert len(_tabel(at)) == 50
