-- 暂停接收留言: a deputy away (on leave, studying, in hospital) from one local date to another, both
-- included. Routing gives him no new message on those dates; the mark ends by itself after the last
-- one, so nothing clears it. Not part of a directory import: the import's upsert leaves these alone.
ALTER TABLE deputies ADD COLUMN away_from TEXT;
ALTER TABLE deputies ADD COLUMN away_until TEXT;
ALTER TABLE deputies ADD COLUMN away_reason TEXT;
ALTER TABLE deputies ADD COLUMN away_note TEXT;
