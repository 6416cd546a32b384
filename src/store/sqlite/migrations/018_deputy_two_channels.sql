-- A deputy may work from the mini-program and from the chat bot at once: at most one
-- mini-program account and one bot contact per deputy, instead of one account in all.
-- SQLite cannot drop a column's UNIQUE, so the table is rebuilt with every column kept.
CREATE TABLE mp_users_new (
  id              TEXT PRIMARY KEY,
  openid          TEXT UNIQUE,
  unionid         TEXT,
  deputy_id       TEXT,
  phone_enc       TEXT,
  phone_index     TEXT,
  consent_version TEXT,
  consent_at      TEXT,
  created_at      TEXT NOT NULL,
  bot_contact_id  TEXT,
  bot_alias       TEXT,
  erased_at       TEXT
);
INSERT INTO mp_users_new (id, openid, unionid, deputy_id, phone_enc, phone_index, consent_version, consent_at, created_at, bot_contact_id, bot_alias, erased_at)
  SELECT id, openid, unionid, deputy_id, phone_enc, phone_index, consent_version, consent_at, created_at, bot_contact_id, bot_alias, erased_at FROM mp_users;
DROP TABLE mp_users;
ALTER TABLE mp_users_new RENAME TO mp_users;
CREATE UNIQUE INDEX mp_users_bot_contact ON mp_users(bot_contact_id) WHERE bot_contact_id IS NOT NULL;
CREATE UNIQUE INDEX mp_users_bot_alias ON mp_users(bot_alias) WHERE bot_alias IS NOT NULL;
CREATE UNIQUE INDEX mp_users_deputy_app ON mp_users(deputy_id) WHERE deputy_id IS NOT NULL AND openid IS NOT NULL;
CREATE UNIQUE INDEX mp_users_deputy_bot ON mp_users(deputy_id) WHERE deputy_id IS NOT NULL AND bot_contact_id IS NOT NULL;
