"""The form's body: lines grouped and subtotalled by each level of the akun code, then [#] kelompok and [-] keterangan.

One computation for the XLSX, the PDF and ``anggaran periksa``, so they
agree to the rupiah. With a baseline (Perubahan) each line carries its
Sebelum and Setelah figures, matched by ``id_baris``; a line in only one of
them has 0 on the other side.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from geo.anggaran.koefisien import KOLOM_SATUAN, KOLOM_VOLUME, satuan_gabung
from geo.anggaran.referensi import ReferensiAnggaran, tingkat_kode
from geo.anggaran.rencana import Rencana

TANPA_KODE = "(belum berkode rekening)"
RINCIAN, AKUN, KELOMPOK, KETERANGAN = "rincian", "akun", "kelompok", "keterangan"


@dataclass(frozen=True)
class Angka:
    """One side (Sebelum or Setelah) of a line."""

    volume: tuple[int, ...]
    satuan: tuple[str, ...]
    koefisien: int
    harga: int
    ppn_persen: str
    jumlah: int

    @property
    def satuan_teks(self) -> str:
        return satuan_gabung(self.satuan)


@dataclass
class BarisForm:
    """A row of the form: a heading (akun level, kelompok, keterangan) or a line (rincian)."""

    jenis: str
    kedalaman: int
    kode: str
    uraian: str
    sebelum: int = 0
    setelah: int = 0
    angka_sebelum: Angka | None = None
    angka_setelah: Angka | None = None
    keterangan: str = ""  # a line's specification and location
    akhir: int = 0  # headings: index after their last descendant
    id_baris: str = ""

    @property
    def selisih(self) -> int:
        return self.setelah - self.sebelum


@dataclass(frozen=True)
class Susunan:
    baris: list[BarisForm]
    total_sebelum: int
    total_setelah: int
    perubahan: bool
    tanpa_kode: int = 0
    subtotal: dict[str, tuple[int, int]] = field(default_factory=dict)  # akun kode → (sebelum, setelah)

    @property
    def total_selisih(self) -> int:
        return self.total_setelah - self.total_sebelum


def _angka(b: pd.Series) -> Angka:
    vol = tuple(int(b[k]) for k in KOLOM_VOLUME if int(b[k]))
    sat = tuple(str(b[k]) for k, v in zip(KOLOM_SATUAN, KOLOM_VOLUME) if int(b[v]))
    return Angka(vol, sat, int(b["koefisien"]), int(b["harga_satuan"]), str(b["ppn_persen"]), int(b["jumlah"]))


def _gabung(rencana: Rencana, dasar: Rencana | None) -> pd.DataFrame:
    """One row per id_baris: the plan's lines in order, then baseline lines the plan dropped."""
    kini = rencana.tabel.assign(_sisi="setelah")
    if dasar is None:
        return kini.assign(_urut=range(len(kini)))
    hilang = dasar.tabel[~dasar.tabel["id_baris"].isin(kini["id_baris"])].assign(_sisi="sebelum")
    semua = pd.concat([kini, hilang], ignore_index=True)
    return semua.assign(_urut=range(len(semua)))


def judul_kelompok(jenis: str, teks: str) -> str:
    """``'Rapat'`` or ``'[#] Rapat'`` → ``'[#] Rapat'`` (``[-]`` for a keterangan), as SIPD prints headings."""
    tanda = "[#]" if jenis == KELOMPOK else "[-]"
    return f"{tanda} {str(teks).removeprefix(tanda).strip()}"


def _uraian(b: pd.Series) -> tuple[str, str]:
    lokasi = f"Kel. {b['kelurahan']}" if b.get("kelurahan") else ""
    rinci = " \u00b7 ".join(x for x in (str(b.get("spesifikasi", "")), lokasi, str(b.get("sumber_dana", ""))) if x)
    return str(b["komponen"]), rinci


def susun_form(rencana: Rencana, dasar: Rencana | None = None, referensi: ReferensiAnggaran | None = None) -> Susunan:
    """Headings for each akun level, [#] kelompok and [-] keterangan, each with the sum of its lines."""
    ref = referensi or rencana.pengaturan.referensi
    semua = _gabung(rencana, dasar)
    lama = dasar.tabel.set_index("id_baris") if dasar is not None else None
    semua["_kode"] = semua["kode_rekening"].where(semua["kode_rekening"] != "", "~")
    semua = semua.sort_values(["_kode", "_urut"], kind="stable")
    # Keep each kelompok and keterangan together under its account, in the order first met.
    for kolom in ("kelompok", "keterangan"):
        semua[f"_{kolom}"] = semua.groupby("_kode")[kolom].transform(lambda s: s.map({v: i for i, v in enumerate(dict.fromkeys(s))}))
    semua = semua.sort_values(["_kode", "_kelompok", "_keterangan", "_urut"], kind="stable")
    baris: list[BarisForm] = []
    terbuka: list[tuple[tuple, BarisForm]] = []  # the path of open headings
    subtotal: dict[str, list[int]] = {}
    for _, b in semua.iterrows():
        kode = str(b["kode_rekening"])
        jalur: list[tuple] = [(AKUN, k) for k in tingkat_kode(kode)] if kode else [(AKUN, TANPA_KODE)]
        if b["kelompok"]:
            jalur.append((KELOMPOK, kode, b["kelompok"]))
        if b["keterangan"]:
            jalur.append((KETERANGAN, kode, b["kelompok"], b["keterangan"]))
        sama = 0
        while sama < min(len(terbuka), len(jalur)) and terbuka[sama][0] == jalur[sama]:
            sama += 1
        for _kunci, kepala in terbuka[sama:]:
            kepala.akhir = len(baris)
        terbuka = terbuka[:sama]
        for i, kunci in enumerate(jalur[sama:], start=sama):
            if kunci[0] == AKUN:
                uraian = ref.nama_akun(kunci[1]) if kode else TANPA_KODE
                kepala = BarisForm(AKUN, i, kunci[1] if kode else "", uraian)
            else:
                kepala = BarisForm(kunci[0], i, "", judul_kelompok(kunci[0], kunci[-1]))
            baris.append(kepala)
            terbuka.append((kunci, kepala))
        setelah = _angka(b) if b["_sisi"] == "setelah" else None
        sebelum = None
        if lama is not None and b["id_baris"] in lama.index:
            sebelum = _angka(lama.loc[b["id_baris"]])
        komponen, rinci = _uraian(b)
        garis = BarisForm(RINCIAN, len(jalur), "", komponen, sebelum.jumlah if sebelum else 0, setelah.jumlah if setelah else 0,
                          sebelum, setelah, rinci, id_baris=str(b["id_baris"]))
        baris.append(garis)
        for _kunci, kepala in terbuka:
            kepala.sebelum += garis.sebelum
            kepala.setelah += garis.setelah
        for k in tingkat_kode(kode) if kode else ():
            s = subtotal.setdefault(k, [0, 0])
            s[0] += garis.sebelum
            s[1] += garis.setelah
    for _kunci, kepala in terbuka:
        kepala.akhir = len(baris)
    garis_saja = [g for g in baris if g.jenis == RINCIAN]
    return Susunan(baris, sum(g.sebelum for g in garis_saja), sum(g.setelah for g in garis_saja), dasar is not None,
                   tanpa_kode=int((rencana.tabel["kode_rekening"] == "").sum()),
                   subtotal={k: (v[0], v[1]) for k, v in subtotal.items()})
