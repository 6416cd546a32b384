-- A person's own opinions: on one consultation (its page shows her what became of hers), and all of
-- them when her data is erased. Found by her, not by reading every opinion of the consultation.
CREATE INDEX survey_opinions_person ON survey_opinions(mp_user_id, survey_id, created_at);
