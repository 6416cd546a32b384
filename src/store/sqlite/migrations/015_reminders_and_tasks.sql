-- When the last reminder of any kind and the last organizer's "please answer" round went out:
-- no two reminders within ten minutes, and a cooldown on the organizer's button.
ALTER TABLE meetings ADD COLUMN last_reminded_at TEXT;
ALTER TABLE meetings ADD COLUMN last_nudged_at TEXT;

-- What people are asked to do (我的待办, the digest): surveys taking answers now.
CREATE INDEX surveys_closes ON surveys(closes_at, id);

-- The districts of the people a meeting invites: their organizers follow a city-level meeting.
ALTER TABLE meetings ADD COLUMN audience_district_ids TEXT NOT NULL DEFAULT '[]';
