-- Whom an invitee calls about a meeting (a leave after the reply deadline, a question): the contact the
-- organizer records (both optional; a name only with a phone), and the office that organized it, named when
-- it was made, said when no contact is recorded. NULL in meetings made before.
ALTER TABLE meetings ADD COLUMN contact_name TEXT;
ALTER TABLE meetings ADD COLUMN contact_phone TEXT;
ALTER TABLE meetings ADD COLUMN organizer TEXT;
