-- The audit index is now written by two segments of its processor (QuerySideConfiguration). A processor takes its
-- segment count when it has no tokens yet, so a ledger indexed before keeps one segment unless its tokens go: with
-- them gone, the processor starts again with two and indexes every event once more (the rows are keyed by global
-- index, so each is rewritten as it was). Until it has caught up, the audit trail shows the events up to where it
-- has got (AuditTrailQueries reads the index only up to the lower of the two segments' positions).
DELETE FROM tokenentry WHERE processorname = 'audit-index';
