-- The weekly report counts a week's answers by when they were given (本周答复, 答复最慢的留言), an answer to a message
-- written a month before too: the cases replied, and those closed, within a week, read through their own times
-- (src/store/sqlite/case-repos.ts listAnsweredIn), never every case of the scope. A new message enters none of these
-- (test/store/case-write-indexes.test.ts).
CREATE INDEX cases_replied_at ON cases(replied_at) WHERE replied_at IS NOT NULL;
-- The closed are found through cases_closed_retention (migration 041) while not anonymised, and through this one
-- after: one index of every closed case would also serve the retention job's query, which its own index reads in
-- closing order, only the cases not yet anonymised.
CREATE INDEX cases_closed_anonymised ON cases(closed_at) WHERE anonymised_at IS NOT NULL;
