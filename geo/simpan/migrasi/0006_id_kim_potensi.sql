-- 0006: kim.csv's optional id_kim (issue #25) kept in the shared store, so a potential's link to its KIM
-- in kim_profil round-trips like every other kim.csv cell ('' = found by nama_kim and kode_kelurahan).
ALTER TABLE kim_potensi ADD COLUMN id_kim text NOT NULL DEFAULT '';
CREATE INDEX kim_potensi_id_kim ON kim_potensi (id_kim) WHERE id_kim <> '';
