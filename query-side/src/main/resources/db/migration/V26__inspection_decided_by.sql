-- Since V26 an exception's inspection shows who decided it and when (decidedBy, decidedAt), as it shows who requested
-- it and when. The decisions recorded before are set from their events, in place: nothing replays.
ALTER TABLE read_inspection ADD COLUMN decided_at TIMESTAMPTZ, ADD COLUMN decided_by TEXT;

UPDATE read_inspection i
SET decided_at = CAST(d.decided_at AS TIMESTAMPTZ), decided_by = d.decided_by
FROM (SELECT convert_from(payload, 'UTF8')::jsonb ->> 'inspectionId' AS inspection_id, timestamp AS decided_at,
             convert_from(metadata, 'UTF8')::jsonb ->> 'principal' AS decided_by
      FROM domainevententry
      WHERE payloadtype IN ('org.stationledger.events.inspection.ExceptionApproved',
                            'org.stationledger.events.inspection.ExceptionRefused')) d
WHERE i.inspection_id = d.inspection_id;

-- A rebuild of the inspection list running through the API (ProjectionRebuilds) replays into a shadow copy of the table
-- as it was, without the new columns: it is ended as failed, saying why, and its copy dropped; an operator starts it
-- again.
UPDATE projection_rebuild SET status = 'FAILED', finished_at = now(), updated_at = now(),
       error = 'Ended by migration V26: the inspection list gained columns; start the rebuild again.'
WHERE projection = 'inspections' AND status = 'RUNNING';
DROP SCHEMA IF EXISTS rebuild_inspections CASCADE;
