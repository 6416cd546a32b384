-- Delivery: outbox leases and outcomes, subscription credits, deputies' binding codes,
-- and the bot's addresses for people.
ALTER TABLE outbox ADD COLUMN lease_holder TEXT;
ALTER TABLE outbox ADD COLUMN lease_until TEXT;
ALTER TABLE outbox ADD COLUMN sent_at TEXT;
ALTER TABLE outbox ADD COLUMN address TEXT; -- where the chosen channel delivers (openid, robot, contact, room)
ALTER TABLE outbox ADD COLUMN waiting_reason TEXT; -- why it is not sent yet, for the console
CREATE INDEX outbox_channel_due ON outbox(channel, status, next_attempt_at);

ALTER TABLE mp_users ADD COLUMN bot_contact_id TEXT;
CREATE UNIQUE INDEX mp_users_bot_contact ON mp_users(bot_contact_id) WHERE bot_contact_id IS NOT NULL;

CREATE TABLE subscription_credits (
  user_id     TEXT NOT NULL,
  template_id TEXT NOT NULL,
  one_time    INTEGER NOT NULL DEFAULT 0, -- sends left from one-time acceptances
  long_term   INTEGER NOT NULL DEFAULT 0, -- 1 while a long-term subscription is on
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (user_id, template_id)
);

CREATE TABLE binding_codes (
  code_hash  TEXT PRIMARY KEY,
  deputy_id  TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  used_by    TEXT
);
CREATE INDEX binding_codes_deputy ON binding_codes(deputy_id);
