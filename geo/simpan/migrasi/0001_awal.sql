-- 0001: the first schema of the shared store. Applied once by `python -m geo db upgrade`.
-- Every row carries `versi`, raised by one on each change: a save compares the
-- versions the editor loaded with the current ones, row by row.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Region metadata (data/wilayah.json as it was imported) and the column order of the reference table.
CREATE TABLE wilayah_meta (
    id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    isi jsonb NOT NULL,
    kolom_referensi jsonb NOT NULL,
    versi integer NOT NULL DEFAULT 1
);

-- The reference units (data/kelurahan.csv). `atribut` keeps every cell as text, exactly as in the file.
CREATE TABLE referensi_kelurahan (
    kode text PRIMARY KEY,
    kelurahan text NOT NULL,
    kecamatan text NOT NULL,
    kode_kecamatan text NOT NULL DEFAULT '',
    luas_km2 double precision,
    atribut jsonb NOT NULL,
    urutan integer NOT NULL,
    versi integer NOT NULL DEFAULT 1
);

-- Kelurahan boundaries (data/boundaries.geojson after validation), WGS84.
CREATE TABLE batas_kelurahan (
    kode text PRIMARY KEY,
    kelurahan text NOT NULL,
    kecamatan text NOT NULL,
    kode_kecamatan text NOT NULL DEFAULT '',
    luas_km2 double precision,
    sumber text NOT NULL DEFAULT '',
    geom geometry(Geometry, 4326) NOT NULL,
    versi integer NOT NULL DEFAULT 1
);
CREATE INDEX batas_kelurahan_geom_gist ON batas_kelurahan USING gist (geom);

-- The KIM potentials (data/kim.csv): cells as the file holds them, validated on every load and save.
CREATE TABLE kim_potensi (
    id_potensi text PRIMARY KEY,
    nama_kim text NOT NULL DEFAULT '',
    kode_kelurahan text NOT NULL DEFAULT '',
    kelurahan text NOT NULL DEFAULT '',
    kecamatan text NOT NULL DEFAULT '',
    kategori_potensi text NOT NULL DEFAULT '',
    nama_potensi text NOT NULL DEFAULT '',
    deskripsi text NOT NULL DEFAULT '',
    status_aktivitas text NOT NULL DEFAULT '',
    jumlah_anggota text NOT NULL DEFAULT '',
    kegiatan_terakhir text NOT NULL DEFAULT '',
    lintang text NOT NULL DEFAULT '',
    bujur text NOT NULL DEFAULT '',
    kontak text NOT NULL DEFAULT '',
    urutan integer NOT NULL,
    versi integer NOT NULL DEFAULT 1,
    diubah_pada timestamptz NOT NULL DEFAULT now(),
    diubah_oleh text NOT NULL DEFAULT ''
);
CREATE INDEX kim_potensi_kode_kelurahan ON kim_potensi (kode_kelurahan);

-- Who changed what, when; `sebelum` is the whole KIM table the save replaced (the backup).
CREATE TABLE audit (
    id bigserial PRIMARY KEY,
    waktu timestamptz NOT NULL DEFAULT now(),
    pengguna text NOT NULL,
    aksi text NOT NULL,
    berkas text NOT NULL DEFAULT '',
    ditambah jsonb NOT NULL DEFAULT '[]',
    diubah jsonb NOT NULL DEFAULT '[]',
    dihapus jsonb NOT NULL DEFAULT '[]',
    jumlah_baris integer NOT NULL,
    catatan text NOT NULL DEFAULT '',
    sebelum jsonb,
    versi integer NOT NULL DEFAULT 1
);
