-- A row is claimed when the week closes (closed_at only); the pulse fields are filled in when it is saved.
CREATE TABLE weekly_pulse (
    team_id   BIGINT     NOT NULL,
    week      VARCHAR(8) NOT NULL,
    closed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    asked     INTEGER,
    answered  INTEGER,
    threshold INTEGER,
    withheld  BOOLEAN,
    strongest VARCHAR(20),
    weakest   VARCHAR(20),
    posted_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT weekly_pulse_pk PRIMARY KEY (team_id, week),
    CONSTRAINT weekly_pulse_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

-- The mean is stored unrounded; NULL when withheld. change_value is NULL when there is nothing to compare.
CREATE TABLE weekly_pulse_dimension (
    team_id      BIGINT      NOT NULL,
    week         VARCHAR(8)  NOT NULL,
    dimension    VARCHAR(20) NOT NULL,
    mean         DOUBLE PRECISION,
    answers      INTEGER     NOT NULL,
    change_value DOUBLE PRECISION,
    CONSTRAINT weekly_pulse_dimension_pk PRIMARY KEY (team_id, week, dimension),
    CONSTRAINT weekly_pulse_dimension_pulse_fk FOREIGN KEY (team_id, week)
        REFERENCES weekly_pulse (team_id, week) ON DELETE CASCADE
);
