-- A guess names no code, so every wrong try counts against every live code; a code that
-- has met too many is locked and must be issued again from the console.
ALTER TABLE binding_codes ADD COLUMN wrong_tries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE binding_codes ADD COLUMN locked_at TEXT;
