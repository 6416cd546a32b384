-- Each deputy's open cases (DEPUTY_LOAD_STATUSES in src/domain/case.ts), kept by triggers in
-- the same transaction as the case: routing reads it for every message, and counting the
-- deputy's cases there grew with their number (a busy deputy's thousands, per message).
CREATE TABLE deputy_loads (
  deputy_id TEXT PRIMARY KEY,
  open_cases INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO deputy_loads (deputy_id, open_cases)
  SELECT deputy_id, count(*) FROM cases
  WHERE deputy_id IS NOT NULL AND status IN ('assigned', 'acknowledged', 'forwarded', 'reopened')
  GROUP BY deputy_id;

CREATE TRIGGER deputy_loads_case_added AFTER INSERT ON cases
WHEN NEW.deputy_id IS NOT NULL AND NEW.status IN ('assigned', 'acknowledged', 'forwarded', 'reopened')
BEGIN
  INSERT INTO deputy_loads (deputy_id, open_cases) VALUES (NEW.deputy_id, 1)
    ON CONFLICT (deputy_id) DO UPDATE SET open_cases = open_cases + 1;
END;

CREATE TRIGGER deputy_loads_case_removed AFTER DELETE ON cases
WHEN OLD.deputy_id IS NOT NULL AND OLD.status IN ('assigned', 'acknowledged', 'forwarded', 'reopened')
BEGIN
  UPDATE deputy_loads SET open_cases = open_cases - 1 WHERE deputy_id = OLD.deputy_id;
END;

-- An update that leaves a counted case with the same deputy changes nothing.
CREATE TRIGGER deputy_loads_case_left AFTER UPDATE OF deputy_id, status ON cases
WHEN OLD.deputy_id IS NOT NULL AND OLD.status IN ('assigned', 'acknowledged', 'forwarded', 'reopened')
  AND NOT (NEW.deputy_id IS OLD.deputy_id AND NEW.status IN ('assigned', 'acknowledged', 'forwarded', 'reopened'))
BEGIN
  UPDATE deputy_loads SET open_cases = open_cases - 1 WHERE deputy_id = OLD.deputy_id;
END;

CREATE TRIGGER deputy_loads_case_joined AFTER UPDATE OF deputy_id, status ON cases
WHEN NEW.deputy_id IS NOT NULL AND NEW.status IN ('assigned', 'acknowledged', 'forwarded', 'reopened')
  AND NOT (OLD.deputy_id IS NEW.deputy_id AND OLD.status IN ('assigned', 'acknowledged', 'forwarded', 'reopened'))
BEGIN
  INSERT INTO deputy_loads (deputy_id, open_cases) VALUES (NEW.deputy_id, 1)
    ON CONFLICT (deputy_id) DO UPDATE SET open_cases = open_cases + 1;
END;
