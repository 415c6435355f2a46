-- H2 looks for due work with "picked = FALSE AND execution_time <= now ORDER BY priority DESC, execution_time ASC",
-- a few dozen rows at a time. Given an index on execution_time alone, H2 range-scans it over every due row and sorts
-- them all, so each look costs time in proportion to the backlog (about 40 ms at 5,000 queued requests), just when
-- the workers need to keep up. Without it, H2 walks scheduled_tasks_priority_time_ix in order and stops at the rows
-- it needs. PostgreSQL claims work with its own query and planner and keeps the index.
DROP INDEX scheduled_tasks_execution_time_ix;
