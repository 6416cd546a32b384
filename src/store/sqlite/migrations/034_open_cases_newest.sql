-- "Overdue, newest first" at a province's scale: tens of thousands of cases are late, and
-- finding them by deadline meant reading and sorting every one of them for a page of 20.
-- Only open cases have a deadline, so this index holds the open cases alone (a few percent
-- of the table), newest first, with the deadline inside it: a page walks it from the top and
-- stops after 20 late ones, without touching the table for the rest.
CREATE INDEX cases_open_created ON cases(created_at, id, next_due_at) WHERE next_due_at IS NOT NULL;
