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
