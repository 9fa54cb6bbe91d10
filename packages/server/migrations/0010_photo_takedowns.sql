-- Cocok schema, version 10: photo takedowns.
-- A moderator's takedown removes a photo's public copies (display and thumb files) and is recorded here, with
-- the moderation_log row that decided it (append-only, like every decision). The photo route answers 410 for
-- a photo listed here whatever its submissions say, and the orphan sweeper deletes any public copy of it that
-- is still on disk (a crash between the commit and the file deletion, or an upload that raced the takedown).
-- The original and, for HEIC, its readable copy are kept: they are the evidence, reachable by no public URL.
CREATE TABLE photo_takedowns (
  sha256 TEXT PRIMARY KEY REFERENCES photos(sha256),
  decision_id INTEGER NOT NULL REFERENCES moderation_log(id),
  at TEXT NOT NULL
) WITHOUT ROWID;
