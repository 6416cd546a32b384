-- The statistics' medians per station and over every case, found inside one small stretch of an index
-- instead of halfway along it. Each live case's times (in ms, as migration 037's indexes hold them) are
-- counted per bucket of a fixed scale: per station, and over every case (place ''). A group's middle
-- is then in a known bucket: the seek starts at that bucket's lower edge (`ms >= lo`, on the same
-- indexes) and steps only past the values of that bucket that come before it.
-- The buckets are quarter octaves from one minute (under a minute: bucket 0) to about 20 months (80).
-- As with 037, a new case has no times, so a submission writes none of this; an acknowledgement or
-- a reply moves a case's counts. The arithmetic of the times is 037's, character for character.

CREATE TABLE case_time_edges (bucket INTEGER PRIMARY KEY, lo INTEGER NOT NULL UNIQUE);
INSERT INTO case_time_edges (bucket, lo) VALUES (0, -9223372036854775808),
  (1, 60000), (2, 71352), (3, 84853), (4, 100908), (5, 120000), (6, 142705), (7, 169706), (8, 201815),
  (9, 240000), (10, 285410), (11, 339411), (12, 403630), (13, 480000), (14, 570819), (15, 678823), (16, 807261),
  (17, 960000), (18, 1141639), (19, 1357645), (20, 1614521), (21, 1920000), (22, 2283278), (23, 2715290), (24, 3229042),
  (25, 3840000), (26, 4566555), (27, 5430580), (28, 6458084), (29, 7680000), (30, 9133111), (31, 10861160), (32, 12916169),
  (33, 15360000), (34, 18266221), (35, 21722320), (36, 25832338), (37, 30720000), (38, 36532443), (39, 43444641), (40, 51664676),
  (41, 61440000), (42, 73064885), (43, 86889281), (44, 103329352), (45, 122880000), (46, 146129770), (47, 173778563), (48, 206658703),
  (49, 245760000), (50, 292259541), (51, 347557125), (52, 413317406), (53, 491520000), (54, 584519081), (55, 695114250), (56, 826634812),
  (57, 983040000), (58, 1169038162), (59, 1390228500), (60, 1653269624), (61, 1966080000), (62, 2338076325), (63, 2780457001), (64, 3306539248),
  (65, 3932160000), (66, 4676152649), (67, 5560914001), (68, 6613078496), (69, 7864320000), (70, 9352305299), (71, 11121828003), (72, 13226156993),
  (73, 15728640000), (74, 18704610597), (75, 22243656006), (76, 26452313986), (77, 31457280000), (78, 37409221195), (79, 44487312011), (80, 52904627971);

-- kind 'ack' or 'reply'; place: a station's id, or '' for every case; counts: a JSON array, one count per bucket;
-- version: drawn anew (random, so never back to an earlier one after a rollback) whenever the place's times
-- change, so a reader may keep the middles it found for a place until its version changes.
CREATE TABLE case_time_histograms (
  kind TEXT NOT NULL,
  place TEXT NOT NULL,
  counts TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, place)
) WITHOUT ROWID;

WITH times AS MATERIALIZED (
  SELECT 'ack' AS kind, station_id, coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(cases.acknowledged_at, cases.replied_at), 'subsec') - unixepoch(cases.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) AS bucket FROM cases
  WHERE cases.status NOT IN ('withdrawn', 'rejected') AND cases.merged_into IS NULL AND coalesce(cases.acknowledged_at, cases.replied_at) IS NOT NULL
  UNION ALL
  SELECT 'reply', station_id, coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(cases.replied_at, 'subsec') - unixepoch(cases.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) FROM cases
  WHERE cases.status NOT IN ('withdrawn', 'rejected') AND cases.merged_into IS NULL AND cases.replied_at IS NOT NULL
),
counted AS MATERIALIZED (
  SELECT kind, '' AS place, bucket, count(*) AS n FROM times GROUP BY 1, 2, 3
  UNION ALL
  SELECT kind, station_id, bucket, count(*) FROM times WHERE station_id IS NOT NULL GROUP BY 1, 2, 3
)
INSERT INTO case_time_histograms (kind, place, counts)
  SELECT p.kind, p.place, (SELECT json_group_array(coalesce(c.n, 0) ORDER BY e.bucket) FROM case_time_edges e
    LEFT JOIN counted c ON c.kind = p.kind AND c.place = p.place AND c.bucket = e.bucket)
  FROM (SELECT DISTINCT kind, place FROM counted) p;

