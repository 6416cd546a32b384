-- When the current activation code first appeared in a sync file: it stops working activationValidDays later.
ALTER TABLE staff ADD COLUMN activation_issued_at TEXT;
-- Codes waiting before this column existed count from now, rather than never expiring or expiring at once.
UPDATE staff SET activation_issued_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE activation_hash IS NOT NULL;
