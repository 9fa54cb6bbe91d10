-- Cocok schema, version 12: following KPU's public Sirekap endpoints (issue #13, modules/official-sync).
--
-- One row per URL the follower handles: region lists ('tree'), per-TPS documents, KPU's region aggregates,
-- and page images. The validators (etag, last_modified) make the next request conditional; body_hash is the
-- SHA-256 of the last good body. Only a good answer moves them: a malformed one records its error and keeps
-- the validators of the good body, so the next visit fetches in full instead of getting a 304 for the bad one.
-- cycle_id is the resume cursor: a cycle resumed after a crash skips every URL it already handled.
-- Region lists keep their body, so a cycle walks a list that is not due without asking for it again; a
-- document keeps the image URLs it named (images_json), so an unchanged document still renews their last_seen.
CREATE TABLE official_sync_urls (
  path TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('tree', 'document', 'aggregate', 'image')),
  code TEXT,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  body TEXT,
  images_json TEXT,
  complete INTEGER NOT NULL DEFAULT 0,
  checked_at TEXT,
  changed_at TEXT,
  next_at TEXT,
  cycle_id INTEGER,
  error TEXT,
  error_at TEXT,
  error_count INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX official_sync_urls_by_kind_next ON official_sync_urls(kind, next_at);

-- One row per cycle over a region ('0' = the whole country). An unfinished cycle is resumed by the next run.
CREATE TABLE official_sync_cycles (
  id INTEGER PRIMARY KEY,
  region TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  position TEXT,
  fetched INTEGER NOT NULL DEFAULT 0,
  not_modified INTEGER NOT NULL DEFAULT 0,
  changed INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  photos INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX official_sync_cycles_open ON official_sync_cycles(region, finished_at);

-- KPU's own aggregate of a region, one row per distinct answer (what KPU published, and from when to when).
CREATE TABLE official_aggregates (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  doc_ts TEXT,
  body TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  UNIQUE (code, body_hash)
);

-- KPU's page photos, archived: the bytes are a `photos` row and files in the same content-addressed store as
-- witness photos (so the orphan sweeper keeps them). Each (TPS, page, URL, bytes) is one version: a new URL or
-- new bytes under the same URL is a new row, and the old rows stay. first_seen/last_seen: when a document
-- fetched by the follower named this URL with these bytes, first and most recently.
CREATE TABLE official_photos (
  id INTEGER PRIMARY KEY,
  tps_code TEXT NOT NULL REFERENCES tps(code),
  page INTEGER NOT NULL CHECK (page IN (1, 2, 3)),
  url TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES photos(sha256),
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  UNIQUE (tps_code, page, url, sha256)
);
CREATE INDEX official_photos_by_url ON official_photos(url);
CREATE INDEX official_photos_by_sha ON official_photos(sha256);
