"""Region metadata (``data/wilayah.json``).

Everything that names a particular kota or kabupaten lives in data, not in
code, so another region only swaps its files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from geo import config
from geo.galat import GalatData
from geo.masuk import skema
from geo.slug import slug


@dataclass(frozen=True)
class Wilayah:
    """A region's name, slug for file names, and its vocabularies."""

    nama: str = "Wilayah"
    slug: str = "wilayah"
    kode: str = ""
    data_contoh: bool = False
    kategori_potensi: tuple[str, ...] = skema.KATEGORI_POTENSI
    status_aktivitas: tuple[str, ...] = skema.STATUS_AKTIVITAS
    batas_bbox: tuple[float, float, float, float] | None = None
    extra: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def status_aktif(self) -> str:
        """The one "active" word: the vocabulary's first status (the order the time rules use too:
        active, less active, inactive). Every count of active potentials reads it here."""
        return self.status_aktivitas[0]

    def label(self, nilai: str, bahasa: str) -> str:
        """A vocabulary value (category, status, activity type) as a reader of ``bahasa`` reads it. English comes
        from wilayah.json's ``label_en`` or the default vocabulary's; filters, files, URLs and the CLI keep the stored
        spelling."""
        if bahasa != "en":
            return nilai
        return self.extra.get("label_en", {}).get(nilai) or skema.LABEL_EN.get(nilai, nilai)

    def warna_kategori(self) -> dict[str, str]:
        """Category → colour, stable in vocabulary order."""
        palet = skema.PALET_KATEGORI
        return {k: palet[i % len(palet)] for i, k in enumerate(self.kategori_potensi)}


def muat_wilayah(path: Path | None = None) -> Wilayah:
    """Read region metadata; a missing file gives neutral defaults."""
    path = Path(path) if path else config.path_wilayah()
    if not path.exists():
        return Wilayah()
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GalatData(
            f"Berkas wilayah {path} tidak dapat dibaca sebagai JSON ({exc}). "
            "Perbaiki isinya atau hapus berkas itu untuk memakai nilai bawaan."
        ) from exc
    if not isinstance(raw, dict):
        raise GalatData(f"Berkas wilayah {path} harus berisi objek JSON {{...}}.")
    return wilayah_dari_dict(raw, path.parent)


def wilayah_dari_dict(raw: dict, folder: Path | None = None) -> Wilayah:
    """Region metadata from its JSON object, wherever it was stored (file or database).

    ``folder`` is where relative paths in it (the logo) resolve; the data folder by default.
    """
    nama = str(raw.get("nama") or "Wilayah")
    bbox = raw.get("batas_bbox")
    label_en = raw.get("label_en", {})
    if not isinstance(label_en, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in label_en.items()):
        raise GalatData('wilayah.json: "label_en" harus berupa objek {"nilai kosakata": "English label", ...}, mis. '
                        '{"Kuliner": "Culinary", "Aktif": "Active"}. Perbaiki atau hapus kunci itu.')
    return Wilayah(
        nama=nama,
        slug=slug(raw.get("slug") or nama) or "wilayah",
        kode=str(raw.get("kode") or ""),
        data_contoh=bool(raw.get("data_contoh", False)),
        kategori_potensi=tuple(raw.get("kategori_potensi") or skema.KATEGORI_POTENSI),
        status_aktivitas=tuple(raw.get("status_aktivitas") or skema.STATUS_AKTIVITAS),
        batas_bbox=tuple(float(v) for v in bbox) if bbox and len(bbox) == 4 else None,
        extra={**raw, "_folder": str(folder or config.path_wilayah().parent)},
    )
