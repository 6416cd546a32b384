-- 代表建议: a deputy's formal suggestion. The record travels whole as JSON (`doc`, one
-- codec shared with the mongo adapter); the columns beside it are what lists filter on.
CREATE TABLE suggestions (
  id              TEXT PRIMARY KEY,
  number          TEXT UNIQUE,
  year            INTEGER NOT NULL,
  status          TEXT NOT NULL,
  deputy_id       TEXT NOT NULL,
  cosigner_ids    TEXT NOT NULL DEFAULT '[]', -- JSON array
  district_id     TEXT,
  unit_ids        TEXT NOT NULL DEFAULT '[]', -- JSON array: lead unit, then co-units
  key_supervision INTEGER NOT NULL DEFAULT 0,
  deadline        TEXT,
  cosign_until    TEXT,
  published       INTEGER NOT NULL DEFAULT 0,
  search_text     TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  version         INTEGER NOT NULL,
  doc             TEXT NOT NULL
);
CREATE INDEX suggestions_by_time ON suggestions (created_at DESC, id DESC);
CREATE INDEX suggestions_by_deputy ON suggestions (deputy_id);
CREATE INDEX suggestions_by_status ON suggestions (status, deadline);

CREATE TABLE suggestion_counters (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);
