-- 0007: the field-report queue ("menunggu verifikasi", issue #24) and the budget baseline ("penetapan",
-- issue #23) in the shared store, so every replica sees one queue and one baseline (issue #20).
-- Queue rows and baseline lines are rows of rekaman_baris (jenis 'menunggu' / 'penetapan'), text cells
-- exactly as laporan_menunggu.csv / anggaran_penetapan.csv hold them. The jenis CHECKs are widened by
-- adding to whatever list they hold now, so a value another migration added is kept.
DO $$
DECLARE
    t text;
    def text;
BEGIN
    FOREACH t IN ARRAY ARRAY['rekaman_baris', 'rekaman_kolom'] LOOP
        SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
         WHERE conrelid = t::regclass AND conname = t || '_jenis_check';
        IF def IS NULL OR position('ARRAY[' IN def) = 0 THEN
            RAISE EXCEPTION 'CHECK % tidak dikenali: %', t || '_jenis_check', def;
        END IF;
        IF position('''menunggu''' IN def) = 0 THEN
            def := replace(def, 'ARRAY[', 'ARRAY[''menunggu''::text, ');
        END IF;
        IF position('''penetapan''' IN def) = 0 THEN
            def := replace(def, 'ARRAY[', 'ARRAY[''penetapan''::text, ');
        END IF;
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t, t || '_jenis_check');
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', t, t || '_jenis_check', def);
    END LOOP;
END $$;

-- The cleaned photo of a queued report (geo.simpan.foto_gambar), until it is accepted or rejected;
-- the same 12 MB limit as foto_potensi.
CREATE TABLE foto_menunggu (
    id_kegiatan text PRIMARY KEY,
    isi bytea NOT NULL CHECK (octet_length(isi) BETWEEN 1 AND 12582912),
    diajukan timestamptz NOT NULL DEFAULT now()
);
