-- A new membership waits for its welcome; the welcome is claimed like a check-in (a delivery id kept across claims,
-- a claim time a dead sender's claim is taken back after) and marked when it went out. Existing members had theirs.
ALTER TABLE team_member ADD COLUMN welcomed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE team_member ADD COLUMN welcome_delivery_id VARCHAR(64);
ALTER TABLE team_member ADD COLUMN welcome_claimed_at TIMESTAMP WITH TIME ZONE;
UPDATE team_member SET welcomed = TRUE;
CREATE INDEX team_member_welcome_ix ON team_member (welcomed, joined_at);
