-- 只看已超期 and the 工作概览's overdue counts at a province's scale: the day a suggestion counts overdue after (dueBy in
-- src/domain/suggestion-due.ts: the deadline while a unit owes the answer, the promised day while a promise waits for its
-- report, nothing otherwise) is kept beside the record, as the codec derives it, so the store finds the overdue by
-- `due_by < today` instead of the office reading every open suggestion. The partial index holds only what is owed by a
-- day, in the list's order (the earliest day, then id), with what the counts and the office's filter read, so the counts
-- never open the table.
ALTER TABLE suggestions ADD COLUMN due_by TEXT;

-- The records kept before: the same rule, once, from their JSON (the latest lead answer's promise, when it is one).
UPDATE suggestions SET due_by = CASE
  WHEN status IN ('assigned', 'rehandling') THEN deadline
  WHEN status = 'following' THEN (
    SELECT CASE WHEN json_extract(a.value, '$.category') = 'in_progress' THEN json_extract(a.value, '$.plannedBy') END
    FROM json_each(doc, '$.answers') AS a
    WHERE json_extract(a.value, '$.role') = 'lead'
    ORDER BY a.key DESC
    LIMIT 1
  )
END;

CREATE INDEX suggestions_due ON suggestions (due_by, id, district_id, status, key_supervision) WHERE due_by IS NOT NULL;
