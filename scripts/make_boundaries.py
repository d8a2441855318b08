"""Bangkitkan batas kelurahan SKEMATIK (bukan batas resmi) dari tabel referensi.

Batas resmi tidak boleh dikemas bersama aplikasi, jadi peta memakai tesselasi
skematik: setiap kelurahan kira-kira berada di tempat yang benar dan kira-kira
seluas ``luas_km2``. Caranya:

1. Kerangka kota: gabungan cakram di sekitar titik acuan (jari-jari sebanding
   akar luas), dihaluskan (closing), dipotong bbox wilayah, lalu diskalakan
   sampai luasnya sama dengan jumlah ``luas_km2``.
2. Diagram daya (Voronoi berbobot) di UTM: sel_i = irisan setengah-bidang
   ``|x-p_i|^2 - w_i <= |x-p_j|^2 - w_j``, dipotong kerangka kota. Bobot dicari
   dengan metode Newton teredam sampai luas tiap sel cocok dengan targetnya.
3. Jika titik acuan suatu kelurahan jatuh di luar selnya (atau terlalu dekat
   tepi), situsnya digeser sedikit dan bobot dicari ulang.

Skrip ini deterministik: keluaran yang sama untuk masukan yang sama, sehingga
berkas hasilnya bisa di-commit dan diuji byte demi byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from pyproj import CRS, Geod, Transformer
from shapely.geometry import LineString, MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

SUMBER = (
    "Batas skematik (bukan batas resmi): dibangkitkan dari titik acuan dan luas "
    "kelurahan oleh scripts/make_boundaries.py"
)

# Toleransi dan parameter numerik. Nilai relatif terhadap ukuran kota agar
# skrip tidak bergantung pada satu wilayah tertentu.
TOLERANSI_LUAS = 0.005  # galat relatif luas sel yang dikejar solver
TOLERANSI_SEDERHANA_M = 15.0  # penyederhanaan kerangka kota (meter)
SEGMEN_CAKRAM = 16  # segmen per seperempat lingkaran
MAKS_ITERASI = 400  # iterasi Levenberg-Marquardt situs+bobot
MARGIN_MAKS_M = 150.0  # titik acuan minimal sejauh ini dari tepi selnya ...
MARGIN_RELATIF = 0.2  # ... atau 0,2 x akar luas target untuk sel kecil
PENALTI = 100.0  # bobot residu pelanggaran kedalaman
TARIKAN = 0.02  # bobot tarikan situs ke titik acuan
PRESISI_DESIMAL = 6  # desimal koordinat WGS84 (~0,1 m)


@dataclass(frozen=True)
class Kelurahan:
    """Satu baris tabel referensi yang dibutuhkan untuk membangkitkan batas."""

    kode: str
    kelurahan: str
    kecamatan: str
    kode_kecamatan: str
    luas_km2: float
    lintang: float
    bujur: float


def baca_referensi(path: Path) -> list[Kelurahan]:
    """Baca tabel referensi; diurutkan per kode agar hasil tidak bergantung urutan baris."""
    with path.open(encoding="utf-8", newline="") as f:
        baris = [
            Kelurahan(
                kode=r["kode"].strip(),
                kelurahan=r["kelurahan"].strip(),
                kecamatan=r["kecamatan"].strip(),
                kode_kecamatan=r["kode_kecamatan"].strip(),
                luas_km2=float(r["luas_km2"]),
                lintang=float(r["lintang_titik_dalam"]),
                bujur=float(r["bujur_titik_dalam"]),
            )
            for r in csv.DictReader(f)
        ]
    if len(baris) < 2:
        raise SystemExit("Tabel referensi harus berisi minimal 2 kelurahan.")
    if any(k.luas_km2 <= 0 for k in baris):
        raise SystemExit("Setiap luas_km2 harus positif.")
    return sorted(baris, key=lambda k: k.kode)


def baca_bbox(path: Path) -> tuple[float, float, float, float] | None:
    """Ambil ``batas_bbox`` dari metadata wilayah bila ada; None jika tidak tersedia."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    bbox = data.get("batas_bbox")
    if not bbox or len(bbox) != 4:
        return None
    barat, selatan, timur, utara = (float(v) for v in bbox)
    return barat, selatan, timur, utara


def crs_utm(bujur: float, lintang: float) -> CRS:
    """Zona UTM dari titik tengah data, supaya jarak dan luas dalam meter."""
    zona = int(math.floor((bujur + 180.0) / 6.0)) % 60 + 1
    return CRS.from_epsg((32600 if lintang >= 0 else 32700) + zona)


