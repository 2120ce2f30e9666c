-- A finding in a planned inspection concerns an indicator its plan item covers (docs/domain.md), so the look-up
-- keeps each item's indicators. Items proposed before this version take theirs from their PlanItemProposed event
-- (one pass over the event table; an item's indicators never change after its proposal).
ALTER TABLE cmd_plan_item ADD COLUMN indicator_ids TEXT[];

UPDATE cmd_plan_item item
SET indicator_ids = ARRAY(SELECT json_array_elements_text(proposed.payload -> 'indicatorIds'))
FROM (SELECT convert_from(payload, 'UTF8')::json AS payload
      FROM domainevententry
      WHERE payloadtype = 'org.stationledger.events.inspection.PlanItemProposed') proposed
WHERE proposed.payload ->> 'planItemId' = item.plan_item_id;

ALTER TABLE cmd_plan_item ALTER COLUMN indicator_ids SET NOT NULL;
