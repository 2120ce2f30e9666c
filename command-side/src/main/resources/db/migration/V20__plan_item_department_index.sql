-- A finding's check reads the department's items of the year at its station (PlanLookup.covers): by year and
-- department, not every department's items of the year.
CREATE INDEX cmd_plan_item_department ON cmd_plan_item (year, department_id);
