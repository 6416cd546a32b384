-- Attendance (补签) or leave (代请假) that staff recorded for an invitee: who, when, the note,
-- and the answer a leave replaced (JSON, see domain/meeting-staff-entry.ts); NULL when none.
ALTER TABLE meeting_invitees ADD COLUMN staff_entry TEXT;
