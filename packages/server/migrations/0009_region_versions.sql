-- Cocok schema, version 9: a version per region and TPS instead of one counter for the whole country.
-- Version 7 moved one public_data_epoch on every public write, so a confirm at one TPS emptied every cached
-- answer in the country; at tens of writes a second the answer cache was nearly always empty. Now a change to
-- what a TPS's page is made of moves the version of that TPS and of every region above it (village, district,
-- regency, province, the nation 'ID'), and a change to a region's rollup moves that region and every region
-- above it (its parent's page lists it). An answer about code C is still valid while C's version stands still
-- (server/src/http/answer-cache.ts). Codes nest by prefix (2, 4, 6, 10 and 13 characters), so the codes to
-- move are the prefixes of the changed code; a missing row is version 0. Triggers keep the versions whatever
-- code path writes (imports, the comparison, moderation, another process), as version 7's did.
DROP TABLE public_data_epoch;

DROP TRIGGER regions_insert_epoch;
DROP TRIGGER regions_update_epoch;
DROP TRIGGER regions_delete_epoch;
DROP TRIGGER tps_insert_epoch;
DROP TRIGGER tps_update_epoch;
DROP TRIGGER tps_delete_epoch;
DROP TRIGGER official_versions_insert_epoch;
DROP TRIGGER official_versions_update_epoch;
DROP TRIGGER official_versions_delete_epoch;
DROP TRIGGER official_flags_insert_epoch;
DROP TRIGGER official_flags_update_epoch;
DROP TRIGGER official_flags_delete_epoch;
DROP TRIGGER official_current_insert_epoch;
DROP TRIGGER official_current_update_epoch;
DROP TRIGGER official_current_delete_epoch;
DROP TRIGGER region_rollups_insert_epoch;
DROP TRIGGER region_rollups_update_epoch;
DROP TRIGGER region_rollups_delete_epoch;
DROP TRIGGER submissions_insert_epoch;
DROP TRIGGER submissions_update_epoch;
DROP TRIGGER submissions_delete_epoch;
DROP TRIGGER crowd_overrides_insert_epoch;
DROP TRIGGER crowd_overrides_update_epoch;
DROP TRIGGER crowd_overrides_delete_epoch;
DROP TRIGGER tps_comparisons_insert_epoch;
DROP TRIGGER tps_comparisons_update_epoch;
DROP TRIGGER tps_comparisons_delete_epoch;
DROP TRIGGER crowd_rollups_insert_epoch;
DROP TRIGGER crowd_rollups_update_epoch;
DROP TRIGGER crowd_rollups_delete_epoch;
DROP TRIGGER official_disputes_insert_epoch;
DROP TRIGGER official_disputes_update_epoch;
DROP TRIGGER official_disputes_delete_epoch;

CREATE TABLE region_versions (
  code TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER official_versions_insert_version AFTER INSERT ON official_versions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_versions_update_version AFTER UPDATE ON official_versions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.tps_code IS NOT NEW.tps_code UNION ALL SELECT 'ID', 1 WHERE OLD.tps_code IS NOT NEW.tps_code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_versions_delete_version AFTER DELETE ON official_versions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_current_insert_version AFTER INSERT ON official_current BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_current_update_version AFTER UPDATE ON official_current BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.tps_code IS NOT NEW.tps_code UNION ALL SELECT 'ID', 1 WHERE OLD.tps_code IS NOT NEW.tps_code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_current_delete_version AFTER DELETE ON official_current BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER submissions_insert_version AFTER INSERT ON submissions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER submissions_update_version AFTER UPDATE ON submissions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.tps_code IS NOT NEW.tps_code UNION ALL SELECT 'ID', 1 WHERE OLD.tps_code IS NOT NEW.tps_code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER submissions_delete_version AFTER DELETE ON submissions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER crowd_overrides_insert_version AFTER INSERT ON crowd_overrides BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER crowd_overrides_update_version AFTER UPDATE ON crowd_overrides BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.tps_code IS NOT NEW.tps_code UNION ALL SELECT 'ID', 1 WHERE OLD.tps_code IS NOT NEW.tps_code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER crowd_overrides_delete_version AFTER DELETE ON crowd_overrides BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tps_comparisons_insert_version AFTER INSERT ON tps_comparisons BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tps_comparisons_update_version AFTER UPDATE ON tps_comparisons BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.tps_code IS NOT NEW.tps_code UNION ALL SELECT 'ID', 1 WHERE OLD.tps_code IS NOT NEW.tps_code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tps_comparisons_delete_version AFTER DELETE ON tps_comparisons BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_disputes_insert_version AFTER INSERT ON official_disputes BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_disputes_update_version AFTER UPDATE ON official_disputes BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.tps_code IS NOT NEW.tps_code UNION ALL SELECT 'ID', 1 WHERE OLD.tps_code IS NOT NEW.tps_code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_disputes_delete_version AFTER DELETE ON official_disputes BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.tps_code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER region_rollups_insert_version AFTER INSERT ON region_rollups BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER region_rollups_update_version AFTER UPDATE ON region_rollups BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.code IS NOT NEW.code UNION ALL SELECT 'ID', 1 WHERE OLD.code IS NOT NEW.code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER region_rollups_delete_version AFTER DELETE ON region_rollups BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER crowd_rollups_insert_version AFTER INSERT ON crowd_rollups BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER crowd_rollups_update_version AFTER UPDATE ON crowd_rollups BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.code IS NOT NEW.code UNION ALL SELECT 'ID', 1 WHERE OLD.code IS NOT NEW.code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER crowd_rollups_delete_version AFTER DELETE ON crowd_rollups BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER regions_insert_version AFTER INSERT ON regions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER regions_update_version AFTER UPDATE ON regions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.code IS NOT NEW.code UNION ALL SELECT 'ID', 1 WHERE OLD.code IS NOT NEW.code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER regions_delete_version AFTER DELETE ON regions BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tps_insert_version AFTER INSERT ON tps BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tps_update_version AFTER UPDATE ON tps BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT NEW.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) AND OLD.code IS NOT NEW.code UNION ALL SELECT 'ID', 1 WHERE OLD.code IS NOT NEW.code ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tps_delete_version AFTER DELETE ON tps BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT OLD.code AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_flags_insert_version AFTER INSERT ON official_flags BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT (SELECT tps_code FROM official_versions WHERE id = NEW.version_id) AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_flags_update_version AFTER UPDATE ON official_flags BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT (SELECT tps_code FROM official_versions WHERE id = NEW.version_id) AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER official_flags_delete_version AFTER DELETE ON official_flags BEGIN
  INSERT INTO region_versions (code, n) SELECT substr(c, 1, k), 1 FROM (SELECT (SELECT tps_code FROM official_versions WHERE id = OLD.version_id) AS c), (SELECT 2 AS k UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 10 UNION ALL SELECT 13) WHERE k <= length(c) UNION ALL SELECT 'ID', 1 WHERE true ON CONFLICT (code) DO UPDATE SET n = n + 1;
END;
