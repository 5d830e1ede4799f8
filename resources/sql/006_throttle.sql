-- Abuse counters shared by every server instance of the database: public bookings per client
-- address per hour, messages per recipient per day. Keys are stored as hashes (an address or a
-- recipient is personal data); rows of past windows are swept as new ones are counted.
CREATE TABLE throttle_counters (
  scope TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, key_hash, window_start)
);
CREATE INDEX throttle_by_window ON throttle_counters (window_start);
