"""#20: stored data made invalid by hand names the real file, and visitors keep the last valid map."""

from __future__ import annotations

import datetime as dt

from geo.tampilan import waktu
from tests.halaman.test_dashboard import _jalan

LOG = "id_kegiatan,id_potensi,tanggal,jenis_kegiatan,peserta,keterangan\nK1,A-01,2024-05-01,rapat,6,\n"


def test_log_rusak_disebut_dengan_nama_berkasnya(wilayah_uji, monkeypatch):
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    (wilayah_uji.dir / "kegiatan.csv").write_text(LOG + "K2,Z-99,2024-06-01,rapat,,\n", encoding="utf-8")
    at = _jalan()
    pesan = at.error[0].value.replace("\\", "")  # Markdown-escaped
    assert "(kegiatan.csv)" in pesan and "kim.csv" not in pesan and "boundaries" not in pesan


def test_versi_sah_terakhir_tetap_disajikan_dengan_catatan_untuk_penyunting(wilayah_uji, monkeypatch):
    monkeypatch.setattr(waktu, "hari_ini", lambda: dt.date(2025, 3, 31))
    log = wilayah_uji.dir / "kegiatan.csv"
    log.write_text(LOG, encoding="utf-8")
    assert _jalan().get("component_instance")  # a valid load: the map
    log.write_text(LOG + "K2,Z-99,2024-06-01,rapat,,\n", encoding="utf-8")  # edited by hand: a missing potential
    pengunjung = _jalan()
    assert not pengunjung.error and pengunjung.get("component_instance")
    assert not [w for w in pengunjung.warning if "tidak sah" in w.value]
    penyunting = _jalan(sesi={"kelola_pengguna": "ani"})
    assert penyunting.get("component_instance")
    (catatan,) = [w.value.replace("\\", "") for w in penyunting.warning if "tidak sah" in w.value]
    assert "kegiatan.csv" in catatan and "versi sah terakhir" in catatan
