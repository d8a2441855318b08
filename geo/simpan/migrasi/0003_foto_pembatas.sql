-- 0003 (#21): photos of potentials and the login limiter's failure counts, shared by every replica.

-- One cleaned JPEG per potential (geo.simpan.foto_gambar: no metadata, at most 1600 px). The size
-- limit is the upload's (12 MB), so a row can never hold more than the file store would accept.
-- No foreign key to kim_potensi: whether a photo may outlive its potential is the save's rule.
CREATE TABLE foto_potensi (
    id_potensi text PRIMARY KEY,
    isi bytea NOT NULL CHECK (octet_length(isi) BETWEEN 1 AND 12582912),
    sha256 text NOT NULL,
    lebar integer NOT NULL,
    tinggi integer NOT NULL,
    versi integer NOT NULL DEFAULT 1,
    diubah_pada timestamptz NOT NULL DEFAULT now(),
    diubah_oleh text NOT NULL DEFAULT ''
);

-- The photos each upload replaced, pruned to KIM_FOTO_CADANGAN_MAKS / KIM_FOTO_CADANGAN_MB like the files.
CREATE TABLE foto_cadangan (
    id bigserial PRIMARY KEY,
    id_potensi text NOT NULL,
    isi bytea NOT NULL CHECK (octet_length(isi) <= 12582912),
    waktu timestamptz NOT NULL DEFAULT now()
);

-- Failed logins per `akun:<name>` and `alamat:<address>`; times in seconds since the epoch.
-- A row whose `terkunci_sampai` lies ahead is never pruned.
CREATE TABLE pembatas_login (
    kunci text PRIMARY KEY,
    gagal integer NOT NULL,
    terakhir double precision NOT NULL,
    terkunci_sampai double precision NOT NULL
);
CREATE INDEX pembatas_login_terakhir ON pembatas_login (terakhir);
