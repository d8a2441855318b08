"""The pemetaan report as PDF: a roll-up page, then one section per kelurahan (one kab/kota)
or per kab/kota (a province), each with a small map and its KIM.

Every label is in Indonesian and English. Built with matplotlib like the
other prints; pages are A4 portrait, positions in millimetres.
"""

from __future__ import annotations

import io

import pandas as pd
from matplotlib import rc_context
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from geo import format_id
from geo.ekspor.kartografi import WARNA_REDUP, WARNA_TEKS, bungkus
from geo.kim.pemetaan import LABEL_REKAP, Pemetaan
from geo.masuk.dataset import Dataset

A4 = (210.0, 297.0)
TEPI = 14.0
WARNA_STATUS = ("#1b7837", "#e08214", "#b2182b")  # active, less active, inactive (vocabulary order)
BARIS_TABEL = 34
TINGGI_BLOK = 50.0


class HalamanA4:
    """One A4 page with a cursor (``y`` in mm from the top) and mm helpers."""

    def __init__(self, dataset: Dataset, judul: str, nomor: int) -> None:
        self.fig = Figure(figsize=(A4[0] / 25.4, A4[1] / 25.4), dpi=100)
        self.y = TEPI
        self.teks(TEPI, 8, judul, 7, warna=WARNA_REDUP)
        kaki = "Data contoh untuk peragaan / Sample data for demonstration. " if dataset.data_contoh else ""
        self.teks(TEPI, A4[1] - 8, f"{kaki}Peta Potensi KIM · {dataset.wilayah.nama}", 6.5, warna=WARNA_REDUP)
        self.teks(A4[0] - TEPI, A4[1] - 8, f"Halaman / Page {nomor}", 6.5, warna=WARNA_REDUP, ha="right")

    def teks(self, x: float, y: float, isi: str, ukuran: float, tebal: bool = False, warna: str = WARNA_TEKS,
             ha: str = "left") -> None:
        self.fig.text(x / A4[0], 1 - y / A4[1], isi, fontsize=ukuran, fontweight="bold" if tebal else "normal",
                      color=warna, ha=ha, va="top")

    def baris(self, isi: str, ukuran: float = 8.0, tebal: bool = False, lebar: float = A4[0] - 2 * TEPI, x: float = TEPI,
              warna: str = WARNA_TEKS) -> None:
        teks = bungkus(isi, lebar, ukuran, tebal)
        self.teks(x, self.y, teks, ukuran, tebal, warna)
        self.y += (teks.count("\n") + 1) * ukuran * 0.45 + 1.2

    def sumbu(self, x: float, y: float, lebar: float, tinggi: float):
        return self.fig.add_axes((x / A4[0], 1 - (y + tinggi) / A4[1], lebar / A4[0], tinggi / A4[1]))


def _angka(v: object) -> str:
    return "–" if v is None or pd.isna(v) else format_id.angka(float(v))


def _tabel(h: HalamanA4, tabel: pd.DataFrame, header: list[str], lebar: list[float], ukuran: float = 6.5) -> None:
    """A plain table at the cursor: header row, then rows; cells are clipped by wrapping."""
    x0 = TEPI
    baris_judul = 1
    for judul, w in zip(header, lebar):
        teks = bungkus(judul, w - 1.5, ukuran, True)
        baris_judul = max(baris_judul, teks.count("\n") + 1)
        h.teks(x0, h.y, teks, ukuran, True)
        x0 += w
    tinggi = ukuran * 0.45 * baris_judul + 1.5
    h.y += tinggi + 1
    for baris in tabel.itertuples(index=False):
        x0 = TEPI
        for nilai, w in zip(baris, lebar):
            h.teks(x0, h.y, bungkus(str(nilai), w - 1.5, ukuran).split("\n")[0], ukuran)
            x0 += w
        h.y += ukuran * 0.45 + 1.6


def _rekap_teks(r: pd.Series) -> str:
    return (f"{r.kim_dibentuk} KIM · SK {r.dengan_sk} · KIM.ID {r.terdaftar_kimid} · aktif/active {r.aktif} · "
            f"kurang aktif/less active {r.kurang_aktif} · tidak aktif/inactive {r.tidak_aktif} · "
            f"rata-rata skor/average score {_angka(r.rata_skor)}")