# ---------------------------------------------------------------------------
# Kerangka kota
# ---------------------------------------------------------------------------


def _kerangka(
    titik: np.ndarray, jari: np.ndarray, skala: float, tutup: float, batas: Polygon
) -> Polygon:
    """Gabungan cakram yang dihaluskan dan dipotong bbox, tanpa lubang."""
    cakram = shapely.buffer(shapely.points(titik), jari * skala, quad_segs=SEGMEN_CAKRAM)
    gabung = shapely.union_all(cakram)
    halus = gabung.buffer(tutup, quad_segs=SEGMEN_CAKRAM).buffer(-tutup, quad_segs=SEGMEN_CAKRAM)
    potong = halus.intersection(batas)
    bagian = list(potong.geoms) if isinstance(potong, MultiPolygon) else [potong]
    bagian = [p for p in bagian if isinstance(p, Polygon) and not p.is_empty]
    if len(bagian) != 1:
        raise ValueError("kerangka kota terpecah")
    hasil = Polygon(bagian[0].exterior).simplify(TOLERANSI_SEDERHANA_M)
    if not isinstance(hasil, Polygon) or not hasil.is_valid:
        raise ValueError("kerangka kota tidak valid")
    return hasil


def buat_kerangka(titik: np.ndarray, luas_m2: np.ndarray, batas: Polygon) -> Polygon:
    """Kerangka kota satu bagian yang luasnya sama dengan total luas referensi.

    Skala cakram dicari dengan bisection karena luas gabungan naik monoton terhadap
    skala. Jarak closing diperbesar bila gabungan masih terpecah.
    """
    total = float(luas_m2.sum())
    if batas.area < total:
        raise SystemExit("Bbox wilayah lebih kecil daripada total luas kelurahan.")
    jari = np.sqrt(luas_m2 / math.pi)
    tutup = 0.1 * math.sqrt(total)
    for _ in range(8):
        try:
            rendah, tinggi = 0.5, 1.0
            while _kerangka(titik, jari, tinggi, tutup, batas).area < total:
                tinggi *= 1.5
                if tinggi > 100:
                    raise SystemExit("Tidak dapat membentuk kerangka seluas target.")
            for _ in range(50):
                tengah = 0.5 * (rendah + tinggi)
                if _kerangka(titik, jari, tengah, tutup, batas).area < total:
                    rendah = tengah
                else:
                    tinggi = tengah
            return _kerangka(titik, jari, tinggi, tutup, batas)
        except ValueError:
            tutup *= 1.5
    raise SystemExit("Kerangka kota tidak dapat dibuat menyatu.")


# ---------------------------------------------------------------------------
# Diagram daya
# ---------------------------------------------------------------------------


def _potong_setengah_bidang(
    simpul: np.ndarray, label: list[int], a: np.ndarray, b: float, lab: int
) -> tuple[np.ndarray, list[int]]:
    """Sutherland-Hodgman untuk poligon konveks terhadap ``a.x <= b``.

    ``label[k]`` menyimpan asal sisi simpul k -> k+1 (indeks tetangga atau -1 untuk
    bingkai) agar panjang sisi bersama bisa dihitung untuk Jacobian Newton.
    """
    n = len(simpul)
    if n == 0:
        return simpul, label
    nilai = simpul @ a - b
    keluar_s: list[np.ndarray] = []
    keluar_l: list[int] = []
    for k in range(n):
        m = (k + 1) % n
        p, q = simpul[k], simpul[m]
        fp, fq = nilai[k], nilai[m]
        if fp <= 0:
            keluar_s.append(p)
            keluar_l.append(label[k])
            if fq > 0:
                keluar_s.append(p + (q - p) * (fp / (fp - fq)))
                keluar_l.append(lab)
        elif fq <= 0:
            keluar_s.append(p + (q - p) * (fp / (fp - fq)))
            keluar_l.append(label[k])
    if len(keluar_s) < 3:
        return np.empty((0, 2)), []
    return np.array(keluar_s), keluar_l


@dataclass
class HasilSel:
    """Sel terpotong kerangka beserta besaran sisi bersama untuk Jacobian analitik."""

    geom: list[BaseGeometry]
    luas: np.ndarray
    panjang: np.ndarray  # panjang[i, j]: panjang sisi bersama i-j di dalam kerangka
    momen: np.ndarray  # momen[i, j]: integral posisi x sepanjang sisi itu (m^2)


