-- Cocok schema, version 1: the region registry, official (Sirekap) figures with history and checks,
-- and per-region rollups kept up to date on import.

-- Regions above the TPS. level: 0 nation (code 'ID'), 1 province, 2 regency, 3 district, 4 village.
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  parent_code TEXT REFERENCES regions(code),
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
  name TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX regions_by_parent ON regions(parent_code, code);

-- The 822,116 TPS. The code is the village code plus a 3-digit number, so a village's TPS are a key range.
CREATE TABLE tps (
  code TEXT PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES regions(code),
  name TEXT NOT NULL
) WITHOUT ROWID;

-- Every distinct Sirekap document ever imported for a TPS (its history). Field columns are null where
-- the document has no figure (partial documents: chart or administrasi null).
CREATE TABLE official_versions (
  id INTEGER PRIMARY KEY,
  tps_code TEXT NOT NULL REFERENCES tps(code),
  content_hash TEXT NOT NULL,
  doc_ts TEXT,
  imported_at TEXT NOT NULL,
  source TEXT NOT NULL,
  has_chart INTEGER NOT NULL,
  has_administrasi INTEGER NOT NULL,
  status_suara INTEGER,
  status_adm INTEGER,
  psu TEXT,
  image_1 TEXT,
  image_2 TEXT,
  image_3 TEXT,
  pemilih_dpt_l INTEGER,
  pemilih_dpt_p INTEGER,
  pemilih_dpt_j INTEGER,
  pengguna_dpt_l INTEGER,
  pengguna_dpt_p INTEGER,
  pengguna_dpt_j INTEGER,
  pengguna_dptb_l INTEGER,
  pengguna_dptb_p INTEGER,
  pengguna_dptb_j INTEGER,
  pengguna_non_dpt_l INTEGER,
  pengguna_non_dpt_p INTEGER,
  pengguna_non_dpt_j INTEGER,
  pengguna_total_l INTEGER,
  pengguna_total_p INTEGER,
  pengguna_total_j INTEGER,
  disabilitas_l INTEGER,
  disabilitas_p INTEGER,
  disabilitas_j INTEGER,
  surat_suara_diterima INTEGER,
  surat_suara_digunakan INTEGER,
  surat_suara_rusak INTEGER,
  surat_suara_sisa INTEGER,
  suara_paslon_1 INTEGER,
  suara_paslon_2 INTEGER,
  suara_paslon_3 INTEGER,
  suara_sah INTEGER,
  suara_tidak_sah INTEGER,
  suara_total INTEGER,
  UNIQUE (tps_code, content_hash)
);
CREATE INDEX official_versions_by_tps ON official_versions(tps_code, doc_ts);

-- Failed consistency checks of each version, with the numbers involved (JSON).
CREATE TABLE official_flags (
  version_id INTEGER NOT NULL REFERENCES official_versions(id),
  check_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (version_id, check_id)
) WITHOUT ROWID;

-- The version in force per TPS: the one with the latest document ts (ties: the latest import).
CREATE TABLE official_current (
  tps_code TEXT PRIMARY KEY REFERENCES tps(code),
  version_id INTEGER NOT NULL REFERENCES official_versions(id),
  flag_count INTEGER NOT NULL
) WITHOUT ROWID;

-- Totals per region (and the nation, 'ID'), recomputed for the affected chain on every import, so
-- region pages never scan TPS rows. official_* are sums over the TPS's current official figures.
CREATE TABLE region_rollups (
  code TEXT PRIMARY KEY REFERENCES regions(code),
  tps_count INTEGER NOT NULL DEFAULT 0,
  official_tps INTEGER NOT NULL DEFAULT 0,
  official_chart_tps INTEGER NOT NULL DEFAULT 0,
  flagged_tps INTEGER NOT NULL DEFAULT 0,
  official_pemilih_dpt_l INTEGER NOT NULL DEFAULT 0,
  official_pemilih_dpt_p INTEGER NOT NULL DEFAULT 0,
  official_pemilih_dpt_j INTEGER NOT NULL DEFAULT 0,
  official_pengguna_dpt_l INTEGER NOT NULL DEFAULT 0,
  official_pengguna_dpt_p INTEGER NOT NULL DEFAULT 0,
  official_pengguna_dpt_j INTEGER NOT NULL DEFAULT 0,
  official_pengguna_dptb_l INTEGER NOT NULL DEFAULT 0,
  official_pengguna_dptb_p INTEGER NOT NULL DEFAULT 0,
  official_pengguna_dptb_j INTEGER NOT NULL DEFAULT 0,
  official_pengguna_non_dpt_l INTEGER NOT NULL DEFAULT 0,
  official_pengguna_non_dpt_p INTEGER NOT NULL DEFAULT 0,
  official_pengguna_non_dpt_j INTEGER NOT NULL DEFAULT 0,
  official_pengguna_total_l INTEGER NOT NULL DEFAULT 0,
  official_pengguna_total_p INTEGER NOT NULL DEFAULT 0,
  official_pengguna_total_j INTEGER NOT NULL DEFAULT 0,
  official_disabilitas_l INTEGER NOT NULL DEFAULT 0,
  official_disabilitas_p INTEGER NOT NULL DEFAULT 0,
  official_disabilitas_j INTEGER NOT NULL DEFAULT 0,
  official_surat_suara_diterima INTEGER NOT NULL DEFAULT 0,
  official_surat_suara_digunakan INTEGER NOT NULL DEFAULT 0,
  official_surat_suara_rusak INTEGER NOT NULL DEFAULT 0,
  official_surat_suara_sisa INTEGER NOT NULL DEFAULT 0,
  official_suara_paslon_1 INTEGER NOT NULL DEFAULT 0,
  official_suara_paslon_2 INTEGER NOT NULL DEFAULT 0,
  official_suara_paslon_3 INTEGER NOT NULL DEFAULT 0,
  official_suara_sah INTEGER NOT NULL DEFAULT 0,
  official_suara_tidak_sah INTEGER NOT NULL DEFAULT 0,
  official_suara_total INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
