-- Each deputy's newest digest, found with one index seek per deputy: the morning's run asks
-- for it, and the digests table grows by every deputy every day (100,000 × 365 rows a year
-- in a province), which a GROUP BY over the table would read whole each morning.
CREATE INDEX digests_deputy_made ON digests(deputy_id, created_at);

-- A deputy's mini-program and bot accounts: every message to a deputy and every digest with a
-- survey open looks them up, and the partial unique indexes of 018 (deputy_id with openid or
-- with bot contact) cannot serve a plain deputy_id = ?, so each lookup read the whole table.
CREATE INDEX mp_users_deputy ON mp_users(deputy_id, created_at, id);