def sel_daya(situs: np.ndarray, bobot: np.ndarray, kerangka: Polygon) -> HasilSel:
    """Hitung semua sel diagram daya sebagai irisan setengah-bidang, lalu potong kerangka."""
    n = len(situs)
    x0, y0, x1, y1 = kerangka.bounds
    pad = max(x1 - x0, y1 - y0)
    bingkai = np.array(
        [[x0 - pad, y0 - pad], [x1 + pad, y0 - pad], [x1 + pad, y1 + pad], [x0 - pad, y1 + pad]]
    )
    norma = (situs**2).sum(axis=1)
    geom: list[BaseGeometry] = []
    luas = np.zeros(n)
    panjang = np.zeros((n, n))
    momen = np.zeros((n, n, 2))
    for i in range(n):
        simpul, label = bingkai.copy(), [-1, -1, -1, -1]
        for j in range(n):
            if j == i:
                continue
            a = 2.0 * (situs[j] - situs[i])
            b = norma[j] - norma[i] - bobot[j] + bobot[i]
            simpul, label = _potong_setengah_bidang(simpul, label, a, b, j)
            if len(simpul) == 0:
                break
        if len(simpul) == 0:
            geom.append(Polygon())
            continue
        sel = Polygon(simpul).intersection(kerangka)
        geom.append(sel)
        luas[i] = sel.area
        for k, j in enumerate(label):
            if j < 0:
                continue
            sisi = LineString([simpul[k], simpul[(k + 1) % len(simpul)]])
            for bagian in shapely.get_parts(sisi.intersection(kerangka)):
                if isinstance(bagian, LineString) and bagian.length > 0:
                    xy = np.asarray(bagian.coords)
                    seg = np.linalg.norm(np.diff(xy, axis=0), axis=1)
                    panjang[i, j] += seg.sum()
                    momen[i, j] += (seg[:, None] * 0.5 * (xy[1:] + xy[:-1])).sum(axis=0)
    return HasilSel(geom, luas, panjang, momen)


def _galat(luas: np.ndarray, target: np.ndarray) -> float:
    """Galat relatif terbesar; tak hingga bila ada sel kosong (solver harus menghindarinya)."""
    if np.any(luas <= 0):
        return math.inf
    return float(np.max(np.abs(luas - target) / target))


def cari_bobot(
    situs: np.ndarray, target: np.ndarray, kerangka: Polygon
) -> tuple[np.ndarray, HasilSel]:
    """Newton teredam untuk bobot saja (transport optimal semi-diskret), sebagai tebakan awal.

    Turunan luas terhadap bobot: dA_i/dw_j = -L_ij / (2 |p_i - p_j|), sehingga
    Jacobiannya berupa Laplacian graf ketetanggaan. Mulai dari bobot nol (Voronoi
    biasa) agar tidak ada sel kosong; langkah diperkecil sampai galat turun.
    """
    bobot = np.zeros(len(situs))
    hasil = sel_daya(situs, bobot, kerangka)
    galat = _galat(hasil.luas, target)
    if not math.isfinite(galat):
        raise SystemExit("Ada titik acuan di luar kerangka kota.")
    jarak = np.linalg.norm(situs[:, None, :] - situs[None, :, :], axis=2)
    np.fill_diagonal(jarak, 1.0)
    for _ in range(100):
        if galat < TOLERANSI_LUAS:
            break
        koef = hasil.panjang / (2.0 * jarak)
        koef = 0.5 * (koef + koef.T)
        jac = -koef
        np.fill_diagonal(jac, koef.sum(axis=1))
        langkah = np.linalg.lstsq(jac, target - hasil.luas, rcond=None)[0]
        faktor = 1.0
        while faktor > 1e-4:
            coba_w = bobot + faktor * (langkah - langkah.mean())
            coba = sel_daya(situs, coba_w, kerangka)
            coba_galat = _galat(coba.luas, target)
            if coba_galat < galat:
                bobot, hasil, galat = coba_w, coba, coba_galat
                break
            faktor *= 0.5
        else:
            break
    return bobot, hasil


@dataclass
class Masalah:
    """Data tetap untuk penyelarasan situs+bobot: titik acuan, target luas, margin."""

    titik: np.ndarray
    target: np.ndarray
    margin: np.ndarray
    kerangka: Polygon


