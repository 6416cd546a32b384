-- The Idempotency-Key of the request that wrote a response, as a keyed hash (cipher.blindIndex), kept on the
-- response itself: a resend after a lost answer (the same key) is answered with the response already stored
-- (SurveyResponses.respond), nothing written twice. Kept here, not in idempotency_keys, whose rows name the
-- account and the minute: beside a secret ballot's votes, which are stored in the order they were cast, those
-- would tell who voted how. NULL for responses sent without a key, and for those written before.
ALTER TABLE survey_responses ADD COLUMN request_key TEXT;
