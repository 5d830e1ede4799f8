-- Organisation settings an administrator edits (models/organisationservice.h): the e-mails'
-- sender name and Reply-To (empty: the organisation's name and contact e-mail), and the public
-- address of the booking link (empty: the server's own).
ALTER TABLE organisations ADD COLUMN sender_name TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN public_url TEXT NOT NULL DEFAULT '';

-- Each e-mail keeps the sender name and Reply-To its organisation had when it was queued.
ALTER TABLE outbox ADD COLUMN sender_name TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';

-- An agent whose password an administrator set must choose their own at the next sign-in; the
-- last sign-in is shown in « Administration › Agents… ».
ALTER TABLE agents ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agents ADD COLUMN last_sign_in_at BIGINT NOT NULL DEFAULT 0;

-- Invitations to choose a password: single use, valid 7 days, the token kept only as its hash.
CREATE TABLE agent_invitations (
  token_hash TEXT PRIMARY KEY,
  agent_id BIGINT NOT NULL REFERENCES agents (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX agent_invitations_by_agent ON agent_invitations (agent_id);
