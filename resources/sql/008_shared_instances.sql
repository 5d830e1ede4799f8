-- What several server instances of one database must share (issue 14).
-- installation_keys: the server key (signs forms and recap links) and the calendar key (seals
-- CalDAV passwords), created once by the first instance, under the migration lock, unless the
-- operator keeps them in one file (--secrets). The database role is then the service's alone.
CREATE TABLE installation_keys (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
-- Who holds a claim: "<instance>/<process start id>". A restarted instance releases at once what
-- its dead predecessor held; another instance's claims wait for their time-out.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
-- CalDAV jobs are claimed like outbox messages: one instance per job, taken over after
-- claimed_until (the job's time budget and a margin).
ALTER TABLE caldav_jobs ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE caldav_jobs ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
