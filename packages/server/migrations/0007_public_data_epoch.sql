-- Cocok schema, version 7: a counter of changes to what public answers are computed from.
-- The answer micro-cache (server/src/http/answer-cache.ts) reuses a region, TPS or mismatch answer while this
-- counter (and SQLite's data_version, for other connections) stands still. Before it, the cache keyed on every
-- write of the server, so a session's sliding expiry or a reading job's progress emptied it: on a busy count
-- night it would have been empty most of the time. Triggers keep the counter whatever code path writes, so
-- no service has to remember to bump it. Sessions, photos, reading jobs, login limits and the moderation
-- queue's own tables are deliberately not listed: no cached answer reads them.
CREATE TABLE public_data_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
INSERT INTO public_data_epoch (id, n) VALUES (1, 0);

CREATE TRIGGER regions_insert_epoch AFTER INSERT ON regions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER regions_update_epoch AFTER UPDATE ON regions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER regions_delete_epoch AFTER DELETE ON regions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER tps_insert_epoch AFTER INSERT ON tps BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER tps_update_epoch AFTER UPDATE ON tps BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER tps_delete_epoch AFTER DELETE ON tps BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_versions_insert_epoch AFTER INSERT ON official_versions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_versions_update_epoch AFTER UPDATE ON official_versions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_versions_delete_epoch AFTER DELETE ON official_versions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_flags_insert_epoch AFTER INSERT ON official_flags BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_flags_update_epoch AFTER UPDATE ON official_flags BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_flags_delete_epoch AFTER DELETE ON official_flags BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_current_insert_epoch AFTER INSERT ON official_current BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_current_update_epoch AFTER UPDATE ON official_current BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_current_delete_epoch AFTER DELETE ON official_current BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER region_rollups_insert_epoch AFTER INSERT ON region_rollups BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER region_rollups_update_epoch AFTER UPDATE ON region_rollups BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER region_rollups_delete_epoch AFTER DELETE ON region_rollups BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER submissions_insert_epoch AFTER INSERT ON submissions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER submissions_update_epoch AFTER UPDATE ON submissions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER submissions_delete_epoch AFTER DELETE ON submissions BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER crowd_overrides_insert_epoch AFTER INSERT ON crowd_overrides BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER crowd_overrides_update_epoch AFTER UPDATE ON crowd_overrides BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER crowd_overrides_delete_epoch AFTER DELETE ON crowd_overrides BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER tps_comparisons_insert_epoch AFTER INSERT ON tps_comparisons BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER tps_comparisons_update_epoch AFTER UPDATE ON tps_comparisons BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER tps_comparisons_delete_epoch AFTER DELETE ON tps_comparisons BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER crowd_rollups_insert_epoch AFTER INSERT ON crowd_rollups BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER crowd_rollups_update_epoch AFTER UPDATE ON crowd_rollups BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER crowd_rollups_delete_epoch AFTER DELETE ON crowd_rollups BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_disputes_insert_epoch AFTER INSERT ON official_disputes BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_disputes_update_epoch AFTER UPDATE ON official_disputes BEGIN UPDATE public_data_epoch SET n = n + 1; END;
CREATE TRIGGER official_disputes_delete_epoch AFTER DELETE ON official_disputes BEGIN UPDATE public_data_epoch SET n = n + 1; END;
