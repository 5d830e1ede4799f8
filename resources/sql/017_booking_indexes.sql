-- Fewer index pages written by every booking (issue #16).
-- The change feed reads rdvs and usagers by (organisation_id, seq) since migration 005; nothing
-- reads them by seq alone any more, yet every booking wrote both indexes.
DROP INDEX rdvs_by_seq;
DROP INDEX usagers_by_seq;
-- Only a collective session's participants are looked up by session; the individual
-- appointments (session_id 0, nearly all of them) are left out of the index. The queries say
-- `session_id <> 0` so that both engines know the index holds what they ask for.
DROP INDEX rdvs_by_session;
CREATE INDEX rdvs_by_session ON rdvs (session_id, status) WHERE session_id <> 0;
