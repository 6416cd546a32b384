-- The console's search by text: every message's text indexed by trigrams (any three
-- characters in a row), so Chinese, which has no spaces between words, is found by any
-- substring of three characters or more. External content: the text lives once, in cases;
-- the index follows it through the triggers below. It is keyed by the cases table's rowid
-- (cases has no INTEGER PRIMARY KEY): should a VACUUM ever renumber rows, run
-- INSERT INTO cases_fts(cases_fts) VALUES ('rebuild').
CREATE VIRTUAL TABLE cases_fts USING fts5(text, content = 'cases', content_rowid = 'rowid', tokenize = 'trigram');

CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
  INSERT INTO cases_fts(rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

-- Every case update writes the text column too (the adapter sets all columns): only a real
-- change (an erasure under PIPL, say) touches the index.
CREATE TRIGGER cases_fts_update AFTER UPDATE OF text ON cases WHEN old.text IS NOT new.text BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO cases_fts(rowid, text) VALUES (new.rowid, new.text);
END;

-- The cases written before this migration.
INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');
