-- 0005: accounts with a role and a scope (issue #24). KIM_PENGGUNA stays the bootstrap administrator.
-- `lingkup` is a Kemendagri code prefix ('' = everything); `hash` is bcrypt, never a password.
CREATE TABLE IF NOT EXISTS akun (
    nama text PRIMARY KEY,
    hash text NOT NULL,
    peran text NOT NULL CHECK (peran IN ('administrator', 'editor', 'pelapor', 'viewer')),
    lingkup text NOT NULL DEFAULT '',
    diubah timestamptz NOT NULL DEFAULT now(),
    versi integer NOT NULL DEFAULT 1
);
