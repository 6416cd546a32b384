-- A published reading item can be withdrawn (unpublished) by its organizer: it leaves
-- every reader's list, the digest and progress, and a scheduled one is never published.
ALTER TABLE reading_items ADD COLUMN withdrawn_at TEXT;
