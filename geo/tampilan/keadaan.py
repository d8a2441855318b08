"""The view state of the page and its URL form, so any view can be shared.

Pure functions (no Streamlit import): the page reads ``st.query_params``
through :func:`dari_param` once per session and writes :func:`ke_param`
after every change. Parameter names are stable: ``kategori``, ``status``,
``kecamatan``, ``metrik``, ``kelurahan`` (plus ``cari``, ``skema``, ``kelas``,
``peta``, ``bahasa``, ``tingkat``/``wilayah`` for the drill-down level and code prefix, ``zoom`` and
``pusat`` for the live map's position, and with an activity log ``pada``, ``banding``); list
parameters may repeat or be comma-separated.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from geo.galat import GalatData, GalatOpsi
from geo.i18n import BAHASA, BAHASA_BAWAAN
from geo.masuk.dataset import Dataset
from geo.masuk.tingkat import PANJANG_KODE, TINGKAT, normalisasi_awalan, tingkat_sah
from geo.masuk.wilayah import Wilayah
from geo.tampilan import indeks, kelas, waktu
from geo.tampilan.metrik import METRIK_BAWAAN, daftar_metrik, metrik_tersedia
from geo.tampilan.saring import Filter, kanonik, pecah_nilai
from geo.tampilan.tingkat import Jenjang, tentukan

# Basemap choices by name (their tile providers live in geo.peta.ubin.BASEMAP, same keys):
# the view can be read and checked without importing folium.
PETA_DASAR: tuple[str, ...] = ("osm", "satelit", "terang", "kosong")
BASEMAP_BAWAAN = "osm"

# The live map's position in a link (``zoom``, ``pusat``). Leaflet snaps zoom to quarters (the map's
# zoomSnap) and 5 decimals of a degree are ~1 m: a link holds the view exactly as the map can show it.
ZOOM_TERKECIL, ZOOM_MAKS = 1, 18
LANGKAH_ZOOM = 0.25
DESIMAL_PUSAT = 5
_ANGKA = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def _angka(teks: str) -> float | None:
    teks = teks.strip()
    return float(teks) if _ANGKA.match(teks) else None


def bulat_zoom(zoom: float) -> float:
    """A zoom as the map shows it: to the nearest quarter, 2 → 2.0."""
    return round(zoom / LANGKAH_ZOOM) * LANGKAH_ZOOM


def bulat_pusat(lintang: float, bujur: float) -> tuple[float, float]:
    """A centre (latitude, longitude) to :data:`DESIMAL_PUSAT` decimals."""
    return round(lintang, DESIMAL_PUSAT), round(bujur, DESIMAL_PUSAT)


def urai_zoom(teks: str) -> float:
    """``zoom`` from a link: a number from 0 to 18 (quarters kept); GalatData with the rule otherwise."""
    nilai = _angka(teks)
    if nilai is None or not ZOOM_TERKECIL <= nilai <= ZOOM_MAKS:
        raise GalatData(f"Zoom '{teks}' tidak sah: tulis angka {ZOOM_TERKECIL} sampai {ZOOM_MAKS}, mis. zoom=13.5.")
    return bulat_zoom(nilai)


def urai_pusat(teks: str) -> tuple[float, float]:
    """``pusat`` from a link: ``lintang,bujur`` in decimal degrees (WGS84), e.g. ``0.1345,117.4712``."""
    bagian = teks.split(",")
    angka = [_angka(b) for b in bagian] if len(bagian) == 2 else [None]
    if any(a is None for a in angka):
        raise GalatData(f"Pusat peta '{teks}' tidak sah: tulis lintang,bujur dalam derajat desimal, mis. pusat=0.1345,117.4712.")
    lintang, bujur = angka
    if not (-90 <= lintang <= 90 and -180 <= bujur <= 180) or not all(map(math.isfinite, (lintang, bujur))):
        raise GalatData(f"Pusat peta '{teks}' di luar bumi: lintang -90 sampai 90, bujur -180 sampai 180 "
                        "(lintang dulu, lalu bujur).")
    return bulat_pusat(lintang, bujur)


def teks_pusat(pusat: tuple[float, float]) -> str:
    """The written form: ``lintang,bujur`` with at most 5 decimals and no trailing zeros."""
    return ",".join(f"{v:.{DESIMAL_PUSAT}f}".rstrip("0").rstrip(".") for v in pusat)


def teks_zoom(zoom: float) -> str:
    return f"{zoom:g}"


def salah_opsi(wilayah: Wilayah, nama: str, nilai: object) -> str | None:
    """The one check of a map setting (``metrik``, ``skema``, ``kelas``, ``peta``, ``bahasa``): None when valid,
    else the message naming the valid choices. The URL and CLI parser, the map builder and the exports use it."""
    pilihan = {"metrik": ("Metrik", lambda: list(daftar_metrik(wilayah))), "skema": ("Skema kelas", lambda: list(kelas.SKEMA_KELAS)),
               "peta": ("Peta dasar", lambda: list(PETA_DASAR)), "bahasa": ("Bahasa", lambda: list(BAHASA))}
    if nama == "kelas":
        teks = str(nilai).strip()
        if teks.isdigit() and kelas.JUMLAH_KELAS_MIN <= int(teks) <= kelas.JUMLAH_KELAS_MAX:
            return None
        return f"Jumlah kelas harus {kelas.JUMLAH_KELAS_MIN} sampai {kelas.JUMLAH_KELAS_MAX}, bukan {nilai}."
    label, sah = pilihan[nama]
    daftar = sah()
    return None if nilai in daftar else f"{label} '{nilai}' tidak dikenal. Pilihan: {', '.join(daftar)}."


def periksa_opsi(wilayah: Wilayah, metrik: str, skema: str, jumlah_kelas: int, basemap: str | None = None,
                 bahasa: str | None = None) -> None:
    """:func:`salah_opsi` for every setting given; the first problem raises GalatData."""
    for nama, nilai in (("metrik", metrik), ("skema", skema), ("kelas", jumlah_kelas), ("peta", basemap), ("bahasa", bahasa)):
        pesan = None if nilai is None else salah_opsi(wilayah, nama, nilai)
        if pesan:
            raise GalatData(pesan)


@dataclass(frozen=True)
class Keadaan:
    """The view state: everything a shared link restores, and every view setting a file or the CLI uses.

    One frozen object, so it is a cache key as it stands (``catatan`` is left
    out of equality). ``tingkat=None`` means where the region opens, ``pada=None``
    today (with an activity log).
    """

    filter: Filter = field(default_factory=Filter)
    metrik: str = METRIK_BAWAAN
    skema: str = kelas.SKEMA_BAWAAN
    kelas: int = kelas.JUMLAH_KELAS_BAWAAN
    basemap: str = BASEMAP_BAWAAN
    bahasa: str = BAHASA_BAWAAN
    kelurahan: str | None = None  # kode of the unit whose detail is open
    tingkat: str | None = None  # None: where the region opens (geo.tampilan.tingkat.tingkat_awal)
    wilayah: str = ""  # code prefix drilled into, e.g. 64.74 or 64.74.01
    pada: dt.date | None = None  # None: today (only with an activity log)
    banding: dt.date | None = None
    # The live map's position (None: the map fits the units shown). Map settings: they change no row.
    zoom: float | None = None
    pusat: tuple[float, float] | None = None  # (latitude, longitude)
    catatan: tuple[str, ...] = field(default=(), compare=False)

    def periksa(self, wilayah: Wilayah) -> None:
        """Raise GalatData for a map setting no map can draw (see :func:`periksa_opsi`)."""
        periksa_opsi(wilayah, self.metrik, self.skema, self.kelas, self.basemap, self.bahasa)

    def tanpa_posisi(self) -> Keadaan:
        """The state without the map's zoom and centre: what files and caches key on (a pan changes no file)."""
        return self if self.zoom is None and self.pusat is None else replace(self, zoom=None, pusat=None)


