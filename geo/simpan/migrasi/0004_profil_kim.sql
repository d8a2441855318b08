-- 0004: the KIM table (data/profil_kim.csv, issue #25), one row per KIM keyed by its stable id_kim.
-- `isi` keeps every cell as text exactly as the file holds them (list columns in their cell format),
-- so new profile columns need no new migration; rows are validated on every load like the file.
CREATE TABLE kim_profil (
    id_kim text PRIMARY KEY,
    isi jsonb NOT NULL,
    urutan integer NOT NULL,
    versi integer NOT NULL DEFAULT 1,
    diubah_pada timestamptz NOT NULL DEFAULT now(),
    diubah_oleh text NOT NULL DEFAULT ''
);
CREATE INDEX kim_profil_kode_kelurahan ON kim_profil ((isi ->> 'kode_kelurahan'));

-- Jury scores per KIM, period and criterion (data/nilai_juri.csv).
CREATE TABLE kim_nilai_juri (
    id_kim text NOT NULL,
    periode text NOT NULL,
    kriteria text NOT NULL,
    nilai double precision NOT NULL CHECK (nilai >= 0 AND nilai <= 100),
    PRIMARY KEY (id_kim, periode, kriteria)
);
