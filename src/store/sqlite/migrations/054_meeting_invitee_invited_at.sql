-- When each person was invited: someone added after the reply deadline may answer until the
-- start. Those invited before are taken as invited at publishing, which is when they were
-- (an invitation added later than that was refused its answer before; it stays as it was).
ALTER TABLE meeting_invitees ADD COLUMN invited_at TEXT;
UPDATE meeting_invitees SET invited_at = (SELECT published_at FROM meetings WHERE meetings.id = meeting_invitees.meeting_id);
