-- The rating projection now runs in two segments, keyed by station (cycle-wide events by year), like the other
-- projections that handle most events (QuerySideConfiguration). It could not while a cycle's close wrote every
-- station's draft: the close had to be handled after every finding recorded before it, whichever station's. The
-- draft is now graded on read from what the tables keep of the store's order: the global index of the close, of
-- each station's registration, of each finding's recording and of a department's withdrawal (RatingDraft).
--
-- A processor takes its segment count when it has no tokens, so the projection's tokens go and it replays the store
-- into emptied tables with two segments (until it has caught up, ratings show what it has got to).
DELETE FROM tokenentry WHERE processorname = 'ratings';
TRUNCATE read_rating_station, read_rating_cycle, read_rating_indicator, read_rating_inspection, read_rating_finding,
         read_rating_appeal, read_rating_final, read_rating_revision;

ALTER TABLE read_rating_cycle ADD COLUMN closed_position BIGINT;
ALTER TABLE read_rating_station ADD COLUMN registered_position BIGINT NOT NULL;
ALTER TABLE read_rating_finding ADD COLUMN recorded_position BIGINT NOT NULL;
-- Set by the department's withdrawal before the close, never by an upheld appeal (which comes after it).
ALTER TABLE read_rating_finding ADD COLUMN withdrawn_position BIGINT;
DROP TABLE read_rating_draft;
