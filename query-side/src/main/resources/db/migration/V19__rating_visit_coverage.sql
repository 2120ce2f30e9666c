-- Since V19 a planned inspection assesses what its department's items merged into its visit cover: two approved
-- items of one department that overlap at a station are one visit, which the department inspects once for both.
-- The rating projection keeps each planned inspection's visit, the items merged into each visit and each item's
-- department, read together on read (they come from different segments, in either order).
CREATE TABLE read_rating_visit_item (
    visit_id     TEXT NOT NULL,
    plan_item_id TEXT NOT NULL,
    PRIMARY KEY (visit_id, plan_item_id)
);
ALTER TABLE read_rating_plan_item ADD COLUMN department_id TEXT;
ALTER TABLE read_rating_inspection ADD COLUMN visit_id TEXT;

-- The projection replays the store to fill them in: its tokens go, its tables are emptied (as V15 and V18 did).
-- Until it has caught up, ratings show what it has got to.
DELETE FROM tokenentry WHERE processorname = 'ratings';
TRUNCATE read_rating_station, read_rating_cycle, read_rating_indicator, read_rating_inspection, read_rating_finding,
         read_rating_appeal, read_rating_final, read_rating_revision, read_rating_plan_item;
