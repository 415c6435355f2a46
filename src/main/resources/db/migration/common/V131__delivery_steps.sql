-- Delivery ids that were tried once: a retry of one of them first looks whether the earlier try landed.
CREATE TABLE delivery_attempt (
    delivery_id VARCHAR(64) NOT NULL PRIMARY KEY,
    first_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX delivery_attempt_first_ix ON delivery_attempt (first_at);

-- A check-in is claimed with a delivery id; a claim older than the claim timeout is taken back by another sender,
-- which looks for that delivery id in the conversation before it sends again.
ALTER TABLE check_in ADD COLUMN delivery_id VARCHAR(64);
ALTER TABLE check_in ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;

-- The steps that follow a week close, each claimed and done on its own: the channel post (recipient ''),
-- and each leader's digest (recipient = the leader's user id).
CREATE TABLE week_step (
    team_id     BIGINT       NOT NULL,
    week        VARCHAR(8)   NOT NULL,
    step        VARCHAR(10)  NOT NULL,
    recipient   VARCHAR(100) NOT NULL,
    delivery_id VARCHAR(64)  NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    attempts    INTEGER      NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE,
    done_at     TIMESTAMP WITH TIME ZONE,
    last_error  VARCHAR(500),
    CONSTRAINT week_step_pk PRIMARY KEY (team_id, week, step, recipient),
    CONSTRAINT week_step_team_fk FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE
);

CREATE INDEX week_step_open_ix ON week_step (status);

-- Short leases, e.g. one send-now per team at a time across all instances.
CREATE TABLE work_lease (
    name        VARCHAR(200) NOT NULL PRIMARY KEY,
    holder      VARCHAR(100),
    held_until  TIMESTAMP WITH TIME ZONE
);

-- Slack: each person's direct-message channel with the bot, once known, so a post needs no conversations.open.
CREATE TABLE slack_im (
    workspace_id VARCHAR(50)  NOT NULL,
    user_id      VARCHAR(50)  NOT NULL,
    channel_id   VARCHAR(50)  NOT NULL,
    CONSTRAINT slack_im_pk PRIMARY KEY (workspace_id, user_id)
);
