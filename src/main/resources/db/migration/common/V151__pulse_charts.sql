-- Chart images of weekly pulses, served at /pulse-charts/<token>.png until they expire. The token is random
-- (256 bits): the address is the only key. One image per team and week, whichever instance drew it first.
CREATE TABLE pulse_chart (
    token      VARCHAR(64) PRIMARY KEY,
    team_id    BIGINT      NOT NULL,
    week       VARCHAR(8)  NOT NULL,
    png        BYTEA       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pulse_chart_week_uq UNIQUE (team_id, week),
    CONSTRAINT pulse_chart_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

CREATE INDEX pulse_chart_expiry_ix ON pulse_chart (expires_at);
