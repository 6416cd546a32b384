-- The weekly report's 满意度 counts the ratings given in its week, to a message of any week (src/store/sqlite/case-repos.ts
-- listRatedIn): the rating events of a week, read through their times, then their cases by id. Not the case's rated_at:
-- a reopen (重新办理) clears it, and the low rating that led to it would drop out of the week it was given in.
CREATE INDEX case_events_rated ON case_events(at) WHERE type = 'rated';