def _residu(
    m: Masalah, situs: np.ndarray, bobot: np.ndarray, hasil: HasilSel
) -> tuple[np.ndarray, np.ndarray]:
    """Residu kuadrat-terkecil dan Jacobian analitiknya terhadap (situs, bobot).

    Tiga kelompok: galat luas relatif; pelanggaran kedalaman titik acuan terhadap
    setiap garis bagi (dalam satuan margin, diberi penalti besar); dan tarikan lemah
    situs ke titik acuannya supaya situs tidak melantur.
    """
    n = len(situs)
    nv = 3 * n  # variabel: x_0, y_0, ..., x_{n-1}, y_{n-1}, w_0, ..., w_{n-1}
    res: list[float] = []
    baris: list[np.ndarray] = []

    # 1) luas: dA_i/dw, dA_i/ds dari integral sisi bersama (rumus turunan diagram daya)
    for i in range(n):
        r = np.zeros(nv)
        for j in range(n):
            if hasil.panjang[i, j] == 0.0:
                continue
            d = float(np.linalg.norm(situs[j] - situs[i]))
            pj, mj = hasil.panjang[i, j], hasil.momen[i, j]
            r[2 * n + i] += pj / (2 * d)
            r[2 * n + j] -= pj / (2 * d)
            r[2 * i : 2 * i + 2] += (mj - pj * situs[i]) / d
            r[2 * j : 2 * j + 2] -= (mj - pj * situs[j]) / d
        res.append((hasil.luas[i] - m.target[i]) / m.target[i])
        baris.append(r / m.target[i])

    # 2) kedalaman titik acuan i terhadap garis bagi i-j harus >= margin_i
    for i in range(n):
        q = m.titik[i]
        for j in range(n):
            if j == i:
                continue
            v = situs[j] - situs[i]
            d = float(np.linalg.norm(v))
            daya = (q - situs[j]) @ (q - situs[j]) - bobot[j] - (q - situs[i]) @ (q - situs[i]) + bobot[i]
            g = daya / (2 * d * m.margin[i]) - 1.0
            if g >= 0:
                continue
            r = np.zeros(nv)
            dd_si = 2 * (q - situs[i])
            dd_sj = -2 * (q - situs[j])
            dD_si, dD_sj = -v / d, v / d
            skala = PENALTI / (2 * m.margin[i] * d * d)
            r[2 * i : 2 * i + 2] = skala * (dd_si * d - daya * dD_si)
            r[2 * j : 2 * j + 2] = skala * (dd_sj * d - daya * dD_sj)
            r[2 * n + i] = skala * d
            r[2 * n + j] = -skala * d
            res.append(PENALTI * g)
            baris.append(r)

    # 3) tarikan lemah situs ke titik acuan, dinormalkan dengan ukuran sel
    for i in range(n):
        skala = TARIKAN / math.sqrt(m.target[i])
        for k in range(2):
            r = np.zeros(nv)
            r[2 * i + k] = skala
            res.append(skala * (situs[i, k] - m.titik[i, k]))
            baris.append(r)
    return np.array(res), np.array(baris)


def _memenuhi(m: Masalah, hasil: HasilSel) -> bool:
    """Syarat selesai: luas cocok dan setiap titik acuan cukup dalam di selnya sendiri."""
    if _galat(hasil.luas, m.target) > TOLERANSI_LUAS:
        return False
    return all(
        kedalaman(m.titik[i], hasil.geom[i]) >= m.margin[i] for i in range(len(m.titik))
    )


def kedalaman(titik: np.ndarray, geom: BaseGeometry) -> float:
    """Jarak bertanda titik ke tepi sel: positif di dalam, negatif di luar."""
    p = shapely.Point(titik)
    d = float(geom.boundary.distance(p))
    return d if geom.contains(p) else -d


