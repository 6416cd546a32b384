-- 群众不满意 (the inbox's filter; domain/case-unhappy.ts): a low score this round, or reopened and not
-- rated again. A few cases in a hundred: read newest first through their own index, the list's order,
-- rather than walking a province's million cases to meet them. The condition is filterClauses's, word
-- for word (2 is UNHAPPY_AT_MOST), so that SQLite sees the query's term implies it.
CREATE INDEX cases_unhappy_created ON cases(created_at, id) WHERE rating <= 2 OR (rating IS NULL AND reopen_count > 0);
