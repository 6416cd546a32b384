-- People of the mini-program and the bot, cases with their timeline, the outbox,
-- ticket numbers and idempotency keys.
CREATE TABLE mp_users (
  id              TEXT PRIMARY KEY,
  openid          TEXT UNIQUE,
  unionid         TEXT,
  deputy_id       TEXT UNIQUE,
  phone_enc       TEXT,
  phone_index     TEXT,
  consent_version TEXT,
  consent_at      TEXT,
  created_at      TEXT NOT NULL
);

CREATE TABLE ticket_counters (
  day  TEXT PRIMARY KEY, -- YYYYMMDD in the business time zone
  last INTEGER NOT NULL
);

CREATE TABLE cases (
  id                 TEXT PRIMARY KEY,
  ticket             TEXT NOT NULL UNIQUE,
  resident_id        TEXT NOT NULL,
  text               TEXT NOT NULL,
  images             TEXT NOT NULL, -- JSON array
  region_id          TEXT,
  community_id       TEXT,
  district_id        TEXT,
  station_id         TEXT,
  deputy_id          TEXT,
  office_region_id   TEXT,
  topic              TEXT NOT NULL,
  status             TEXT NOT NULL,
  anonymous          INTEGER NOT NULL,
  public_consent     INTEGER NOT NULL,
  phone_enc          TEXT,
  routing_reasons    TEXT NOT NULL, -- JSON array
  flagged_for_review INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  ack_due_at         TEXT NOT NULL,
  reply_due_at       TEXT NOT NULL,
  next_due_at        TEXT, -- the deadline that matters now; null when none does
  acknowledged_at    TEXT,
  replied_at         TEXT,
  closed_at          TEXT,
  reply              TEXT,
  forwarded_to       TEXT, -- JSON object
  rating             INTEGER,
  rating_comment     TEXT,
  rated_at           TEXT,
  merged_into        TEXT,
  ack_escalation     INTEGER NOT NULL DEFAULT 0,
  reply_escalation   INTEGER NOT NULL DEFAULT 0,
  reopen_count       INTEGER NOT NULL DEFAULT 0,
  idempotency_key    TEXT,
  version            INTEGER NOT NULL,
  UNIQUE (resident_id, idempotency_key)
);
CREATE INDEX cases_resident ON cases(resident_id, created_at);
CREATE INDEX cases_deputy ON cases(deputy_id, status);
CREATE INDEX cases_station ON cases(station_id, created_at);
CREATE INDEX cases_district ON cases(district_id, created_at);
CREATE INDEX cases_community ON cases(community_id, created_at);
CREATE INDEX cases_status_due ON cases(status, next_due_at);
CREATE INDEX cases_created ON cases(created_at, id);

CREATE TABLE case_events (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases(id),
  seq         INTEGER NOT NULL, -- order within the case, for events of the same instant
  at          TEXT NOT NULL,
  type        TEXT NOT NULL,
  actor_role  TEXT NOT NULL,
  actor_id    TEXT,
  from_status TEXT,
  to_status   TEXT,
  note        TEXT,
  data        TEXT NOT NULL -- JSON object
);
CREATE INDEX case_events_case ON case_events(case_id, seq);

CREATE TABLE outbox (
  id              TEXT PRIMARY KEY,
  channel         TEXT NOT NULL,
  recipient_kind  TEXT NOT NULL,
  recipient_id    TEXT NOT NULL,
  kind            TEXT NOT NULL,
  payload         TEXT NOT NULL, -- JSON object
  dedupe_key      TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_recipient ON outbox(recipient_id, created_at);

CREATE TABLE idempotency_keys (
  scope        TEXT NOT NULL,
  key          TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status       INTEGER,
  body         TEXT,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_created ON idempotency_keys(created_at);
