-- One change sequence per organisation (issue #16): on PostgreSQL a write locks only its
-- organisation's row, so organisations book at once; each organisation's numbers still commit in
-- order (its writers queue on its row), which is what a reader of its change feed needs. Every
-- organisation starts from the store-wide number, so the cursors clients already hold stay valid;
-- the `sequence` row keeps that number from then on (the start of organisations created later).
-- Instances older than this migration must not run beside newer ones: they bump `sequence`.
CREATE TABLE organisation_sequences (
  organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
  value BIGINT NOT NULL
);
INSERT INTO organisation_sequences (organisation_id, value)
  SELECT id, (SELECT value FROM sequence WHERE id = 1) FROM organisations;
-- Tombstones carry their organisation's number, so they name it (and nothing else about the
-- row); the older ones (NULL) keep going to every organisation, below every new number.
ALTER TABLE tombstones ADD COLUMN organisation_id BIGINT;
CREATE INDEX tombstones_by_organisation_seq ON tombstones (organisation_id, seq);
