-- A deputy's 已转出 list: the messages he handed on himself (his own 转交, to a colleague or back to the station or
-- office) that are no longer in his hands (src/store/sqlite/case-repos.ts handedOnBy). Read through his own hand-on
-- steps, by their time, never every event of the timeline table.
CREATE INDEX case_events_handed_on ON case_events(actor_id, at) WHERE type = 'transferred' AND actor_role = 'deputy';
