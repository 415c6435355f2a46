-- The people already pooled in a four-week block's trust-in-the-leader figure, as one-way tokens (HMAC of the
-- person, team and block under a key derived from the secret kept outside the database), so a second answer of one
-- person in a block stays out of the pool and the pool's counts add up to different people. Written at a week's
-- close, all at once, never when someone answers; a token holds no score and matches no other stored value.
CREATE TABLE trust_in_leader_giver (
    team_id BIGINT      NOT NULL,
    block   VARCHAR(8)  NOT NULL,
    token   VARCHAR(64) NOT NULL,
    CONSTRAINT trust_in_leader_giver_pk PRIMARY KEY (team_id, block, token),
    CONSTRAINT trust_in_leader_giver_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);
