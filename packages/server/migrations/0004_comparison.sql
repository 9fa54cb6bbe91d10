-- Cocok schema, version 4: the crowd next to the official figures, per TPS and rolled up per region.

-- A moderator's decision on one field of one TPS, which replaces the witnesses' figures (written by the
-- moderation module; read by the comparison). value null: the field has no crowd figure.
CREATE TABLE crowd_overrides (
  tps_code TEXT NOT NULL REFERENCES tps(code),
  field TEXT NOT NULL,
  value INTEGER,
  decided_by INTEGER NOT NULL REFERENCES users(id),
  decided_at TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (tps_code, field)
) WITHOUT ROWID;

-- One row per TPS with crowd figures (a TPS without a row is no_crowd). detail is the TpsComparison JSON
-- (per field: official, crowd, state, difference, misread label) plus the crowd photos' SHA-256;
-- rewritten whenever a submission is confirmed or withdrawn, an official version becomes current, or a
-- moderator decides. impact = total absolute difference in candidate votes.
CREATE TABLE tps_comparisons (
  tps_code TEXT PRIMARY KEY REFERENCES tps(code),
  status TEXT NOT NULL CHECK (status IN ('match', 'mismatch', 'official_inconsistent', 'crowd_conflict', 'no_official')),
  impact INTEGER NOT NULL,
  submissions INTEGER NOT NULL,
  detail TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
-- Mismatch lists: the nation walks one status in impact order; a region reads its key range of one
-- status (both covering, so the large detail column is read only for the page's rows).
CREATE INDEX tps_comparisons_by_impact ON tps_comparisons(status, impact DESC, tps_code);
CREATE INDEX tps_comparisons_by_region ON tps_comparisons(status, tps_code, impact);

-- Crowd totals per region (and the nation), kept by adding each changed TPS's contribution delta to its
-- ancestors (comparison-rollups.logic.ts). A missing row is all zeros. crowd_tps = TPS with crowd
-- figures (coverage numerator); compared_tps = TPS with both figures; n_<status> = TPS per status
-- (no_crowd = region_rollups.tps_count - crowd_tps). Per field, over compared TPS having both values:
-- cmp_tps_<f> TPS, cmp_official_<f> KPU's sum, cmp_crowd_<f> the crowd's sum.
CREATE TABLE crowd_rollups (
  code TEXT PRIMARY KEY REFERENCES regions(code),
  crowd_tps INTEGER NOT NULL DEFAULT 0,
  compared_tps INTEGER NOT NULL DEFAULT 0,
  impact_total INTEGER NOT NULL DEFAULT 0,
  n_match INTEGER NOT NULL DEFAULT 0,
  n_mismatch INTEGER NOT NULL DEFAULT 0,
  n_official_inconsistent INTEGER NOT NULL DEFAULT 0,
  n_crowd_conflict INTEGER NOT NULL DEFAULT 0,
  n_no_official INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pemilih_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_official_pemilih_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pemilih_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pemilih_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_official_pemilih_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pemilih_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pemilih_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_official_pemilih_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pemilih_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_dptb_l INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_dptb_l INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_dptb_l INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_dptb_p INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_dptb_p INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_dptb_p INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_dptb_j INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_dptb_j INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_dptb_j INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_non_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_non_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_non_dpt_l INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_non_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_non_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_non_dpt_p INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_non_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_non_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_non_dpt_j INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_total_l INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_total_l INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_total_l INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_total_p INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_total_p INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_total_p INTEGER NOT NULL DEFAULT 0,
  cmp_tps_pengguna_total_j INTEGER NOT NULL DEFAULT 0,
  cmp_official_pengguna_total_j INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_pengguna_total_j INTEGER NOT NULL DEFAULT 0,
  cmp_tps_disabilitas_l INTEGER NOT NULL DEFAULT 0,
  cmp_official_disabilitas_l INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_disabilitas_l INTEGER NOT NULL DEFAULT 0,
  cmp_tps_disabilitas_p INTEGER NOT NULL DEFAULT 0,
  cmp_official_disabilitas_p INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_disabilitas_p INTEGER NOT NULL DEFAULT 0,
  cmp_tps_disabilitas_j INTEGER NOT NULL DEFAULT 0,
  cmp_official_disabilitas_j INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_disabilitas_j INTEGER NOT NULL DEFAULT 0,
  cmp_tps_surat_suara_diterima INTEGER NOT NULL DEFAULT 0,
  cmp_official_surat_suara_diterima INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_surat_suara_diterima INTEGER NOT NULL DEFAULT 0,
  cmp_tps_surat_suara_digunakan INTEGER NOT NULL DEFAULT 0,
  cmp_official_surat_suara_digunakan INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_surat_suara_digunakan INTEGER NOT NULL DEFAULT 0,
  cmp_tps_surat_suara_rusak INTEGER NOT NULL DEFAULT 0,
  cmp_official_surat_suara_rusak INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_surat_suara_rusak INTEGER NOT NULL DEFAULT 0,
  cmp_tps_surat_suara_sisa INTEGER NOT NULL DEFAULT 0,
  cmp_official_surat_suara_sisa INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_surat_suara_sisa INTEGER NOT NULL DEFAULT 0,
  cmp_tps_suara_paslon_1 INTEGER NOT NULL DEFAULT 0,
  cmp_official_suara_paslon_1 INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_suara_paslon_1 INTEGER NOT NULL DEFAULT 0,
  cmp_tps_suara_paslon_2 INTEGER NOT NULL DEFAULT 0,
  cmp_official_suara_paslon_2 INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_suara_paslon_2 INTEGER NOT NULL DEFAULT 0,
  cmp_tps_suara_paslon_3 INTEGER NOT NULL DEFAULT 0,
  cmp_official_suara_paslon_3 INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_suara_paslon_3 INTEGER NOT NULL DEFAULT 0,
  cmp_tps_suara_sah INTEGER NOT NULL DEFAULT 0,
  cmp_official_suara_sah INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_suara_sah INTEGER NOT NULL DEFAULT 0,
  cmp_tps_suara_tidak_sah INTEGER NOT NULL DEFAULT 0,
  cmp_official_suara_tidak_sah INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_suara_tidak_sah INTEGER NOT NULL DEFAULT 0,
  cmp_tps_suara_total INTEGER NOT NULL DEFAULT 0,
  cmp_official_suara_total INTEGER NOT NULL DEFAULT 0,
  cmp_crowd_suara_total INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
