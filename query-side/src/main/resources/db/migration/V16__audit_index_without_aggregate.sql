-- The audit trail filters by aggregate on the event table's own column (AuditTrailQueries joins each index row to
-- its event), so the index's copy of the aggregate identifier was written for every event and never read. Dropping
-- a column only marks it dropped: instant, whatever the table's size; the space goes as rows are rewritten.
ALTER TABLE read_audit_index DROP COLUMN aggregate_id;
