-- The chat bot: which WeChat contact is which person, dialogue state that survives a
-- restart, message ids already handled, station rooms and staff contacts.
ALTER TABLE mp_users ADD COLUMN bot_alias TEXT;
CREATE UNIQUE INDEX mp_users_bot_alias ON mp_users(bot_alias) WHERE bot_alias IS NOT NULL;

CREATE TABLE bot_dialogues (
  contact_id TEXT PRIMARY KEY,
  state      TEXT NOT NULL, -- JSON object
  updated_at TEXT NOT NULL
);

CREATE TABLE bot_seen_messages (
  message_id TEXT PRIMARY KEY,
  seen_at    TEXT NOT NULL
);
CREATE INDEX bot_seen_at ON bot_seen_messages(seen_at);

CREATE TABLE station_rooms (
  station_id TEXT PRIMARY KEY,
  room_id    TEXT NOT NULL UNIQUE,
  bound_by   TEXT NOT NULL,
  bound_at   TEXT NOT NULL
);

CREATE TABLE staff_contacts (
  staff_id   TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL UNIQUE,
  bound_at   TEXT NOT NULL
);
