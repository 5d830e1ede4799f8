-- The notification outbox: messages queued in the same transaction as the change that causes
-- them, delivered later by sync/notify's worker. Portable SQL ({{PK}}, see Store::dialect).
-- status: pending (waiting for next_attempt_at), sending (claimed at claimed_at by a worker),
-- sent (at sent_at), failed (given up, last_error says why), dropped (no longer wanted, e.g. the
-- reminder of a moved or cancelled appointment).
CREATE TABLE outbox (
  id {{PK}},
  message_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'sms')),
  purpose TEXT NOT NULL,
  rdv_id BIGINT NOT NULL DEFAULT 0,
  recipient TEXT NOT NULL,
  recipient_name TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  ics TEXT NOT NULL DEFAULT '',
  ics_method TEXT NOT NULL DEFAULT '',
  due_at BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dropped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  claimed_at BIGINT NOT NULL DEFAULT 0,
  sent_at BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX outbox_by_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_rdv ON outbox (rdv_id, purpose, status);
