-- Privacy: when a case was anonymised (on request or after the retention period) and when
-- a person's account was erased. Both rows stay, holding nothing personal, so counts hold.
ALTER TABLE cases ADD COLUMN anonymised_at TEXT;
ALTER TABLE mp_users ADD COLUMN erased_at TEXT;
CREATE INDEX cases_closed_retention ON cases(closed_at) WHERE anonymised_at IS NULL;
CREATE INDEX quiz_attempts_person ON quiz_attempts(person_id);
CREATE INDEX survey_responses_mp_user ON survey_responses(mp_user_id) WHERE mp_user_id IS NOT NULL;
-- Messages about a case quote its first words: anonymising the case masks them too.
CREATE INDEX outbox_case ON outbox(json_extract(payload, '$.caseId'));
