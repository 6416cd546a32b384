-- Review 36: joining a resident's chat to her mini-program account, made safe.
--
-- Binding codes: `purpose` (deputy, staff, resident), so that a wrong try counts against the live codes of the kind
-- typed (a resident's eight digits apart from deputies' and staff's six: residents' typos never lock a deputy's code);
-- `code_key`, the code's own hash whatever its purpose, unique, so that one code is never two purposes' at once (a
-- staff member's code binding him as a deputy). Rows from before have neither: counted with deputies' and staff's.
-- Codes are deleted some days after they expire (the maintenance job), by `expires_at`.
ALTER TABLE binding_codes ADD COLUMN purpose TEXT;
ALTER TABLE binding_codes ADD COLUMN code_key TEXT;
CREATE UNIQUE INDEX binding_codes_key ON binding_codes(code_key) WHERE code_key IS NOT NULL;
CREATE INDEX binding_codes_expiry ON binding_codes(expires_at);

-- One row per mini-program account: the chat that sent her code, waiting for her answer (是我的 / 不是我的) until the
-- code's end, then, once she said it was hers, the chat joined (`joined_at`), until she undoes it (解除). The chat's
-- WeChat name is what she is asked about and later told of; it goes with the row (her answer, 解除, the request
-- lapsing, her erasure). `chat_person_id` stays after the join: what was written under it meanwhile is moved after.
CREATE TABLE chat_joins (
  account_id     TEXT PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  chat_person_id TEXT NOT NULL,
  chat_name      TEXT,
  requested_at   TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  joined_at      TEXT
) WITHOUT ROWID;
CREATE INDEX chat_joins_chat ON chat_joins(chat_person_id);
CREATE INDEX chat_joins_joined ON chat_joins(joined_at) WHERE joined_at IS NOT NULL;
CREATE INDEX chat_joins_waiting ON chat_joins(expires_at) WHERE joined_at IS NULL;
