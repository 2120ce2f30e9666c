-- Since V23 a station decommissioned before a year's close is not part of that year's rating (no live rating while
-- the year is open, no draft once it closes), as the statistics reports already counted it: the rating projection
-- keeps the decommissioning's global index beside the registration's.
ALTER TABLE read_rating_station ADD COLUMN decommissioned_position BIGINT;

-- The projection replays the store to fill it in: its tokens go, its tables are emptied (as V15, V18 and V19 did).
-- Until it has caught up, ratings show what it has got to.
DELETE FROM tokenentry WHERE processorname = 'ratings';
TRUNCATE read_rating_station, read_rating_cycle, read_rating_indicator, read_rating_inspection, read_rating_finding,
         read_rating_appeal, read_rating_final, read_rating_revision, read_rating_plan_item, read_rating_visit_item;

-- A rebuild of the ratings running through the API (ProjectionRebuilds) replays into a shadow copy of the tables as
-- they were: it would resume without the new column, or swap its copy in with every decommissioning lost. It is
-- ended as failed, saying why, and its copy dropped; the projection's own replay above rebuilds the tables anyway.
UPDATE projection_rebuild SET status = 'FAILED', finished_at = now(), updated_at = now(),
       error = 'Ended by migration V23: the ratings tables changed, and the projection replays from the start.'
WHERE projection = 'ratings' AND status = 'RUNNING';
DROP SCHEMA IF EXISTS rebuild_ratings CASCADE;
