-- The abuse counters are written with every public booking (one per recipient of its messages);
-- on SQLite the table now lives in its primary key's B-tree, so that a new counter writes one
-- page at a random place instead of two (the table's and its key's). Same columns, same rows.
CREATE TABLE throttle_counters_keyed (
  scope TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, key_hash, window_start)
) {{WITHOUT_ROWID}};
INSERT INTO throttle_counters_keyed (scope, key_hash, window_start, hits)
  SELECT scope, key_hash, window_start, hits FROM throttle_counters;
DROP TABLE throttle_counters;
ALTER TABLE throttle_counters_keyed RENAME TO throttle_counters;
CREATE INDEX throttle_by_window ON throttle_counters (window_start);
