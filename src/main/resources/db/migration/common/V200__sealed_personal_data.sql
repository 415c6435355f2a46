-- Personal values are sealed by the service (AES-GCM under a key kept outside the database) before they are written,
-- so the database, its WAL, its files and its backups hold ciphertext only; and no stored value ties one of a person's
-- rows to another.

-- Answers: found by a one-way token per person, week and dimension; everything else sealed. The rows of earlier
-- versions wait in answer_legacy until the service (which holds the key) has sealed them anew at its first start.
ALTER TABLE answer RENAME TO answer_legacy;
CREATE TABLE answer (
    team_id BIGINT        NOT NULL,
    week    VARCHAR(8)    NOT NULL,
    token   VARCHAR(64)   NOT NULL,
    sealed  VARCHAR(4000) NOT NULL,
    CONSTRAINT answer_sealed_pk PRIMARY KEY (team_id, week, token),
    CONSTRAINT answer_sealed_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

-- Rows hold no person and no order worth hiding any more: the mixing job goes.
DROP TABLE answer_mix;
DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE TRIGGER_NAME = 'answer-mixing';
DELETE FROM QRTZ_FIRED_TRIGGERS WHERE TRIGGER_NAME = 'answer-mixing';
DELETE FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'answer-mixing';
DELETE FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'answer-mixing';

-- The statements a check-in asks are sealed: who was asked which dimension says which answer is whose.
ALTER TABLE check_in ALTER COLUMN statements SET DATA TYPE VARCHAR(1000);

-- Feedback: the text and its giver are sealed together in one value; the clear columns are emptied once sealed.
ALTER TABLE feedback ADD COLUMN sealed VARCHAR(12000);
ALTER TABLE feedback ALTER COLUMN pseudonym DROP NOT NULL;
ALTER TABLE feedback ALTER COLUMN body DROP NOT NULL;

-- The comments a closed week released to its leaders, kept (sealed) once the answers they came with are destroyed.
CREATE TABLE released_comment (
    team_id  BIGINT        NOT NULL,
    week     VARCHAR(8)    NOT NULL,
    position INTEGER       NOT NULL,
    sealed   VARCHAR(4000) NOT NULL,
    CONSTRAINT released_comment_pk PRIMARY KEY (team_id, week, position),
    CONSTRAINT released_comment_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);
