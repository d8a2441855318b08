"""One loaded dataset: validated potentials joined to their kelurahan.

Loaded once per data version; every view (:mod:`geo.tampilan`) is computed
from it, so the page, the files and the command line share one input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import config
from geo.galat import Laporan
from geo.masuk import tembolok_tabel
from geo.masuk.batas import ATTR_KUNCI, KOLOM_BATAS, batas_skematik, kunci_batas, muat_batas
from geo.masuk.indeks_dataset import IndeksDataset
from geo.masuk.kegiatan import muat_kegiatan, periksa_selaras
from geo.masuk.periksa import baca_dan_validasi_berkas, tabel_kosong
from geo.masuk.referensi import Referensi, muat_referensi
from geo.masuk.wilayah import Wilayah, muat_wilayah
from geo.tampilan.waktu import indeks_log


@dataclass(frozen=True)
class Dataset:
    """Validated potentials joined to their kelurahan, plus the report."""

    wilayah: Wilayah
    referensi: Referensi
    batas: gpd.GeoDataFrame
    potensi: gpd.GeoDataFrame
    laporan: Laporan
    path_kim: Path
    path_batas: Path
    # The optional activity log (geo.masuk.kegiatan); None when there is no file.
    kegiatan: pd.DataFrame | None = None
    path_kegiatan: Path | None = None
    # The KIM table (geo.kim.profil.ProfilKIM), linked to the potentials; None when kim.csv did not load.
    profil: object | None = None

    @property
    def ok(self) -> bool:
        return self.laporan.ok

    @cached_property
    def indeks(self) -> IndeksDataset:
        """This dataset's derived values (codes, names, boxes, each level's units), built once, typed."""
        return IndeksDataset()

    @property
    def skematik(self) -> bool:
        ix = self.indeks
        if ix.skematik is None:
            ix.skematik = bool(batas_skematik(self.batas)) if len(self.batas) else False
        return ix.skematik

    @property
    def data_contoh(self) -> bool:
        return self.wilayah.data_contoh

    def kecamatan(self) -> list[str]:
        ix = self.indeks
        if ix.kecamatan is None:
            ix.kecamatan = list(dict.fromkeys(self.batas["kecamatan"])) if len(self.batas) else []
        return list(ix.kecamatan)

    def nama_kim(self) -> pd.Series:
        """kode → KIM name(s), from all rows so a filter never hides a KIM's name.

        Computed once per dataset (it never changes with a filter); the page
        keeps one ``Dataset`` per data version, so every rerun reuses it.
        """
        ix = self.indeks
        if ix.nama_kim is None:
            ix.nama_kim = _nama_kim(self.potensi)
        return ix.nama_kim


def _nama_kim(p: pd.DataFrame) -> pd.Series:
    """kode → its KIM names joined by " / " in order of appearance, sorted by kode.

    A drop_duplicates, with a Python join only for the few kelurahan holding
    several KIM names (a per-group call costs seconds on 83,000 units).
    """
    pasangan = pd.DataFrame({"kode": p["kode_kelurahan"], "nama": p["nama_kim"]}).drop_duplicates()
    ganda = pasangan["kode"].duplicated(keep=False).to_numpy()
    tunggal = pasangan[~ganda].set_index("kode")["nama"]
    banyak = pasangan[ganda].groupby("kode", sort=False)["nama"].agg(lambda s: " / ".join(s.astype(str)))
    hasil = pd.concat([tunggal, banyak]) if len(banyak) else tunggal
    return hasil.sort_index().rename("nama_kim").rename_axis("kode_kelurahan")


def _batas_kosong() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({k: [] for k in KOLOM_BATAS}, geometry=[], crs="EPSG:4326")


def gabung_potensi(tabel: pd.DataFrame) -> gpd.GeoDataFrame:
    """Typed KIM rows as WGS84 points (their kelurahan fields already canonical)."""
    geometri = gpd.points_from_xy(tabel["bujur"], tabel["lintang"])
    return gpd.GeoDataFrame(tabel, geometry=geometri, crs="EPSG:4326")


def muat_profil_kim(tabel: pd.DataFrame, path_kim: Path, referensi: Referensi, laporan: Laporan,
                    path_referensi: Path | None = None) -> object:
    """The KIM table beside kim.csv (or ``KIM_PROFIL``), linked to the potentials (:mod:`geo.kim`).

    Without the file every KIM is made from kim.csv's ``nama_kim`` (nothing to report:
    the table is optional); a file that lacks some KIM reports them as a warning.
    """
    from geo.kim.profil import path_profil, profil_kosong
    from geo.kim.tautan import tautkan
    from geo.kim.tersimpan import dari_berkas, dengan_tersimpan

    path = path_profil(path_kim)
    profil = _profil_tersimpan(path, referensi, laporan, path_referensi) if path.exists() else None
    id_kim = tabel.get("id_kim", None)
    if profil is None:
        profil = tautkan(tabel, profil_kosong(None), path_kim.name, Laporan(), id_kim)
    else:
        profil = tautkan(tabel, profil, path_kim.name, laporan, id_kim)
    return dengan_tersimpan(profil, *dari_berkas(path_kim))  # the jury scores and targets (#25) with it


def _baca_kim(path: Path, ref: Referensi, wil: Wilayah, batas: gpd.GeoDataFrame, laporan: Laporan) -> pd.DataFrame | None:
    tabel, laporan_kim = baca_dan_validasi_berkas(path, ref, wil, batas)
    laporan.gabung(laporan_kim)
    return tabel


def _profil_tersimpan(path: Path, referensi: Referensi, laporan: Laporan, path_referensi: Path | None) -> object:
    """:func:`geo.kim.profil.muat_profil` through the disk cache while the table, the reference and the logos are unchanged."""
    from geo.kim.logo import folder_logo
    from geo.kim.profil import ProfilKIM, muat_profil

    if path_referensi is None:  # a caller that does not name the reference file: read, never stored
        return muat_profil(path, referensi, laporan)
    logo = folder_logo(path)
    berkas = (path, path_referensi, logo, *(sorted(logo.iterdir()) if logo.is_dir() else ()))

    def baca(lap: Laporan) -> dict[str, pd.DataFrame]:
        p = muat_profil(path, referensi, lap)
        return {"tabel": p.tabel, "bimtek": p.bimtek, "bantuan": p.bantuan, "penghargaan": p.penghargaan}

    bagian = tembolok_tabel.tersimpan_bagian("profil", berkas, (), baca, laporan)
    return ProfilKIM(bagian["tabel"], bagian["bimtek"], bagian["bantuan"], bagian["penghargaan"], path=path)


def _muat_referensi(path: Path, nama_kabkota: str, nama_provinsi: str) -> Referensi:
    """:func:`muat_referensi` through the disk cache: its two tables (units by code, spellings) while the file is unchanged."""
    dibuat: list[Referensi] = []

    def baca(_: Laporan) -> dict[str, pd.DataFrame]:
        dibuat.append(muat_referensi(path, nama_kabkota, nama_provinsi))
        return {"tabel": dibuat[0].tabel, "nama": dibuat[0].nama}

    bagian = tembolok_tabel.tersimpan_bagian("referensi", (path,), (nama_kabkota, nama_provinsi), baca, Laporan())
    if dibuat or bagian is None:
        return dibuat[0]
    return Referensi(tabel=bagian["tabel"].set_index("kode", drop=False), nama=bagian["nama"])


def _sidik_id(id_potensi: pd.Series | None) -> str | None:
    """The potentials' ids in one digest: the log's check names the unknown ones."""
    if id_potensi is None:
        return None
    return hashlib.sha256("\x1f".join(id_potensi.astype(str)).encode("utf-8")).hexdigest()


def muat_dataset(
    kim: Path | str | None = None,
    batas: Path | str | None = None,
    referensi: Path | str | None = None,
    wilayah: Path | str | None = None,
    kegiatan: Path | str | None = None,
    *,
    kemajuan: Callable[[str, float], None] | None = None,
) -> Dataset:
    """Load, validate and join; problems land in ``laporan``, never as exceptions.

    ``kemajuan(tahap, bagian)`` hears each stage (0 → 1) so a national load can
    show a progress bar; the CLI draws one on a terminal, the page a spinner.
    The checked KIM table and activity log come from the disk cache while
    their files are unchanged (:mod:`geo.masuk.tembolok_tabel`).

    Raises :class:`geo.galat.GalatData` only when the reference table or the
    region file itself is unusable.
    """
    path_kim = Path(kim) if kim else config.path_kim()
    path_batas = Path(batas) if batas else config.path_batas()
    lapor = kemajuan or (lambda tahap, bagian: None)
    lapor("membaca wilayah dan referensi", 0.0)
    wil = muat_wilayah(Path(wilayah) if wilayah else None)
    path_ref = Path(referensi) if referensi else config.path_referensi()
    nama_provinsi = str(wil.extra.get("provinsi") or "")
    # Prepared boundaries depend on these files and names only: their disk-cache key (geo.masuk.tembolok),
    # taken before either file is read so that a file changed mid-load is never cached as the old one.
    kunci = kunci_batas(path_batas, path_ref, wil.nama, nama_provinsi)
    ref = _muat_referensi(path_ref, wil.nama, nama_provinsi)
    laporan = Laporan()
    lapor("membaca batas", 0.1)
    gdf_batas = muat_batas(path_batas, ref, laporan, kunci_tembolok=kunci,
                           kunci_ulang=lambda: kunci_batas(path_batas, path_ref, wil.nama, nama_provinsi))
    kunci = gdf_batas.attrs.get(ATTR_KUNCI) if gdf_batas is not None else None
    if gdf_batas is None:
        gdf_batas = _batas_kosong()
    lapor("membaca dan memvalidasi tabel KIM", 0.4)
    # Depends on the table, the reference, the region settings and the boundaries (points inside units).
    sumber = (path_kim, path_ref, path_batas)
    tabel = tembolok_tabel.tersimpan("kim", sumber, (asdict(wil),), lambda lap: _baca_kim(path_kim, ref, wil, gdf_batas, lap),
                                     laporan)
    terbaca = tabel is not None
    if tabel is None:
        tabel = tabel_kosong()
    lapor("membaca log kegiatan", 0.7)
    path_log = Path(kegiatan) if kegiatan else config.path_kegiatan(path_kim)
    id_potensi = tabel["id_potensi"] if terbaca else None
    if path_log.exists():  # the log is optional; an unknown id_potensi in it is a problem
        log = tembolok_tabel.tersimpan("log", (path_log,), (asdict(wil), _sidik_id(id_potensi)),
                                       lambda lap: muat_kegiatan(path_log, wil, id_potensi, lap), laporan)
    else:
        log = None
    if log is not None and laporan.ok:
        periksa_selaras(tabel, log, wil, path_kim.name, laporan)
        log = indeks_log(tabel, log)
    lapor("membaca tabel KIM (profil)", 0.8)
    profil = muat_profil_kim(tabel, path_kim, ref, laporan, path_ref) if terbaca and laporan.ok else None
    lapor("menggabungkan", 0.9)
    potensi = gabung_potensi(tabel if laporan.ok else tabel.iloc[0:0])
    lapor("selesai", 1.0)
    dataset = Dataset(wil, ref, gdf_batas, potensi, laporan, path_kim, path_batas, log, path_log, profil)
    if kunci:
        dataset.indeks.kunci_tembolok = kunci  # the dissolved levels are cached under it too
    return dataset
