-- A survey or consultation may be asked of named deputies (told at publishing, followed in reports).
ALTER TABLE surveys ADD COLUMN audience_deputy_ids TEXT;
