-- A message queued from a template keeps its template, values and calendar (JSON, see
-- sync/notify/outboxdraft.h) and is rendered when read: the booking's transaction no longer fills
-- templates nor writes iCalendar. Empty: the row holds its rendered text, as before.
ALTER TABLE outbox ADD COLUMN draft TEXT NOT NULL DEFAULT '';
