-- How many weeks the playground's calendar runs ahead of today, so a demo can be played week after week.

CREATE TABLE playground_week (
    workspace_id VARCHAR(64) NOT NULL PRIMARY KEY,
    weeks_ahead  INTEGER     NOT NULL
);
