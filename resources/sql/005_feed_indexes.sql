-- The change feed asks for one organisation's rows after a sequence number, in sequence order:
-- without these, SQLite picks the (organisation_id, starts_at) index and sorts the whole
-- organisation's appointments for every page of an initial pull.
CREATE INDEX rdvs_by_organisation_seq ON rdvs (organisation_id, seq);
CREATE INDEX usagers_by_organisation_seq ON usagers (organisation_id, seq);
-- Only appointments a usager booked for themself have a link secret; the others (agents',
-- prescripteurs', and every row of a desktop's cache, where secrets never travel) stay out of
-- the index instead of piling up under ''. Queries say "usager_token_hash <> ''" to use it.
DROP INDEX rdvs_by_token;
CREATE INDEX rdvs_by_token ON rdvs (usager_token_hash) WHERE usager_token_hash <> '';
