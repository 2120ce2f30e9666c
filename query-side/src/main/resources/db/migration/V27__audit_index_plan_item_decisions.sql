-- Since V27 a plan item's approval or rejection is in the trail of every station its proposal listed, as the proposal
-- is: the audit index keeps the proposal's stations for the decision. The rows written before are set from their
-- proposals' rows, in place: nothing replays.
UPDATE read_audit_index decision
SET station_ids = proposal.station_ids
FROM domainevententry decided
JOIN domainevententry proposed ON proposed.aggregateidentifier = decided.aggregateidentifier
                              AND proposed.sequencenumber = 0
JOIN read_audit_index proposal ON proposal.global_index = proposed.globalindex
WHERE decided.payloadtype IN ('org.stationledger.events.inspection.PlanItemApproved',
                              'org.stationledger.events.inspection.PlanItemRejected')
  AND decision.global_index = decided.globalindex;

-- A rebuild of the audit index running through the API (ProjectionRebuilds) has replayed part of the store into its
-- shadow copy the old way: resumed, it would find the live rows set above different and swap its own back in. It is
-- ended as failed, saying why, and its copy dropped; an operator starts it again.
UPDATE projection_rebuild SET status = 'FAILED', finished_at = now(), updated_at = now(),
       error = 'Ended by migration V27: plan item decisions are now indexed under their stations; start the rebuild again.'
WHERE projection = 'audit-index' AND status = 'RUNNING';
DROP SCHEMA IF EXISTS rebuild_audit_index CASCADE;
