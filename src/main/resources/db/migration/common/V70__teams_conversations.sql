-- Microsoft Teams: where the bot is installed and how to reach each channel and person again.
-- A conversation reference is the Bot Framework's own JSON for a conversation (service URL, bot, conversation).

CREATE TABLE teams_team (
    tenant_id    VARCHAR(100)  NOT NULL,
    team_id      VARCHAR(300)  NOT NULL,
    team_name    VARCHAR(300),
    service_url  VARCHAR(500)  NOT NULL,
    installed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, team_id)
);

CREATE TABLE teams_channel (
    tenant_id       VARCHAR(100)  NOT NULL,
    channel_id      VARCHAR(300)  NOT NULL,
    team_id         VARCHAR(300)  NOT NULL,
    service_url     VARCHAR(500)  NOT NULL,
    reference_json  VARCHAR(4000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, channel_id)
);

CREATE INDEX teams_channel_team ON teams_channel (tenant_id, team_id);

CREATE TABLE teams_user (
    tenant_id       VARCHAR(100)  NOT NULL,
    user_id         VARCHAR(300)  NOT NULL,
    conversation_id VARCHAR(300)  NOT NULL,
    service_url     VARCHAR(500)  NOT NULL,
    reference_json  VARCHAR(4000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);

CREATE INDEX teams_user_conversation ON teams_user (conversation_id);
