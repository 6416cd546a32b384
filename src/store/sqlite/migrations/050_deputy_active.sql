-- A deputy who has left office (resigned, term ended, passed away) is kept for the history of
-- their cases but taken out of service: routing passes them over, residents are not offered them.
ALTER TABLE deputies ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