def _ambil(param: Mapping[str, Sequence[str] | str | None], nama: str) -> list[str]:
    nilai = param.get(nama)
    return pecah_nilai(nilai) if nilai is not None else []


def _satu(param: Mapping[str, Sequence[str] | str | None], nama: str) -> str | None:
    nilai = param.get(nama)
    if nilai is None:
        return None
    if isinstance(nilai, str):
        return nilai.strip() or None
    daftar = [v.strip() for v in nilai if v and v.strip()]
    return daftar[0] if daftar else None


def _kanonik_toleran(nilai: list[str], pilihan: Sequence[str], nama: str, catatan: list[str]) -> tuple[str, ...]:
    """Keep the values we know, report the rest: one typo must not lose the whole link."""
    hasil: list[str] = []
    for v in nilai:
        try:
            for k in kanonik([v], pilihan, nama):
                if k not in hasil:
                    hasil.append(k)
        except GalatData as exc:
            catatan.append(str(exc))
    return tuple(hasil)


def cari_kelurahan(dataset: Dataset, nilai: str) -> str | None:
    """A kelurahan kode from its kode (dotted or not) or any spelling of its name the reference knows."""
    for calon in (nilai.strip(), normalisasi_awalan(nilai)):
        if indeks.ada_kode(dataset, calon):
            return calon
    hasil = dataset.referensi.cari_nama(nilai)
    return hasil if hasil and indeks.ada_kode(dataset, hasil) else None


