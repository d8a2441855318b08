-- 0008: the jury scores (nilai_juri.csv) and the per-KIM targets (target_kim.csv) of issue #25 in the
-- shared store, so every replica on one database scores and targets the same. Rows of rekaman_baris
-- (jenis 'nilai_juri' / 'target_kim'), text cells exactly as the files hold them; the key is
-- "id_kim|periode|kriteria" / "id_kim|periode|jenis". The jenis CHECKs are widened as 0007 widens them,
-- keeping whatever values other migrations added.
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
        IF position('''nilai_juri''' IN def) = 0 THEN
            def := replace(def, 'ARRAY[', 'ARRAY[''nilai_juri''::text, ');
        END IF;
        IF position('''target_kim''' IN def) = 0 THEN
            def := replace(def, 'ARRAY[', 'ARRAY[''target_kim''::text, ');
        END IF;
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t, t || '_jenis_check');
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s', t, t || '_jenis_check', def);
    END LOOP;
END $$;
