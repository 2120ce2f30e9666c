-- A department's trail finds the joint visits it is part of, and a station's trail the documents and meetings for
-- every station recorded while it was registered (docs/audit.md). A joint visit's departments go in department_ids
-- (its department_id stays empty, so a department finds it once); a demand for every station names no station and
-- says so in all_stations.
ALTER TABLE read_audit_index ADD COLUMN department_ids TEXT[];
ALTER TABLE read_audit_index ADD COLUMN all_stations BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX read_audit_index_department_ids ON read_audit_index USING GIN (department_ids)
    WHERE department_ids IS NOT NULL;
CREATE INDEX read_audit_index_all_stations ON read_audit_index (global_index) WHERE all_stations;

-- The rows written before lack both: with its tokens gone the processor indexes every event once more, as V12 did
-- (rows are keyed by global index, so each is rewritten in place). Until it has caught up the trail shows the events
-- up to where it has got.
DELETE FROM tokenentry WHERE processorname = 'audit-index';
