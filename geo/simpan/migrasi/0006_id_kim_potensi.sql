-- 0006: kim.csv's optional id_kim (issue #25) kept in the shared store, so a potential's link to its KIM
-- in kim_profil round-trips like every other kim.csv cell ('' = found by nama_kim and kode_kelurahan).
ALTER TABLE kim_potensi ADD COLUMN id_kim text NOT NULL DEFAULT '';
CREATE INDEX kim_potensi_id_kim ON kim_potensi (id_kim) WHERE id_kim <> '';

-- KIM logos (the file store's data/logo_kim/), named as the KIM table's `logo` cell names them;
-- stored cleaned (geo.kim.logo.logo_siap) and mirrored to a local folder by each server for display.
CREATE TABLE kim_logo (
    nama text PRIMARY KEY,
    id_kim text NOT NULL,
    isi bytea NOT NULL,
    sha256 text NOT NULL,
    diubah_pada timestamptz NOT NULL DEFAULT now(),
    diubah_oleh text NOT NULL DEFAULT ''
);
