-- Since V25 a station summary's publication (ReportPublished with a stationId) is in its station's trail: the audit
-- index keeps the station, as it does for every event that names one; a publication of a whole jurisdiction's report
-- names no station (an empty list, as the projection now writes it). The rows written before are set from their
-- events' payloads, in place: nothing replays.
UPDATE read_audit_index i
SET station_ids = CASE WHEN p.payload ->> 'stationId' IS NULL THEN '{}'::text[]
                       ELSE ARRAY[p.payload ->> 'stationId'] END
FROM (SELECT globalindex, convert_from(payload, 'UTF8')::jsonb AS payload
      FROM domainevententry
      WHERE payloadtype = 'org.stationledger.events.burden.ReportPublished') p
WHERE i.global_index = p.globalindex;
