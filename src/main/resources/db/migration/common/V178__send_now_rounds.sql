-- The send-now rounds that planned their check-ins, by the request that started them (a request run again after a
-- crash keeps its key): a round run again finishes what it planned instead of planning a second round.
CREATE TABLE send_now_round (
    round_key   VARCHAR(64) NOT NULL PRIMARY KEY,
    team_id     BIGINT      NOT NULL,
    week        VARCHAR(8)  NOT NULL,
    planned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT send_now_round_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

CREATE INDEX send_now_round_week_ix ON send_now_round (week);
