-- Each deputy's newest digest, found with one index seek per deputy: the morning's run asks
-- for it, and the digests table grows by every deputy every day (100,000 × 365 rows a year
-- in a province), which a GROUP BY over the table would read whole each morning.
CREATE INDEX digests_deputy_made ON digests(deputy_id, created_at);
