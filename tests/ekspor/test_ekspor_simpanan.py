"""The export cache is keyed on every input file, so a download never carries stale notes."""

from __future__ import annotations

import json
import os

from geo.masuk.dataset import muat_dataset
from geo.tampilan.susun import tampilkan
from ui.ekspor import sidik_data


def _geser_mtime(path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_key_changes_with_each_input_file(wilayah_uji):
    tampilan = tampilkan(muat_dataset())
    kunci = [sidik_data(tampilan)]
    isi = json.loads(wilayah_uji.wilayah.read_text(encoding="utf-8"))
    isi["data_contoh"] = False
    wilayah_uji.wilayah.write_text(json.dumps(isi), encoding="utf-8")
    kunci.append(sidik_data(tampilan))
    for path in (wilayah_uji.referensi, wilayah_uji.kim, wilayah_uji.batas):
        _geser_mtime(path)
        kunci.append(sidik_data(tampilan))
    # The optional activity log counts too: adding one changes what a download shows.
    (wilayah_uji.kim.parent / "kegiatan.csv").write_text("id_kegiatan,id_potensi,tanggal,jenis_kegiatan\n", encoding="utf-8")
    kunci.append(sidik_data(tampilan))
    assert len(kunci) == 6 and len(set(kunci)) == 6
    assert len(kunci[0]) == 5
