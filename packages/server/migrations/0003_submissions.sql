-- Cocok schema, version 3: witness uploads (photos, submissions), the reading queue, confirmed values.

-- One row per distinct original photo (content-addressed by its SHA-256; the file lives under
-- UPLOADS_DIR/originals). width/height are upright (EXIF orientation applied). dhash is the 64-bit
-- perceptual hash as 16 hex digits, also split into four 16-bit bands so near-identical photos are
-- found through indexes (two hashes within distance 6 agree within one bit on at least one band).
-- captured_at, device and GPS come from EXIF and are for moderators only.
CREATE TABLE photos (
  sha256 TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('jpeg', 'png', 'webp', 'heic')),
  size_bytes INTEGER NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  dhash TEXT NOT NULL,
  dhash_b0 INTEGER NOT NULL,
  dhash_b1 INTEGER NOT NULL,
  dhash_b2 INTEGER NOT NULL,
  dhash_b3 INTEGER NOT NULL,
  captured_at TEXT,
  device_make TEXT,
  device_model TEXT,
  gps_lat REAL,
  gps_lon REAL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX photos_by_b0 ON photos(dhash_b0);
CREATE INDEX photos_by_b1 ON photos(dhash_b1);
CREATE INDEX photos_by_b2 ON photos(dhash_b2);
CREATE INDEX photos_by_b3 ON photos(dhash_b3);

-- A witness's upload for one TPS. Never deleted: withdrawing keeps the row.
CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  tps_code TEXT NOT NULL REFERENCES tps(code),
  user_id INTEGER NOT NULL REFERENCES users(id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'withdrawn')),
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  withdrawn_at TEXT
);
CREATE INDEX submissions_by_tps ON submissions(tps_code, status);
CREATE INDEX submissions_by_user ON submissions(user_id, created_at);

-- The photos of a submission, with what the reader made of each. reading is the FormReading JSON;
-- page is null until read, and stays null when the reader says the photo is not a form page.
CREATE TABLE submission_photos (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  sha256 TEXT NOT NULL REFERENCES photos(sha256),
  position INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'uploaded' CHECK (state IN ('uploaded', 'reading', 'read', 'failed')),
  page INTEGER CHECK (page IN (1, 2, 3)),
  reading TEXT,
  failure TEXT,
  UNIQUE (submission_id, sha256)
);
CREATE INDEX submission_photos_by_sha ON submission_photos(sha256);

-- The same or a near-identical photo already submitted for another TPS: kept, flagged for moderators.
CREATE TABLE photo_duplicates (
  submission_photo_id INTEGER NOT NULL REFERENCES submission_photos(id),
  other_submission_photo_id INTEGER NOT NULL REFERENCES submission_photos(id),
  other_tps_code TEXT NOT NULL,
  distance INTEGER NOT NULL,
  exact INTEGER NOT NULL,
  PRIMARY KEY (submission_photo_id, other_submission_photo_id)
) WITHOUT ROWID;

-- The reading queue, one job per submission photo. attempts counts starts, so a photo that kills the
-- process every time it is read ends 'failed' instead of looping. run_after delays a retry.
CREATE TABLE reading_jobs (
  id INTEGER PRIMARY KEY,
  submission_photo_id INTEGER NOT NULL UNIQUE REFERENCES submission_photos(id),
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  run_after TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX reading_jobs_by_state ON reading_jobs(state, run_after, id);

-- Per field of a confirmed submission: what the machine read and what the witness confirmed, by whom, when.
CREATE TABLE submission_values (
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  field TEXT NOT NULL,
  machine_value INTEGER,
  machine_confidence REAL,
  machine_review INTEGER,
  confirmed_value INTEGER,
  confirmed_by INTEGER NOT NULL REFERENCES users(id),
  confirmed_at TEXT NOT NULL,
  PRIMARY KEY (submission_id, field)
) WITHOUT ROWID;

-- Failed consistency checks of the confirmed values (warnings, not refusals), with the numbers (JSON).
CREATE TABLE submission_flags (
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  check_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (submission_id, check_id)
) WITHOUT ROWID;