CREATE TRIGGER case_time_histograms_added AFTER INSERT ON cases
WHEN NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO case_time_histograms (kind, place, counts)
    SELECT kind, place, (SELECT json_group_array(0) FROM case_time_edges)
    FROM (SELECT 'ack' AS kind WHERE NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL UNION ALL SELECT 'reply' WHERE NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND NEW.replied_at IS NOT NULL)
    JOIN (SELECT '' AS place UNION ALL SELECT NEW.station_id WHERE NEW.station_id IS NOT NULL);
  UPDATE case_time_histograms SET version = random(), counts = json_replace(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(NEW.acknowledged_at, NEW.replied_at), 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']', json_extract(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(NEW.acknowledged_at, NEW.replied_at), 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']') + 1)
  WHERE kind = 'ack' AND place IN ('', coalesce(NEW.station_id, '')) AND NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL;
  UPDATE case_time_histograms SET version = random(), counts = json_replace(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(NEW.replied_at, 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']', json_extract(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(NEW.replied_at, 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']') + 1)
  WHERE kind = 'reply' AND place IN ('', coalesce(NEW.station_id, '')) AND NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND NEW.replied_at IS NOT NULL;
END;

CREATE TRIGGER case_time_histograms_removed AFTER DELETE ON cases
WHEN OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND coalesce(OLD.acknowledged_at, OLD.replied_at) IS NOT NULL
BEGIN
  UPDATE case_time_histograms SET version = random(), counts = json_replace(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(OLD.acknowledged_at, OLD.replied_at), 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']', json_extract(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(OLD.acknowledged_at, OLD.replied_at), 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']') - 1)
  WHERE kind = 'ack' AND place IN ('', coalesce(OLD.station_id, '')) AND OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND coalesce(OLD.acknowledged_at, OLD.replied_at) IS NOT NULL;
  UPDATE case_time_histograms SET version = random(), counts = json_replace(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(OLD.replied_at, 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']', json_extract(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(OLD.replied_at, 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']') - 1)
  WHERE kind = 'reply' AND place IN ('', coalesce(OLD.station_id, '')) AND OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND OLD.replied_at IS NOT NULL;
END;

-- Out of the old bucket and place, into the new, when a case's standing, station or time changed: one
-- trigger per kind of time, so that a reply leaves the acknowledgements' counts (and their version) alone.
CREATE TRIGGER case_time_histograms_ack_changed AFTER UPDATE OF status, merged_into, created_at, acknowledged_at, replied_at, station_id ON cases
WHEN (OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND coalesce(OLD.acknowledged_at, OLD.replied_at) IS NOT NULL, OLD.station_id, CAST(round((unixepoch(coalesce(OLD.acknowledged_at, OLD.replied_at), 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER)) IS NOT (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL, NEW.station_id, CAST(round((unixepoch(coalesce(NEW.acknowledged_at, NEW.replied_at), 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER))
BEGIN
  UPDATE case_time_histograms SET version = random(), counts = json_replace(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(OLD.acknowledged_at, OLD.replied_at), 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']', json_extract(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(OLD.acknowledged_at, OLD.replied_at), 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']') - 1)
  WHERE kind = 'ack' AND place IN ('', coalesce(OLD.station_id, '')) AND OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND coalesce(OLD.acknowledged_at, OLD.replied_at) IS NOT NULL;
  INSERT OR IGNORE INTO case_time_histograms (kind, place, counts)
    SELECT 'ack', place, (SELECT json_group_array(0) FROM case_time_edges)
    FROM (SELECT '' AS place UNION ALL SELECT NEW.station_id WHERE NEW.station_id IS NOT NULL)
    WHERE NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL;
  UPDATE case_time_histograms SET version = random(), counts = json_replace(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(NEW.acknowledged_at, NEW.replied_at), 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']', json_extract(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(coalesce(NEW.acknowledged_at, NEW.replied_at), 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']') + 1)
  WHERE kind = 'ack' AND place IN ('', coalesce(NEW.station_id, '')) AND NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND coalesce(NEW.acknowledged_at, NEW.replied_at) IS NOT NULL;
END;

CREATE TRIGGER case_time_histograms_reply_changed AFTER UPDATE OF status, merged_into, created_at, replied_at, station_id ON cases
WHEN (OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND OLD.replied_at IS NOT NULL, OLD.station_id, CAST(round((unixepoch(OLD.replied_at, 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER)) IS NOT (NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND NEW.replied_at IS NOT NULL, NEW.station_id, CAST(round((unixepoch(NEW.replied_at, 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER))
BEGIN
  UPDATE case_time_histograms SET version = random(), counts = json_replace(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(OLD.replied_at, 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']', json_extract(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(OLD.replied_at, 'subsec') - unixepoch(OLD.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']') - 1)
  WHERE kind = 'reply' AND place IN ('', coalesce(OLD.station_id, '')) AND OLD.status NOT IN ('withdrawn', 'rejected') AND OLD.merged_into IS NULL AND OLD.replied_at IS NOT NULL;
  INSERT OR IGNORE INTO case_time_histograms (kind, place, counts)
    SELECT 'reply', place, (SELECT json_group_array(0) FROM case_time_edges)
    FROM (SELECT '' AS place UNION ALL SELECT NEW.station_id WHERE NEW.station_id IS NOT NULL)
    WHERE NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND NEW.replied_at IS NOT NULL;
  UPDATE case_time_histograms SET version = random(), counts = json_replace(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(NEW.replied_at, 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']', json_extract(counts, '$[' || coalesce((SELECT bucket FROM case_time_edges WHERE lo <= CAST(round((unixepoch(NEW.replied_at, 'subsec') - unixepoch(NEW.created_at, 'subsec')) * 1000) AS INTEGER) ORDER BY lo DESC LIMIT 1), 0) || ']') + 1)
  WHERE kind = 'reply' AND place IN ('', coalesce(NEW.station_id, '')) AND NEW.status NOT IN ('withdrawn', 'rejected') AND NEW.merged_into IS NULL AND NEW.replied_at IS NOT NULL;
END;
