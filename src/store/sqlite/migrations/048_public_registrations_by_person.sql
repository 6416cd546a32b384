-- A person's public meeting registrations (公民旁听), found by who registered: their copy of their data
-- lists them, and erasure masks the name they gave (src/store/sqlite/privacy-repo.ts). The primary key
-- (meeting_id, mp_user_id) finds them only meeting by meeting.
CREATE INDEX meeting_public_registrations_person ON meeting_public_registrations (mp_user_id);
