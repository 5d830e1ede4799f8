-- Agent sign-in and the agent API's commands. Tokens are kept only as hashes (secrets::tokenHash);
-- a command's first answer is kept under its idempotency key so that a replay returns it again.
CREATE TABLE agent_sessions (
  token_hash TEXT PRIMARY KEY,
  agent_id BIGINT NOT NULL REFERENCES agents (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX agent_sessions_by_agent ON agent_sessions (agent_id);

CREATE TABLE agent_commands (
  agent_id BIGINT NOT NULL REFERENCES agents (id),
  idempotency_key TEXT NOT NULL,
  status INTEGER NOT NULL,
  response TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (agent_id, idempotency_key)
);
