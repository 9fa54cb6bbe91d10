-- Cocok schema, version 5: moderation (audit log, claims, disputed official fields, rejected submissions,
-- public reports, re-queued TPS). Verified figures go to crowd_overrides (0004), which the comparison reads.

-- Every moderation decision, append-only: the triggers below make UPDATE and DELETE fail, so a decision
-- can only be reversed by a newer one. before/after are JSON of what changed; they never hold a name or
-- contact (the public reads this table through GET /api/tps/:code/moderation).
CREATE TABLE moderation_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES users(id),
  actor_role TEXT NOT NULL CHECK (actor_role IN ('moderator', 'admin')),
  action TEXT NOT NULL,
  tps_code TEXT REFERENCES tps(code),
  submission_id INTEGER REFERENCES submissions(id),
  subject_user_id INTEGER REFERENCES users(id),
  before_json TEXT,
  after_json TEXT,
  reason TEXT
);
CREATE INDEX moderation_log_by_tps ON moderation_log(tps_code, id);
CREATE INDEX moderation_log_by_at ON moderation_log(at);

CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON moderation_log
BEGIN
  SELECT RAISE(ABORT, 'moderation_log is append-only: record a new decision instead');
END;
CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON moderation_log
BEGIN
  SELECT RAISE(ABORT, 'moderation_log is append-only: record a new decision instead');
END;
-- INSERT OR REPLACE deletes the old row without firing delete triggers (recursive_triggers is off),
-- so an insert reusing an existing id is refused as well.
CREATE TRIGGER moderation_log_no_replace BEFORE INSERT ON moderation_log
WHEN EXISTS (SELECT 1 FROM moderation_log WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'moderation_log is append-only: record a new decision instead');
END;

-- At most one claim per TPS (the primary key); a claim is taken or renewed in one upsert statement that
-- only overwrites an expired claim or the holder's own, so two moderators cannot both hold one.
CREATE TABLE moderation_claims (
  tps_code TEXT PRIMARY KEY REFERENCES tps(code),
  moderator_id INTEGER NOT NULL REFERENCES users(id),
  claimed_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;

-- Official (KPU) fields a moderator marked wrong, with the official version they were judged against.
CREATE TABLE official_disputes (
  tps_code TEXT NOT NULL REFERENCES tps(code),
  field TEXT NOT NULL,
  official_version_id INTEGER REFERENCES official_versions(id),
  decision_id INTEGER NOT NULL REFERENCES moderation_log(id),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (tps_code, field)
) WITHOUT ROWID;

-- Why a moderator took a submission out of the crowd figures (its status becomes withdrawn).
CREATE TABLE submission_rejections (
  submission_id INTEGER PRIMARY KEY REFERENCES submissions(id),
  reason TEXT NOT NULL CHECK (reason IN ('wrong-tps', 'wrong-page', 'unreadable', 'not-c1', 'duplicate', 'abusive', 'banned-uploader')),
  decision_id INTEGER NOT NULL REFERENCES moderation_log(id)
);

-- Public reports ("Lapor"). Reporters are anonymous: no IP or account is stored. A report stays open
-- until a resolve-report decision records its outcome.
CREATE TABLE tps_reports (
  id INTEGER PRIMARY KEY,
  tps_code TEXT NOT NULL REFERENCES tps(code),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  resolved_decision_id INTEGER REFERENCES moderation_log(id),
  outcome TEXT
);
CREATE INDEX tps_reports_open ON tps_reports(tps_code) WHERE resolved_decision_id IS NULL;

-- TPS put back in the queue by a decision elsewhere (a banned uploader's submissions left its figures).
CREATE TABLE moderation_requeued (
  tps_code TEXT NOT NULL REFERENCES tps(code),
  decision_id INTEGER NOT NULL REFERENCES moderation_log(id),
  at TEXT NOT NULL,
  PRIMARY KEY (tps_code, decision_id)
) WITHOUT ROWID;
