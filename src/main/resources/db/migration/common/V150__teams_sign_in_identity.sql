-- Microsoft Teams: a person's Entra ID object id beside their Bot Framework user id, so that a dashboard
-- sign-in with Microsoft Entra ID (which names the object id) finds the person's teams.
CREATE TABLE teams_identity (
    tenant_id     VARCHAR(100) NOT NULL,
    aad_object_id VARCHAR(100) NOT NULL,
    user_id       VARCHAR(300) NOT NULL,
    seen_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, aad_object_id)
);
