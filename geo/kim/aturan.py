"""The assessment an office configures in ``wilayah.json`` (key ``penilaian_kim``).

No national ladder for KIM is final, so nothing here is a fixed standard:
the default only follows what lomba KIM and KIM awards juries judge
(administrasi, pemanfaatan media, aktivitas pokok, potensi/ekonomi) and an
office changes criteria, weights and thresholds in its own file.
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.galat import GalatData
from geo.masuk.wilayah import Wilayah

KUNCI = "penilaian_kim"
JURI = "juri"
# How a criterion is computed from the data (0–100 each); "juri" is entered per period.
HITUNG: dict[str, str] = {
    "kelengkapan_administrasi": "SK pembentukan (nomor), AD/ART, nomor KIM.ID: tiap unsur sama bobot",
    "hari_sejak_pos": "hari sejak pos terakhir di kanal media mana pun: 100 sampai penuh_hari, 0 mulai nol_hari",
    "kegiatan_12_bulan": "kegiatan di log dalam 12 bulan sampai tanggal penilaian, dibanding target",
    "porsi_potensi_aktif": "porsi potensi KIM yang berstatus Aktif pada tanggal penilaian",
    JURI: "nilai 0–100 dari dewan juri per periode (lembar nilai juri)",
}
BAWAAN: dict = {
    "kriteria": [
        {"kode": "administrasi", "nama": "Administrasi", "name": "Administration", "bobot": 20, "hitung": "kelengkapan_administrasi"},
        {"kode": "media", "nama": "Pemanfaatan media", "name": "Use of media", "bobot": 20, "hitung": "hari_sejak_pos",
         "penuh_hari": 30, "nol_hari": 180},
        {"kode": "aktivitas", "nama": "Aktivitas pokok", "name": "Core activities", "bobot": 25, "hitung": "kegiatan_12_bulan",
         "target": 12},
        {"kode": "potensi", "nama": "Potensi/ekonomi", "name": "Potential/economy", "bobot": 15, "hitung": "porsi_potensi_aktif"},
        {"kode": "juri", "nama": "Penilaian juri", "name": "Jury assessment", "bobot": 20, "hitung": JURI},
    ],
    "ambang_prioritas": 50,
    "dorman_hari": 365,
}


@dataclass(frozen=True)
class Kriteria:
    kode: str
    nama: str
    name: str
    bobot: float
    hitung: str
    target: float = 12.0
    penuh_hari: int = 30
    nol_hari: int = 180

    def label(self, bahasa: str = "id") -> str:
        return self.name if bahasa == "en" and self.name else self.nama


@dataclass(frozen=True)
class AturanNilai:
    kriteria: tuple[Kriteria, ...]
    ambang_prioritas: float = 50.0
    dorman_hari: int = 365

    def juri(self) -> tuple[Kriteria, ...]:
        return tuple(k for k in self.kriteria if k.hitung == JURI)


def _angka(nilai: object, nama: str, minimum: float = 0.0) -> float:
    try:
        hasil = float(nilai)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise GalatData(f"wilayah.json: {KUNCI}.{nama} harus angka, bukan {nilai!r}.") from None
    if not hasil >= minimum or hasil > 1e6:
        raise GalatData(f"wilayah.json: {KUNCI}.{nama} = {nilai!r} di luar rentang (≥ {minimum:g}).")
    return hasil


def aturan_nilai(wilayah: Wilayah) -> AturanNilai:
    """The region's assessment, or the default; a wrong entry is a message naming its key."""
    raw = wilayah.extra.get(KUNCI) or BAWAAN
    if not isinstance(raw, dict) or not isinstance(raw.get("kriteria"), list) or not raw["kriteria"]:
        raise GalatData(f"wilayah.json: {KUNCI} harus objek dengan daftar 'kriteria' yang tidak kosong.")
    kriteria = []
    for i, k in enumerate(raw["kriteria"]):
        tempat = f"kriteria[{i}]"
        if not isinstance(k, dict) or not str(k.get("kode") or "").strip():
            raise GalatData(f"wilayah.json: {KUNCI}.{tempat} harus objek dengan 'kode'.")
        hitung = str(k.get("hitung") or "")
        if hitung not in HITUNG:
            raise GalatData(f"wilayah.json: {KUNCI}.{tempat}.hitung '{hitung}' tidak dikenal. Pilihan: {', '.join(HITUNG)}.")
        penuh, nol = int(_angka(k.get("penuh_hari", 30), f"{tempat}.penuh_hari")), int(_angka(k.get("nol_hari", 180), f"{tempat}.nol_hari"))
        if hitung == "hari_sejak_pos" and nol <= penuh:
            raise GalatData(f"wilayah.json: {KUNCI}.{tempat}: nol_hari ({nol}) harus lebih besar dari penuh_hari ({penuh}).")
        kriteria.append(Kriteria(
            kode=str(k["kode"]).strip(), nama=str(k.get("nama") or k["kode"]), name=str(k.get("name") or ""),
            bobot=_angka(k.get("bobot", 1), f"{tempat}.bobot"), hitung=hitung,
            target=_angka(k.get("target", 12), f"{tempat}.target", 1), penuh_hari=penuh, nol_hari=nol))
    kode = [k.kode for k in kriteria]
    if len(set(kode)) != len(kode):
        raise GalatData(f"wilayah.json: {KUNCI}: kode kriteria ganda ({', '.join(kode)}). Beri tiap kriteria kode sendiri.")
    if sum(k.bobot for k in kriteria) <= 0:
        raise GalatData(f"wilayah.json: {KUNCI}: jumlah bobot harus lebih dari 0.")
    return AturanNilai(tuple(kriteria), _angka(raw.get("ambang_prioritas", 50), "ambang_prioritas"),
                       int(_angka(raw.get("dorman_hari", 365), "dorman_hari", 1)))
