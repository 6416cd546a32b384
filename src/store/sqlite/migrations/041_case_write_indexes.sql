-- Fewer index entries per message: every new case wrote one entry in each of 21 secondary
-- indexes of cases (plus its rows, full-text and kept counts), and each entry is a page the
-- group's COMMIT writes to the log. Dropped here are indexes no query plans to use any more
-- (test/store/query-plans.test.ts plans every list, filter and count), and two indexes keep only
-- the cases their one query asks for: a new message now enters 16 of them.

-- (deputy_id, status): only the deputy filter's lookups used it, and cases_deputy_created
-- (deputy_id, created_at, id; migration 029) starts with the same column.
DROP INDEX IF EXISTS cases_deputy;

-- (status, next_due_at): the due-first list sorts by coalesce(next_due_at, '9999'), which this
-- index does not hold, so it served only status lookups; cases_status_created starts the same.
DROP INDEX IF EXISTS cases_status_due;

-- (next_due_at): no plan reads it; the overdue lists use the open cases' index (034) and the
-- due-first orders the coalesce() indexes (029).
DROP INDEX IF EXISTS cases_next_due;

-- The retention job reads closed cases not yet anonymised (closed_at < ?, which implies
-- NOT NULL): a case still open, as every new one is, need not be in the index at all.
DROP INDEX IF EXISTS cases_closed_retention;
CREATE INDEX cases_closed_retention ON cases(closed_at) WHERE closed_at IS NOT NULL AND anonymised_at IS NULL;

-- The rating filter asks for one rating (rating = ?, which implies NOT NULL): a case not yet
-- rated, as every new one is, need not be in its index.
DROP INDEX IF EXISTS cases_rating_created;
CREATE INDEX cases_rating_created ON cases(rating, created_at, id) WHERE rating IS NOT NULL;