def _sampul(dataset: Dataset, m: Pemetaan, judul: str) -> Figure:
    h = HalamanA4(dataset, judul, 1)
    h.y = 22
    h.baris(f"Pemetaan KIM {dataset.wilayah.nama}", 16, True)
    h.baris("KIM mapping report", 11, warna=WARNA_REDUP)
    kantor = str(dataset.wilayah.extra.get("instansi") or dataset.wilayah.extra.get("kantor") or "")
    h.baris(f"{kantor} · Data per / Data as of {format_id.tanggal(m.tanggal)} · Periode penilaian / Assessment period "
            f"{m.penilaian.periode}", 8, warna=WARNA_REDUP)
    h.y += 4
    h.baris("Rekapitulasi / Roll-up", 11, True)
    tingkat = ("provinsi", "kabkota") if m.bagian == "kabkota" else ("provinsi", "kabkota", "kecamatan")
    rekap = pd.concat([m.rekap(t) for t in tingkat], ignore_index=True)
    label = {"provinsi": "Provinsi", "kabkota": "Kab/Kota", "kecamatan": "Kecamatan"}
    isi = pd.DataFrame({"t": rekap["tingkat"].map(label), "n": rekap["nama"], **{k: rekap[k] for k in LABEL_REKAP}})
    isi["rata_skor"] = isi["rata_skor"].map(_angka)
    _tabel(h, isi, ["Tingkat / Level", "Nama / Name", *LABEL_REKAP.values()], [20, 36, 17, 16, 19, 16, 19, 18, 21])
    h.y += 5
    h.baris("Prioritas pembinaan / Coaching priorities", 11, True)
    prior = m.penilaian.prioritas
    if not len(prior):
        h.baris("Tidak ada / None", 8)
    for r in prior.head(15).itertuples():
        h.baris(f"{r.nama_kim} — skor/score {_angka(r.skor)}: {r.alasan} / {r.alasan_en}", 7.5)
    h.y += 4
    h.baris("Status KIM = status terbaik potensinya pada tanggal data; skor kosong berarti belum dinilai, bukan nol. "
            "A KIM's status is the best of its potentials' on the data date; an empty score means not assessed, not zero.",
            6.5, warna=WARNA_REDUP)
    return h.fig


def _peta(h: HalamanA4, dataset: Dataset, kode: list[str], potensi: pd.DataFrame, x: float, y: float, sisi: float) -> None:
    ax = h.sumbu(x, y, sisi, sisi)
    ax.set_axis_off()
    batas = dataset.batas[dataset.batas["kode"].isin(kode)]
    if len(batas):
        batas.plot(ax=ax, facecolor="#f2f2f2", edgecolor="#666666", linewidth=0.4)
    urutan = {s: i for i, s in enumerate(dataset.wilayah.status_aktivitas[:3])}
    for status, grup in potensi.groupby("status_aktivitas"):
        warna = WARNA_STATUS[urutan.get(status, 2)]
        ax.scatter(grup["bujur"], grup["lintang"], s=9, color=warna, edgecolors="white", linewidths=0.3, zorder=3)
    ax.set_aspect("equal")


def _blok_kim(h: HalamanA4, k: pd.Series, potensi: pd.DataFrame) -> None:
    h.baris(f"{k.nama_kim}" + (f" — “{k.tagline}”" if k.tagline else ""), 9.5, True)
    ad = "–" if pd.isna(k.ad_art) else ("ya/yes" if k.ad_art else "tidak/no")
    h.baris(f"Status pada tanggal / Status at date: {k.status or '–'} · Skor/Score {_angka(k.skor)} "
            f"(peringkat/rank {_angka(k.peringkat)})", 7.5)
    h.baris(f"SK: {k.sk or '–'} · KIM.ID: {k.nomor_kimid or '–'} · AD/ART: {ad} · Ketua/Chair: {k.ketua or '–'} · "
            f"Kanal media/Media channels: {k.kanal_media}", 7.5)
    terakhir = format_id.tanggal(k.kegiatan_terakhir) if pd.notna(k.kegiatan_terakhir) else "–"
    h.baris(f"Kegiatan terakhir / Last activity: {terakhir} · Kegiatan 12 bulan / Activities (12 months): "
            f"{_angka(k.kegiatan_12_bulan)}", 7.5)
    h.baris(f"Target (capaian/target) / Targets (achieved/target): kegiatan triwulan / quarterly activities "
            f"{k.target_kegiatan or '–'} · pos media bulan / monthly media post {k.target_pos or '–'}", 7.5)
    pot = potensi[potensi["id_kim"] == k.id_kim]
    daftar = "; ".join(f"{r.nama_potensi} ({r.kategori_potensi}, {r.status_aktivitas})" for r in pot.itertuples()) or "–"
    h.baris(f"Potensi / Potentials ({len(pot)}): {daftar}", 7.5)
    h.y += 3


