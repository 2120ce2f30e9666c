-- Since V23 a station decommissioned before a year's close is not part of that year's rating (no live rating while
-- the year is open, no draft once it closes), as the statistics reports already counted it: the rating projection
-- keeps the decommissioning's global index beside the registration's.
ALTER TABLE read_rating_station ADD COLUMN decommissioned_position BIGINT;

-- The projection replays the store to fill it in: its tokens go, its tables are emptied (as V15, V18 and V19 did).
-- Until it has caught up, ratings show what it has got to.
DELETE FROM tokenentry WHERE processorname = 'ratings';
TRUNCATE read_rating_station, read_rating_cycle, read_rating_indicator, read_rating_inspection, read_rating_finding,
         read_rating_appeal, read_rating_final, read_rating_revision, read_rating_plan_item, read_rating_visit_item;
