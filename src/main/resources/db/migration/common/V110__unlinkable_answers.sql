-- Answers must not be traceable to the person who gave them, not even by someone who reads the whole database.
-- Nothing on the answer side keeps a time more precise than the week, and nothing on the person side keeps the
-- time of answering: the two could otherwise be lined up.
ALTER TABLE answer DROP COLUMN updated_at;
ALTER TABLE check_in DROP COLUMN answered_at;
ALTER TABLE feedback DROP COLUMN created_at;

-- Feedback ids are drawn at random from now on, so their order says nothing about the order of giving.
-- Team-weeks whose answers were written since their rows were last put in random order (see AnswerMixing).
CREATE TABLE answer_mix (
    team_id BIGINT     NOT NULL,
    week    VARCHAR(8) NOT NULL,
    CONSTRAINT answer_mix_pk PRIMARY KEY (team_id, week),
    CONSTRAINT answer_mix_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

-- Every week that already has answers is mixed once after the upgrade.
INSERT INTO answer_mix (team_id, week) SELECT DISTINCT team_id, week FROM answer;

-- Keys of handled deliveries are stored as hashes from now on; the old ones held platform ids in clear text.
DELETE FROM processed_event;
