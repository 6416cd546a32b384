-- The deputies' daily digest: their choices, and one row per deputy per day sent, so that
-- a re-run or a second instance never sends a second digest.
CREATE TABLE digest_preferences (
  deputy_id     TEXT PRIMARY KEY,
  channels      TEXT NOT NULL, -- JSON array, in the order the deputy prefers
  send_at       TEXT,          -- HH:MM local time; null = the office's default
  mute_weekends INTEGER NOT NULL DEFAULT 0,
  updated_at    TEXT NOT NULL
);

CREATE TABLE digests (
  deputy_id  TEXT NOT NULL,
  day        TEXT NOT NULL, -- YYYY-MM-DD in the business time zone
  created_at TEXT NOT NULL,
  outbox_id  TEXT NOT NULL,
  PRIMARY KEY (deputy_id, day)
);
CREATE INDEX digests_day ON digests(day);
