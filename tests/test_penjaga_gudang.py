"""#20: the page never touches a file store directly; every read and write goes through ``Gudang``."""

from __future__ import annotations

import ast
from pathlib import Path

PROYEK = Path(__file__).resolve().parents[1]
# Writers (and file-only readers) of the records the store holds. Photos and limiter counts join
# this list when they move into the store (#21).
TERLARANG = {
    "simpan_kim", "simpan_kegiatan", "simpan_rencana", "tulis_usul", "pulihkan", "ganti_teraudit", "tulis_atomik",
    "tulis_bytes_atomik", "cadangkan", "hapus_berantai", "catat_audit", "baca_untuk_sunting", "baca_log_untuk_sunting",
    "baca_audit", "muat_rencana", "muat_dataset", "simpan_profil", "simpan_logo", "muat_lembar_juri",
    # the report queue and the budget baseline joined the store too: Gudang.ajukan_laporan / ada_penetapan …
    "path_penetapan", "muat_penetapan", "muat_penetapan_berkas", "tetapkan_berkas",
    # and the jury scores and targets (#25): the Dataset carries them (nilai_juri_tersimpan / target_tersimpan)
    "path_juri", "muat_nilai_juri", "path_target", "muat_target",
}
MODUL_TERLARANG = ("geo.simpan.pg", "geo.simpan.utuh", "geo.simpan.menunggu")


def pelanggaran(sumber: str, nama: str) -> list[str]:
    hasil = []
    for simpul in ast.walk(ast.parse(sumber)):
        if isinstance(simpul, ast.ImportFrom) and simpul.module:
            if simpul.module.startswith(MODUL_TERLARANG):
                hasil.append(f"{nama}:{simpul.lineno}: impor {simpul.module}")
            hasil += [f"{nama}:{simpul.lineno}: impor {a.name} dari {simpul.module}" for a in simpul.names if a.name in TERLARANG]
        elif isinstance(simpul, ast.Import):
            hasil += [f"{nama}:{simpul.lineno}: impor {a.name}" for a in simpul.names if a.name.startswith(MODUL_TERLARANG)]
    return hasil


def test_halaman_tidak_mengimpor_penulis_berkas():
    berkas = [*sorted((PROYEK / "ui").glob("*.py")), *sorted((PROYEK / "pages").glob("*.py")), PROYEK / "dashboard.py"]
    temuan = [p for b in berkas for p in pelanggaran(b.read_text(encoding="utf-8"), b.name)]
    assert temuan == []


def test_penjaga_mengenali_pelanggaran():
    assert pelanggaran("from geo.simpan.kim import simpan_kim, ke_teks\n", "x.py") == ["x.py:1: impor simpan_kim dari geo.simpan.kim"]
    assert pelanggaran("def f():\n    from geo.anggaran.simpan import tulis_usul\n", "x.py")
    assert pelanggaran("import geo.simpan.pg.pindah\n", "x.py")
    assert pelanggaran("from geo.simpan.kim import bandingkan\n", "x.py") == []
    assert pelanggaran("from geo.simpan.menunggu import ajukan\n", "x.py") and pelanggaran("from geo.anggaran.tahap import path_penetapan\n", "x.py")