def _bagian(dataset: Dataset, m: Pemetaan, judul: str, nomor: int) -> list[Figure]:
    """The pages of every section; one kelurahan (or kab/kota) starts a page."""
    halaman: list[Figure] = []
    kunci = "kode_kelurahan" if m.bagian == "kelurahan" else "kode_kabkota"
    for kode, kim in m.kim.groupby(kunci, sort=True):
        h = HalamanA4(dataset, judul, nomor + len(halaman))
        k0 = kim.iloc[0]
        if m.bagian == "kelurahan":
            h.baris(f"Kelurahan {k0.kelurahan}", 13, True)
            h.baris(f"Kecamatan {k0.kecamatan} · {k0.kabkota} · kode/code {kode}", 8, warna=WARNA_REDUP)
            kode_batas = [kode]
        else:
            h.baris(f"{k0.kabkota}", 13, True)
            prov = str(k0.provinsi)
            h.baris(f"{prov if prov.lower().startswith('provinsi') else 'Provinsi ' + prov} · kode/code {kode}", 8, warna=WARNA_REDUP)
            kode_batas = list(dataset.batas["kode"][dataset.batas["kode"].str.startswith(str(kode))])
        rekap = m.rekap("kelurahan" if m.bagian == "kelurahan" else "kabkota")
        h.baris(_rekap_teks(rekap[rekap["kode"] == kode].iloc[0]), 7.5)
        pot = m.potensi[m.potensi["id_kim"].isin(kim["id_kim"])]
        _peta(h, dataset, kode_batas, pot, A4[0] - TEPI - 55, h.y, 55)
        y_peta = h.y
        h.baris("Titik potensi / Potential points:", 7.5, True, lebar=100)
        for status, warna in zip(dataset.wilayah.status_aktivitas[:3], WARNA_STATUS):
            h.baris(f"● {status}", 7.5, lebar=100, warna=warna)
        h.y = y_peta + 58
        if m.bagian == "kelurahan":
            for _, k in kim.iterrows():
                if h.y > A4[1] - TEPI - TINGGI_BLOK:
                    halaman.append(h.fig)
                    h = HalamanA4(dataset, judul, nomor + len(halaman))
                    h.y = 20
                _blok_kim(h, k, m.potensi)
        else:
            isi = pd.DataFrame({"n": kim["nama_kim"], "k": kim["kelurahan"], "s": kim["status"],
                                "sk": kim["sk"].astype(bool).map({True: "ya/yes", False: "–"}),
                                "id": kim["nomor_kimid"].astype(bool).map({True: "ya/yes", False: "–"}),
                                "p": kim["jumlah_potensi"], "t": kim["kegiatan_terakhir"].map(format_id.tanggal),
                                "sk2": kim["skor"].map(_angka)})
            header = ["KIM", "Kelurahan/desa", "Status", "SK", "KIM.ID", "Potensi / Potentials",
                      "Kegiatan terakhir / Last activity", "Skor / Score"]
            for awal in range(0, len(isi), BARIS_TABEL):
                if awal:
                    halaman.append(h.fig)
                    h = HalamanA4(dataset, judul, nomor + len(halaman))
                    h.y = 20
                _tabel(h, isi.iloc[awal:awal + BARIS_TABEL], header, [46, 30, 20, 13, 13, 18, 24, 18])
        halaman.append(h.fig)
    return halaman


def pemetaan_pdf(dataset: Dataset, m: Pemetaan, judul: str) -> bytes:
    keluaran = io.BytesIO()
    meta = {"Title": judul, "Creator": "Peta Potensi KIM"}
    with rc_context({"pdf.fonttype": 42}), PdfPages(keluaran, metadata=meta) as pdf:
        pdf.savefig(_sampul(dataset, m, judul))
        for fig in _bagian(dataset, m, judul, 2):
            pdf.savefig(fig)
    return keluaran.getvalue()
