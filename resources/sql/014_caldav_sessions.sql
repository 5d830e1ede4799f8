-- A collective session is one event in the CalDAV collection of each agent leading it (its
-- participants are not pushed one by one): a job names either an appointment (rdv_id) or a
-- session (session_id, rdv_id 0), and the session's resource is remembered apart.
ALTER TABLE caldav_jobs ADD COLUMN session_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX caldav_jobs_by_session ON caldav_jobs (agent_id, session_id, status);

CREATE TABLE caldav_session_resources (
  agent_id BIGINT NOT NULL,
  session_id BIGINT NOT NULL,
  href TEXT NOT NULL,
  etag TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (agent_id, session_id)
);
