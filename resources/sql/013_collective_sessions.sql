-- Collective motifs (an information meeting, a workshop): a motif with places takes sessions
-- instead of opening ranges. A session is one concrete meeting (a repeated one is expanded into
-- one row per occurrence when it is created); each participant is an ordinary appointment (rdvs)
-- with the session's id, so that the prescriber, the status, the private link, the notifications
-- and the reminder are each participant's own. Portable SQL ({{PK}}, see Store::dialect).
ALTER TABLE motifs ADD COLUMN capacity INTEGER NOT NULL DEFAULT 0;

CREATE TABLE collective_sessions (
  id {{PK}},
  seq BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  motif_id BIGINT NOT NULL REFERENCES motifs (id),
  lieu_id BIGINT REFERENCES lieux (id),
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  title TEXT NOT NULL DEFAULT '',
  cancelled INTEGER NOT NULL DEFAULT 0,
  cancel_reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX collective_sessions_by_seq ON collective_sessions (seq);
CREATE INDEX collective_sessions_by_organisation_seq ON collective_sessions (organisation_id, seq);
CREATE INDEX collective_sessions_by_organisation_start
  ON collective_sessions (organisation_id, starts_at);
CREATE INDEX collective_sessions_by_motif_start ON collective_sessions (motif_id, starts_at);

CREATE TABLE collective_session_agents (
  session_id BIGINT NOT NULL REFERENCES collective_sessions (id) ON DELETE CASCADE,
  agent_id BIGINT NOT NULL REFERENCES agents (id),
  PRIMARY KEY (session_id, agent_id)
);
CREATE INDEX collective_session_agents_by_agent ON collective_session_agents (agent_id);

-- 0: an individual appointment. Counting a session's places reads this index.
ALTER TABLE rdvs ADD COLUMN session_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX rdvs_by_session ON rdvs (session_id, status);
