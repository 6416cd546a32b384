-- 超期 is the reply deadline's alone (src/domain/case-stats.ts waitingLate): the inbox's 只看已超期 and 工作概览's 已经超期
-- listed and counted a message whose acknowledgement deadline had passed, while its badge said 未按时受理. The overdue
-- filter now asks for the open cases whose reply_due_at has passed, and 只看未按时受理 for those whose next deadline (the
-- acknowledgement's) has passed and whose reply deadline has not (src/store/sqlite/case-filter-sql.ts). "Overdue, newest
-- first" across a province walks the open cases' own index (034): the reply deadline goes into it beside the next one, so
-- the walk still skips the cases not late without reading them from the table. The same index, one column wider: a new
-- message writes no more index entries than before.
DROP INDEX IF EXISTS cases_open_created;
CREATE INDEX cases_open_created ON cases(created_at, id, next_due_at, reply_due_at) WHERE next_due_at IS NOT NULL;