def bangun_sel(
    titik: np.ndarray, target: np.ndarray, kerangka: Polygon
) -> tuple[np.ndarray, HasilSel]:
    """Cari situs dan bobot: luas cocok dan titik acuan jauh di dalam selnya sendiri.

    Pada diagram daya, situs berbobot besar bisa "menelan" titik acuan tetangga kecil
    yang berdekatan. Maka situs ikut digeser (Levenberg-Marquardt atas situs dan
    bobot) dengan batas kedalaman sebagai penalti; situs ditarik lemah ke titik acuan.
    """
    margin = np.minimum(MARGIN_MAKS_M, MARGIN_RELATIF * np.sqrt(target))
    m = Masalah(titik, target, margin * 1.2, kerangka)  # cadangan 20% di atas syarat
    syarat = Masalah(titik, target, margin, kerangka)
    n = len(titik)
    situs = titik.copy()
    bobot, hasil = cari_bobot(situs, target, kerangka)
    res, jac = _residu(m, situs, bobot, hasil)
    nilai = float(res @ res)
    redam = 1e-3
    for _ in range(MAKS_ITERASI):
        if _memenuhi(syarat, hasil) and _galat(hasil.luas, target) < TOLERANSI_LUAS:
            return situs, hasil
        a = jac.T @ jac
        g = jac.T @ res
        diag = np.diag(a) + 1e-12 * np.trace(a)
        while redam < 1e12:
            langkah = np.linalg.solve(a + redam * np.diag(diag), -g)
            coba_s = situs + langkah[: 2 * n].reshape(n, 2)
            coba_w = bobot + langkah[2 * n :] - langkah[2 * n :].mean()
            coba = sel_daya(coba_s, coba_w, kerangka)
            if np.all(coba.luas > 0):
                coba_res, coba_jac = _residu(m, coba_s, coba_w, coba)
                coba_nilai = float(coba_res @ coba_res)
                if coba_nilai < nilai:
                    situs, bobot, hasil = coba_s, coba_w, coba
                    res, jac, nilai = coba_res, coba_jac, coba_nilai
                    redam = max(redam / 3, 1e-9)
                    break
            redam *= 4
        else:
            break
    if _memenuhi(syarat, hasil):
        return situs, hasil
    raise SystemExit("Gagal menyelaraskan luas dan posisi titik acuan; periksa tabel referensi.")


# ---------------------------------------------------------------------------
# Keluaran
# ---------------------------------------------------------------------------


def rapikan_bersama(geoms: list[BaseGeometry], toleransi: float = 1e-3) -> list[BaseGeometry]:
    """Samakan simpul bersama antar-sel yang hanya berbeda derau floating point.

    Sel dihitung terpisah, jadi titik potong di sisi bersama bisa berselisih ~1e-9 m;
    tanpa penyamaan, pembulatan koordinat nanti dapat menimbulkan celah/tumpang tindih.
    """
    hasil: list[BaseGeometry] = []
    acuan: BaseGeometry | None = None
    for g in geoms:
        if acuan is not None:
            g = shapely.snap(g, acuan, toleransi)
        g = shapely.make_valid(g) if not g.is_valid else g
        hasil.append(g)
        simpul = shapely.multipoints(shapely.get_coordinates(g))
        acuan = simpul if acuan is None else shapely.union(acuan, simpul)
    return hasil


def ke_wgs84(geom: BaseGeometry, ke_geo: Transformer) -> BaseGeometry:
    """Proyeksikan balik ke WGS84, bulatkan ke 6 desimal dan pastikan valid."""
    geo = shapely.transform(geom, lambda xy: np.column_stack(ke_geo.transform(xy[:, 0], xy[:, 1])))
    geo = shapely.set_precision(geo, 10.0**-PRESISI_DESIMAL)
    bagian = [p for p in shapely.get_parts(geo) if isinstance(p, Polygon) and not p.is_empty]
    if not bagian:
        raise SystemExit("Sel lenyap setelah pembulatan koordinat.")
    geo = bagian[0] if len(bagian) == 1 else MultiPolygon(bagian)
    geo = shapely.orient_polygons(geo)  # RFC 7946: cincin luar berlawanan jarum jam
    if not geo.is_valid:
        raise SystemExit("Geometri tidak valid setelah pembulatan.")
    return geo


def _cincin(cincin: BaseGeometry) -> list[list[float]]:
    """Koordinat cincin sebagai list [bujur, lintang] yang sudah dibulatkan."""
    return [[round(x, PRESISI_DESIMAL), round(y, PRESISI_DESIMAL)] for x, y in cincin.coords]


def geometri_geojson(geom: BaseGeometry) -> dict[str, object]:
    """Geometri GeoJSON ditulis sendiri agar format angka stabil (byte demi byte)."""
    def poligon(p: Polygon) -> list[list[list[float]]]:
        return [_cincin(p.exterior)] + [_cincin(r) for r in p.interiors]

    if isinstance(geom, Polygon):
        return {"type": "Polygon", "coordinates": poligon(geom)}
    return {"type": "MultiPolygon", "coordinates": [poligon(p) for p in geom.geoms]}


