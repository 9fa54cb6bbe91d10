-- Cocok schema, version 2: accounts and sessions.

-- contact is normalised (phone as +62..., e-mail lower-cased) so one person cannot register twice by
-- spelling it differently. pseudonym is random and stable: the public sees it instead of the name.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  contact TEXT NOT NULL UNIQUE,
  contact_kind TEXT NOT NULL CHECK (contact_kind IN ('phone', 'email')),
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'witness' CHECK (role IN ('witness', 'moderator', 'admin')),
  pseudonym TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  banned_at TEXT
);

-- Only the SHA-256 of the session id is stored: a copy of the database does not log anyone in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
