-- Créneau's schema. Portable SQL: {{PK}} is the only engine-specific word (see Store::dialect).
-- Instants are UTC seconds since the epoch; dates are 'YYYY-MM-DD', times 'HH:MM' in the
-- organisation's zone. Every row carries `seq`, the change-sequence number of its last write.
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);

CREATE TABLE sequence (id INTEGER PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO sequence (id, value) VALUES (1, 0);

CREATE TABLE organisations (
  id {{PK}},
  seq BIGINT NOT NULL,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  time_zone TEXT NOT NULL DEFAULT 'Europe/Paris',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  reminder_hours INTEGER NOT NULL DEFAULT 48,
  usager_cancel_hours INTEGER NOT NULL DEFAULT 4,
  privacy_initials INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE agents (
  id {{PK}},
  seq BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('agent', 'admin')),
  notification_level TEXT NOT NULL DEFAULT 'all'
    CHECK (notification_level IN ('all', 'others', 'soon', 'none')),
  password_hash TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE lieux (
  id {{PK}},
  seq BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE motifs (
  id {{PK}},
  seq BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  name TEXT NOT NULL,
  color TEXT NOT NULL DEFAULT '#1f6feb',
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  location_type TEXT NOT NULL CHECK (location_type IN ('public_office', 'phone', 'home', 'visio')),
  bookable_by TEXT NOT NULL CHECK (bookable_by IN ('agents', 'agents_and_prescripteurs', 'everyone')),
  min_delay_minutes INTEGER NOT NULL DEFAULT 30,
  max_delay_minutes INTEGER NOT NULL DEFAULT 60480,
  instructions TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plages_ouverture (
  id {{PK}},
  seq BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  agent_id BIGINT NOT NULL REFERENCES agents (id),
  lieu_id BIGINT NOT NULL REFERENCES lieux (id),
  title TEXT NOT NULL DEFAULT '',
  first_day TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  rrule TEXT NOT NULL DEFAULT '',
  exception_dates TEXT NOT NULL DEFAULT '',
  archived INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plage_motifs (
  plage_id BIGINT NOT NULL REFERENCES plages_ouverture (id) ON DELETE CASCADE,
  motif_id BIGINT NOT NULL REFERENCES motifs (id),
  PRIMARY KEY (plage_id, motif_id)
);

CREATE TABLE absences (
  id {{PK}},
  seq BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  agent_id BIGINT NOT NULL REFERENCES agents (id),
  title TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
  rrule TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE usagers (
  id {{PK}},
  seq BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  folded_name TEXT NOT NULL,
  birth_date TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX usagers_by_name ON usagers (organisation_id, folded_name);

CREATE TABLE rdvs (
  id {{PK}},
  seq BIGINT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  motif_id BIGINT NOT NULL REFERENCES motifs (id),
  lieu_id BIGINT REFERENCES lieux (id),
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL CHECK (ends_at > starts_at),
  duration_minutes INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'unknown'
    CHECK (status IN ('unknown', 'seen', 'noshow', 'excused', 'revoked')),
  created_by TEXT NOT NULL CHECK (created_by IN ('agent', 'usager', 'prescripteur')),
  created_by_agent_id BIGINT REFERENCES agents (id),
  prescripteur_first_name TEXT NOT NULL DEFAULT '',
  prescripteur_last_name TEXT NOT NULL DEFAULT '',
  prescripteur_email TEXT NOT NULL DEFAULT '',
  prescripteur_phone TEXT NOT NULL DEFAULT '',
  context TEXT NOT NULL DEFAULT '',
  cancel_reason TEXT NOT NULL DEFAULT '',
  usager_token_hash TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX rdvs_by_seq ON rdvs (seq);
CREATE INDEX rdvs_by_start ON rdvs (organisation_id, starts_at);
CREATE INDEX rdvs_by_token ON rdvs (usager_token_hash);

CREATE TABLE rdv_agents (
  rdv_id BIGINT NOT NULL REFERENCES rdvs (id) ON DELETE CASCADE,
  agent_id BIGINT NOT NULL REFERENCES agents (id),
  PRIMARY KEY (rdv_id, agent_id)
);
CREATE INDEX rdv_agents_by_agent ON rdv_agents (agent_id);

CREATE TABLE rdv_usagers (
  rdv_id BIGINT NOT NULL REFERENCES rdvs (id) ON DELETE CASCADE,
  usager_id BIGINT NOT NULL REFERENCES usagers (id),
  PRIMARY KEY (rdv_id, usager_id)
);
CREATE INDEX rdv_usagers_by_usager ON rdv_usagers (usager_id);

-- Rows removed for good leave a tombstone so that the change feed can tell clients.
CREATE TABLE tombstones (
  seq BIGINT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL
);
CREATE INDEX tombstones_by_seq ON tombstones (seq);

CREATE INDEX organisations_by_seq ON organisations (seq);
CREATE INDEX agents_by_seq ON agents (seq);
CREATE INDEX lieux_by_seq ON lieux (seq);
CREATE INDEX motifs_by_seq ON motifs (seq);
CREATE INDEX plages_by_seq ON plages_ouverture (seq);
CREATE INDEX absences_by_seq ON absences (seq);
CREATE INDEX usagers_by_seq ON usagers (seq);
