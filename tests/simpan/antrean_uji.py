"""Store-level scenarios of the report queue and the budget baseline, run on files and on PostgreSQL."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.galat import GalatData
from geo.simpan.laporan import LaporanKegiatan
from geo.simpan.lingkup import EDITOR, PELAPOR, Akun, GalatLingkup
from tests.conftest import KODE_A, jpeg_uji

PELAPOR_A = Akun("pelapor_a", PELAPOR, KODE_A)
EDITOR_KEC = Akun("ed_satu", EDITOR, "99.01.01")


def lap(id_kegiatan: str = "KEG-00008", id_potensi: str = "A-02", tanggal: str = "2025-03-30", foto: bool = True) -> LaporanKegiatan:
    return LaporanKegiatan(id_kegiatan, id_potensi, tanggal, "rapat", "9", "Rapat pengurus", jpeg_uji() if foto else None, "hp.jpg")


def id_log(g, ds) -> list[str]:
    return list(g.baca_log_untuk_sunting(ds)[0]["id_kegiatan"])


def alur_antrean(g, ds, punya_foto) -> None:
    """Submit, refuse, accept, reject through the store's own methods; ``punya_foto(id_potensi)`` asks the store."""
    sebelum = id_log(g, ds)
    g.ajukan_laporan(ds, PELAPOR_A, [lap(), lap("KEG-00009", "A-03", foto=False)])
    antre = g.baca_menunggu()
    assert list(antre["id_kegiatan"]) == ["KEG-00008", "KEG-00009"] and list(antre["pelapor"]) == ["pelapor_a"] * 2
    assert list(antre["foto"]) == ["KEG-00008.jpg", ""] and g.foto_menunggu("KEG-00008")[:2] == b"\xff\xd8"
    assert id_log(g, ds) == sebelum  # nothing counts yet
    with pytest.raises(GalatData, match="sudah menunggu"):
        g.ajukan_laporan(ds, PELAPOR_A, [lap(foto=False)])  # the same id twice
    with pytest.raises(GalatLingkup, match="B-01|KEG-00010"):
        g.ajukan_laporan(ds, PELAPOR_A, [lap("KEG-00010", "B-01")])  # outside the reporter's kelurahan
    with pytest.raises(GalatData, match="masa depan"):
        g.ajukan_laporan(ds, PELAPOR_A, [lap("KEG-00010", tanggal="2030-01-01")])
    with pytest.raises(GalatLingkup, match="memverifikasi"):
        g.terima_laporan(ds, PELAPOR_A, ["KEG-00008"])
    with pytest.raises(GalatLingkup, match="lingkup"):
        g.terima_laporan(ds, Akun("ed_dua", EDITOR, "99.01.02"), ["KEG-00008"])
    assert not punya_foto("A-02")
    hasil = g.terima_laporan(ds, EDITOR_KEC, ["KEG-00008"])
    assert hasil.disimpan and id_log(g, ds) == [*sebelum, "KEG-00008"] and punya_foto("A-02")
    assert list(g.baca_menunggu()["id_kegiatan"]) == ["KEG-00009"] and g.foto_menunggu("KEG-00008") is None
    g.tolak_laporan(ds, EDITOR_KEC, ["KEG-00009"])
    assert g.baca_menunggu().empty and id_log(g, ds) == [*sebelum, "KEG-00008"]
    with pytest.raises(GalatData, match="tidak lagi menunggu"):
        g.terima_laporan(ds, EDITOR_KEC, ["KEG-00009"])
    aksi = list(g.baca_audit("menunggu")["aksi"])[::-1]  # oldest first
    assert aksi[0] == "lapor-ajukan" and {"ditolak-kegiatan", "ditolak-verifikasi", "lapor-terima", "lapor-tolak"} <= set(aksi)
    audit = g.baca_audit("menunggu")
    assert set(audit.loc[audit["aksi"].str.startswith("ditolak-"), "pengguna"]) == {"pelapor_a", "ed_dua"}


class Putus(Exception):
    """The process dies between the log save and the unqueue."""


def alur_terputus(g, ds, monkeypatch) -> None:
    """Accept dies after the log save: the report is logged once and still queued; accepting again finishes it."""
    g.ajukan_laporan(ds, PELAPOR_A, [lap()])
    sebelum = id_log(g, ds)

    def mati(*_a, **_k):
        raise Putus

    with monkeypatch.context() as m:
        m.setattr(type(g), "antre_buang", mati)
        with pytest.raises(Putus):
            g.terima_laporan(ds, EDITOR_KEC, ["KEG-00008"])
    assert id_log(g, ds) == [*sebelum, "KEG-00008"]  # counted once, not lost
    assert list(g.baca_menunggu()["id_kegiatan"]) == ["KEG-00008"]  # still queued, with its photo
    with pytest.raises(GalatData, match="sudah tercatat"):
        g.tolak_laporan(ds, EDITOR_KEC, ["KEG-00008"])  # logged already: rejecting would hide a counted report
    hasil = g.terima_laporan(ds, EDITOR_KEC, ["KEG-00008"])
    assert hasil.disimpan and id_log(g, ds) == [*sebelum, "KEG-00008"] and g.baca_menunggu().empty


def alur_penetapan(g, ds, rencana_dari) -> None:
    """No baseline, freeze, refuse a silent second freeze, load it back with the same lines."""
    rencana = rencana_dari()
    assert rencana.ok and not g.ada_penetapan(rencana) and g.muat_penetapan(ds, rencana) is None
    with pytest.raises(GalatLingkup):
        g.tetapkan_rencana(rencana, ds, Akun("ed_satu", EDITOR, "99.01.01"))  # a scoped editor: the plan is shared
    assert g.tetapkan_rencana(rencana, ds, "uji").disimpan and g.ada_penetapan(rencana)
    with pytest.raises(GalatData, match="--force"):
        g.tetapkan_rencana(rencana, ds, "uji")
    dasar = g.muat_penetapan(ds, rencana)
    kolom = ["id_baris", "id_potensi", "jumlah"]
    pd.testing.assert_frame_equal(dasar.tabel[kolom].reset_index(drop=True), rencana.tabel[kolom].reset_index(drop=True))
    assert list(g.baca_audit("penetapan")["aksi"])[:1] == ["tetapkan"]
