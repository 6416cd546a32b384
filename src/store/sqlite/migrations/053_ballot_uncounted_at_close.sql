-- A ballot's count fixed when it closes: the deputies of its roll left out of the pass rule's base
-- (JSON array of ids; NULL until it has closed). Kept apart from the ballot's rules, which every
-- correction rewrites, so that only the store's own one-time write sets it and none erases it.
ALTER TABLE surveys ADD COLUMN uncounted_at_close TEXT;
-- The closed ballots still to be counted, found each minute without reading every survey.
CREATE INDEX surveys_ballots_to_count ON surveys(closes_at) WHERE kind = 'ballot' AND uncounted_at_close IS NULL;
