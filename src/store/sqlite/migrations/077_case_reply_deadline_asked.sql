-- 要求答复日期 (review 37 § 6): staff may set an earlier reply deadline when they assign a message. reply_due_at then
-- holds theirs, which the SLA job, the overdue filter and 按时答复 judge by as before; this keeps the rules' (SLA) reply
-- deadline beside it (CaseRecord.slaReplyDueAt): no later date may be asked for, and the resident keeps the date she was
-- told. NULL when reply_due_at is the rules' own. Not read by any count: no trigger or index needs it.
ALTER TABLE cases ADD COLUMN sla_reply_due_at TEXT;
