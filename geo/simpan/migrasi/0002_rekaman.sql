-- 0002: the activity log and the budget plan in the shared store, schema-agnostic.
-- One row per activity / budget line: its text cells by column name (`sel`), exactly as a file
-- would hold them, validated by the same rules as the files on every load and save. A new column
-- in the log or the plan therefore needs no migration; `rekaman_kolom` keeps each record's
-- column order so `db export` writes the same header back.
CREATE TABLE rekaman_baris (
    jenis text NOT NULL CHECK (jenis IN ('kegiatan', 'anggaran')),
    kunci text NOT NULL,                       -- id_kegiatan / id_baris
    id_potensi text NOT NULL DEFAULT '',       -- copied from `sel` so integrity checks use an index
    sel jsonb NOT NULL,
    urutan integer NOT NULL,
    versi integer NOT NULL DEFAULT 1,
    diubah_pada timestamptz NOT NULL DEFAULT now(),
    diubah_oleh text NOT NULL DEFAULT '',
    PRIMARY KEY (jenis, kunci)
);
CREATE INDEX rekaman_baris_potensi ON rekaman_baris (id_potensi) WHERE id_potensi <> '';

-- Column order of each record; a record with a row here exists (possibly empty).
CREATE TABLE rekaman_kolom (
    jenis text PRIMARY KEY CHECK (jenis IN ('kegiatan', 'anggaran')),
    kolom jsonb NOT NULL,
    versi integer NOT NULL DEFAULT 1
);

-- Which record an audit entry is about; `sebelum` then holds that record's replaced rows.
ALTER TABLE audit ADD COLUMN rekaman text NOT NULL DEFAULT 'kim';
CREATE INDEX audit_rekaman ON audit (rekaman, id);
