-- When the last reminder of any kind and the last organizer's "please answer" round went out:
-- no two reminders within ten minutes, and a cooldown on the organizer's button.
ALTER TABLE meetings ADD COLUMN last_reminded_at TEXT;
ALTER TABLE meetings ADD COLUMN last_nudged_at TEXT;