# How a setting is named in a note: the page says "Tingkat", the command line its flag.
_NAMA_URL = {"tingkat": "Tingkat", "banding": "tanggal banding"}
_NAMA_CLI = {"tingkat": "--tingkat", "banding": "--banding"}


def dari_param(param: Mapping[str, Sequence[str] | str | None], dataset: Dataset, ketat: bool = False) -> Keadaan:
    """The one parser of the view state, for URL parameters and CLI flags alike.

    Lenient (``ketat=False``, the URL): an unknown value is dropped with a note
    in :attr:`Keadaan.catatan` and the rest applies. Strict (the CLI): the same
    notes raise :class:`geo.galat.GalatOpsi` (exit 2). ``param`` uses the URL's
    names (``peta`` is the basemap); a value may be a string or a list of them.
    """
    nama_param = _NAMA_CLI if ketat else _NAMA_URL
    wil = dataset.wilayah
    catatan: list[str] = []
    f = Filter(
        kategori=_kanonik_toleran(_ambil(param, "kategori"), wil.kategori_potensi, "Kategori", catatan),
        status=_kanonik_toleran(_ambil(param, "status"), wil.status_aktivitas, "Status", catatan),
        kecamatan=_kanonik_toleran(_ambil(param, "kecamatan"), dataset.kecamatan(), "Kecamatan", catatan),
        cari=(_satu(param, "cari") or "")[:100],
    )
    k = Keadaan(filter=f)
    # (URL parameter, Keadaan field): each checked by salah_opsi, the one check of map settings.
    for nama, field_ in (("metrik", "metrik"), ("skema", "skema"), ("kelas", "kelas"), ("peta", "basemap"), ("bahasa", "bahasa")):
        nilai = _satu(param, nama)
        if not nilai:
            continue
        pesan = salah_opsi(wil, nama, nilai)
        if pesan:
            catatan.append(pesan)
        else:
            k = replace(k, **{field_: int(nilai) if nama == "kelas" else nilai})
    kel = _satu(param, "kelurahan")
    if kel:
        kode = cari_kelurahan(dataset, kel)
        if kode:
            k = replace(k, kelurahan=kode)
        else:
            saran = dataset.referensi.saran_nama(kel)
            mungkin = f" Mungkin maksud Anda '{saran}'?" if saran else ""
            catatan.append(f"Kelurahan '{kel}' tidak ditemukan.{mungkin} Gunakan nama atau kode kelurahan dari daftar di panel rincian.")
    k = _jenjang_dari_param(param, dataset, k, catatan, nama_param)
    k = _posisi_dari_param(param, k, catatan)
    k = _tanggal_dari_param(param, dataset, k, catatan, nama_param)
    if ketat and catatan:
        raise GalatOpsi("\n".join(catatan))
    return replace(k, catatan=tuple(catatan))


def _jenjang_dari_param(param: Mapping[str, Sequence[str] | str | None], dataset: Dataset, k: Keadaan, catatan: list[str],
                        nama_param: Mapping[str, str]) -> Keadaan:
    """``tingkat`` and ``wilayah``: checked against the data, so a stale link still opens somewhere sensible."""
    nilai_tingkat, nilai_wilayah = _satu(param, "tingkat"), _satu(param, "wilayah")
    tingkat = tingkat_sah(nilai_tingkat)
    if nilai_tingkat and tingkat is None:
        catatan.append(f"{nama_param['tingkat']} '{nilai_tingkat}' tidak dikenal. Pilihan: {', '.join(TINGKAT)}.")
    wilayah = normalisasi_awalan(nilai_wilayah) if nilai_wilayah else ""
    if not nilai_tingkat and not wilayah:
        return k
    jenjang = tentukan(dataset, tingkat, wilayah)
    catatan.extend(jenjang.catatan)
    if len(wilayah) == PANJANG_KODE["kelurahan"] and jenjang.wilayah and not k.kelurahan:
        k = replace(k, kelurahan=wilayah)  # a desa's own code: open its kecamatan with it selected
    return dengan_jenjang(k, dataset, jenjang)


