-- External calendars (sync/calendar): what each agent chose, and the CalDAV push queue.
-- mode: none, email (invitations by e-mail), subscription (private feed), caldav (push).
-- The feed token and the CalDAV password never appear in clear: the token as its hash
-- (secrets::tokenHash), the password sealed with the data directory's calendar.key.
CREATE TABLE agent_calendars (
  agent_id BIGINT PRIMARY KEY REFERENCES agents (id),
  mode TEXT NOT NULL DEFAULT 'none' CHECK (mode IN ('none', 'email', 'subscription', 'caldav')),
  feed_token_hash TEXT NOT NULL DEFAULT '',
  caldav_url TEXT NOT NULL DEFAULT '',
  caldav_user TEXT NOT NULL DEFAULT '',
  caldav_password_encrypted TEXT NOT NULL DEFAULT '',
  seq BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX agent_calendars_by_feed ON agent_calendars (feed_token_hash);

-- One row per (agent, appointment) to bring in line with the server's truth: the worker PUTs
-- the appointment's current state, or DELETEs it once cancelled or no longer the agent's.
-- status: pending (due at next_attempt_at), done, failed (given up).
CREATE TABLE caldav_jobs (
  id {{PK}},
  agent_id BIGINT NOT NULL,
  rdv_id BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX caldav_jobs_by_due ON caldav_jobs (status, next_attempt_at);
CREATE INDEX caldav_jobs_by_rdv ON caldav_jobs (agent_id, rdv_id, status);

-- What the agent's CalDAV collection holds for us: the resource and its last ETag (If-Match).
CREATE TABLE caldav_resources (
  agent_id BIGINT NOT NULL,
  rdv_id BIGINT NOT NULL,
  href TEXT NOT NULL,
  etag TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (agent_id, rdv_id)
);
