-- Every per-organisation question (loading one organisation's catalogue, its latest change) reads
-- these tables by organisation: without an index each one scans the table, and a store of
-- thousands of organisations pays N² at start. (organisation_id, seq) also answers "what changed
-- in this organisation since N".
CREATE INDEX agents_by_organisation_seq ON agents (organisation_id, seq);
CREATE INDEX lieux_by_organisation_seq ON lieux (organisation_id, seq);
CREATE INDEX motifs_by_organisation_seq ON motifs (organisation_id, seq);
CREATE INDEX plages_by_organisation_seq ON plages_ouverture (organisation_id, seq);
CREATE INDEX absences_by_organisation_seq ON absences (organisation_id, seq);
CREATE INDEX plage_motifs_by_motif ON plage_motifs (motif_id);
