-- Every change to who is in a team is announced in its channel. A notice is stored under the key of the request or
-- event that made the change (a request handled again after a crash keeps its key, so it is announced once), then
-- claimed and posted like a week step: a delivery id kept across claims, a claim time a dead sender's claim is taken
-- back after. The names it needs are kept only until it is posted; the row stays, for its key, until the retention.
CREATE TABLE roster_notice (
    team_id       BIGINT       NOT NULL,
    notice_key    VARCHAR(200) NOT NULL,
    change_kind   VARCHAR(20)  NOT NULL,
    by_user_id    VARCHAR(100),
    by_name       VARCHAR(200),
    people        INTEGER      NOT NULL,
    leaders       INTEGER      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    delivery_id   VARCHAR(64),
    claimed_at    TIMESTAMP WITH TIME ZONE,
    posted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT roster_notice_pk PRIMARY KEY (team_id, notice_key),
    CONSTRAINT roster_notice_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

CREATE INDEX roster_notice_open_ix ON roster_notice (posted_at, created_at);

-- The people a notice names, in the order it names them; deleted once the notice is posted.
CREATE TABLE roster_notice_person (
    team_id       BIGINT       NOT NULL,
    notice_key    VARCHAR(200) NOT NULL,
    seq           INTEGER      NOT NULL,
    user_id       VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    CONSTRAINT roster_notice_person_pk PRIMARY KEY (team_id, notice_key, seq),
    CONSTRAINT roster_notice_person_fk FOREIGN KEY (team_id, notice_key)
        REFERENCES roster_notice (team_id, notice_key) ON DELETE CASCADE
);
