-- A one-time activation code (its keyed hash) for staff whose sync file gave no initial password.
ALTER TABLE staff ADD COLUMN activation_hash TEXT;