def _posisi_dari_param(param: Mapping[str, Sequence[str] | str | None], k: Keadaan, catatan: list[str]) -> Keadaan:
    """``zoom`` and ``pusat``: each applies on its own; a bad one is dropped with a note."""
    for nama, urai in (("zoom", urai_zoom), ("pusat", urai_pusat)):
        nilai = _satu(param, nama) if nama == "zoom" else _pusat_mentah(param)
        if not nilai:
            continue
        try:
            k = replace(k, **{nama: urai(nilai)})
        except GalatData as exc:
            catatan.append(str(exc))
    return k


def _pusat_mentah(param: Mapping[str, Sequence[str] | str | None]) -> str | None:
    """``pusat`` as written: its comma is part of the value (not a list separator), spaces ignored."""
    nilai = param.get("pusat")
    if nilai is None:
        return None
    daftar = [nilai] if isinstance(nilai, str) else [v for v in nilai if v and v.strip()]
    return daftar[0].replace(" ", "") if daftar and daftar[0].strip() else None


def dengan_jenjang(k: Keadaan, dataset: Dataset, jenjang: Jenjang) -> Keadaan:
    """The view state at a drawable level and prefix; the region's opening level is written as None (short links)."""
    bawaan = tentukan(dataset)
    sama = (jenjang.tingkat, jenjang.wilayah) == (bawaan.tingkat, bawaan.wilayah)
    return replace(k, tingkat=None if sama else jenjang.tingkat, wilayah=jenjang.wilayah)


def _tanggal_dari_param(param: Mapping[str, Sequence[str] | str | None], dataset: Dataset, k: Keadaan, catatan: list[str],
                        nama_param: Mapping[str, str]) -> Keadaan:
    """``pada``/``banding`` (ISO or day-first), checked against the log's range."""
    for nama in ("pada", "banding"):
        nilai = _satu(param, nama)
        if not nilai:
            continue
        try:
            tanggal = waktu.periksa_tanggal(dataset.kegiatan, waktu.urai_tanggal_opsi(nilai, nama), nama)
        except GalatData as exc:
            catatan.append(str(exc))
            continue
        k = replace(k, **{nama: tanggal})
    if k.banding is not None and not _satu(param, "metrik"):
        k = replace(k, metrik="perubahan_aktif")  # a comparison link shows the change map unless told otherwise
    if not metrik_tersedia(k.metrik, dataset.kegiatan is not None, k.banding is not None):
        perlu = f" dan {nama_param['banding']}" if k.metrik == "perubahan_aktif" else ""
        catatan.append(f"Metrik '{k.metrik}' membutuhkan log kegiatan{perlu} (data/kegiatan.csv atau KIM_KEGIATAN).")
        k = replace(k, metrik=METRIK_BAWAAN)
    return k


def ke_param(k: Keadaan, dataset: Dataset) -> dict[str, list[str]]:
    """The query parameters of a view; defaults are left out so links stay short."""
    bawaan = Keadaan()
    param: dict[str, list[str]] = {}
    for nama in ("kategori", "status", "kecamatan"):
        if getattr(k.filter, nama):
            param[nama] = list(getattr(k.filter, nama))
    if k.filter.cari.strip():
        param["cari"] = [k.filter.cari.strip()]
    for nama, kunci in (("metrik", "metrik"), ("skema", "skema"), ("kelas", "kelas"), ("basemap", "peta"), ("bahasa", "bahasa")):
        if getattr(k, nama) != getattr(bawaan, nama):
            param[kunci] = [str(getattr(k, nama))]
    if k.tingkat:
        param["tingkat"] = [k.tingkat]
    if k.wilayah:
        param["wilayah"] = [k.wilayah]
    if k.kelurahan:
        nama_kel = dataset.batas.loc[dataset.batas["kode"] == k.kelurahan, "kelurahan"]
        param["kelurahan"] = [str(nama_kel.iloc[0]) if len(nama_kel) else k.kelurahan]
    for nama in ("pada", "banding"):
        if getattr(k, nama):
            param[nama] = [getattr(k, nama).isoformat()]
    if k.zoom is not None:
        param["zoom"] = [teks_zoom(k.zoom)]
    if k.pusat is not None:
        param["pusat"] = [teks_pusat(k.pusat)]
    return param
