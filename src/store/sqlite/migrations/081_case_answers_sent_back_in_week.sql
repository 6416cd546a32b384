-- The weekly report's 本周答复 counts the answers given in its week (listAnsweredIn, through replied_at: migration 072).
-- A resident who sends an answer back (重新办理) clears the case's replied_at for the new round (078 keeps how the round
-- did), so an answer given in the week and then sent back dropped out of the week it was given in. The answer steps of
-- a week are read through their times here (src/store/sqlite/case-repos.ts listAnswersSentBackIn), as the week's
-- ratings are (076): a week's answers, not the scope's years of events. Only answer steps are in it: a new message
-- writes none.
CREATE INDEX case_events_replied ON case_events(at) WHERE type = 'replied';
