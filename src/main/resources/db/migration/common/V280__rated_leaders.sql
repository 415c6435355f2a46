-- One rated leader per team: the leader the member statements name. An admin's choice stays until changed; without
-- one, the first leader set up is rated. Each week is pinned to one leader the first time it is needed (its first
-- check-in, or its close) and never changed after, so a week's answers are all about one person and a change takes
-- effect from the next week. A leader's identity is not what anyone said; no member is named here.
CREATE TABLE rated_leader_choice (
    team_id BIGINT       NOT NULL,
    user_id VARCHAR(100) NOT NULL,
    CONSTRAINT rated_leader_choice_pk PRIMARY KEY (team_id),
    CONSTRAINT rated_leader_choice_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

-- user_id and display_name are empty for a week without a leader to name (its statements say "my leader").
CREATE TABLE rated_leader_week (
    team_id      BIGINT       NOT NULL,
    week         VARCHAR(8)   NOT NULL,
    user_id      VARCHAR(100),
    display_name VARCHAR(200),
    CONSTRAINT rated_leader_week_pk PRIMARY KEY (team_id, week),
    CONSTRAINT rated_leader_week_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

-- What a closed week's members said on the trust-in-the-leader statements (TRUST items 4-6): one sum and two counts
-- (the scores averaged, and those that count towards the threshold; people who joined this week do not), sealed
-- together like every personal value, because one week alone may hold the score of a single person. Pooled over four
-- weeks before anything is shown; no row per person, no pseudonym.
CREATE TABLE trust_in_leader_week (
    team_id BIGINT        NOT NULL,
    week    VARCHAR(8)    NOT NULL,
    sealed  VARCHAR(4000) NOT NULL,
    CONSTRAINT trust_in_leader_week_pk PRIMARY KEY (team_id, week),
    CONSTRAINT trust_in_leader_week_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);