def tulis_geojson(path: Path, fitur: list[dict[str, object]]) -> None:
    """Satu fitur per baris: berkas kecil tetapi diff-nya masih terbaca."""
    path.parent.mkdir(parents=True, exist_ok=True)
    baris = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in fitur]
    teks = '{"type":"FeatureCollection","features":[\n' + ",\n".join(baris) + "\n]}\n"
    path.write_text(teks, encoding="utf-8", newline="\n")


def bangkitkan(referensi: Path, keluaran: Path, wilayah: Path | None) -> list[tuple[Kelurahan, float]]:
    """Jalankan seluruh proses dan kembalikan pasangan (kelurahan, luas hasil km2)."""
    daftar = baca_referensi(referensi)
    lon = np.array([k.bujur for k in daftar])
    lat = np.array([k.lintang for k in daftar])
    utm = crs_utm(float(lon.mean()), float(lat.mean()))
    ke_utm = Transformer.from_crs("EPSG:4326", utm, always_xy=True)
    ke_geo = Transformer.from_crs(utm, "EPSG:4326", always_xy=True)

    ux, uy = ke_utm.transform(lon, lat)
    # Koordinat lokal (dikurangi titik asal) agar |p|^2 tidak kehilangan presisi.
    asal = np.array([round(float(np.mean(ux))), round(float(np.mean(uy)))])
    titik = np.column_stack([ux, uy]) - asal
    target = np.array([k.luas_km2 for k in daftar]) * 1e6

    bbox = baca_bbox(wilayah) if wilayah is not None else None
    if bbox is not None:
        kotak = shapely.segmentize(box(*bbox), 0.001)
        batas = shapely.transform(
            kotak, lambda xy: np.column_stack(ke_utm.transform(xy[:, 0], xy[:, 1])) - asal
        )
    else:
        pad = math.sqrt(float(target.sum()))
        (x0, y0), (x1, y1) = titik.min(axis=0), titik.max(axis=0)
        batas = box(x0 - pad, y0 - pad, x1 + pad, y1 + pad)
    if not all(batas.contains(shapely.Point(p)) for p in titik):
        raise SystemExit("Ada titik acuan di luar bbox wilayah.")

    kerangka = buat_kerangka(titik, target, batas)
    target_solver = target * (kerangka.area / target.sum())
    _, hasil = bangun_sel(titik, target_solver, kerangka)

    geod = Geod(ellps="WGS84")
    rapi = rapikan_bersama(hasil.geom)
    fitur: list[dict[str, object]] = []
    ringkas: list[tuple[Kelurahan, float]] = []
    for k, g in zip(daftar, rapi):
        geo = ke_wgs84(shapely.transform(g, lambda xy: xy + asal), ke_geo)
        luas = abs(geod.geometry_area_perimeter(geo)[0]) / 1e6
        fitur.append(
            {
                "type": "Feature",
                "properties": {
                    "kode": k.kode,
                    "kelurahan": k.kelurahan,
                    "kecamatan": k.kecamatan,
                    "kode_kecamatan": k.kode_kecamatan,
                    "luas_km2": round(luas, 2),
                    "sumber": SUMBER,
                },
                "geometry": geometri_geojson(geo),
            }
        )
        ringkas.append((k, luas))
    tulis_geojson(keluaran, fitur)
    return ringkas


def main(argv: list[str] | None = None) -> int:
    """Titik masuk CLI; mencetak tabel target vs hasil agar mudah diperiksa."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referensi", type=Path, default=Path("data/kelurahan.csv"))
    parser.add_argument("--out", type=Path, default=Path("data/boundaries.geojson"))
    parser.add_argument(
        "--wilayah",
        type=Path,
        default=None,
        help="metadata wilayah berisi batas_bbox (bawaan: wilayah.json di folder referensi)",
    )
    args = parser.parse_args(argv)
    wilayah = args.wilayah if args.wilayah is not None else args.referensi.parent / "wilayah.json"

    ringkas = bangkitkan(args.referensi, args.out, wilayah)
    print(f"{'kode':<15} {'kelurahan':<22} {'target':>8} {'hasil':>8} {'selisih':>8}")
    for k, luas in ringkas:
        selisih = (luas - k.luas_km2) / k.luas_km2 * 100
        print(f"{k.kode:<15} {k.kelurahan:<22} {k.luas_km2:>8.2f} {luas:>8.2f} {selisih:>7.1f}%")
    total_t = sum(k.luas_km2 for k, _ in ringkas)
    total_h = sum(luas for _, luas in ringkas)
    print(f"{'':<15} {'TOTAL':<22} {total_t:>8.2f} {total_h:>8.2f}")
    print(f"Ditulis: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
