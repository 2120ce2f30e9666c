-- Since V17 a planned inspection assesses only the indicators its plan item covers (an approved exception, any of
-- its department's), so a rating shows an indicator as inspected only when such an inspection stands behind it. The
-- rating projection keeps each plan item's indicators and each planned inspection's item, read together on read
-- (the two come from different segments, in either order).
CREATE TABLE read_rating_plan_item (
    plan_item_id  TEXT   PRIMARY KEY,
    indicator_ids TEXT[] NOT NULL
);
ALTER TABLE read_rating_inspection ADD COLUMN plan_item_id TEXT;

-- The projection replays the store to fill them in: its tokens go, its tables are emptied (as V15 did). Until it
-- has caught up, ratings show what it has got to.
DELETE FROM tokenentry WHERE processorname = 'ratings';
TRUNCATE read_rating_station, read_rating_cycle, read_rating_indicator, read_rating_inspection, read_rating_finding,
         read_rating_appeal, read_rating_final, read_rating_revision;
