-- A reminder is claimed like a check-in: reminded_at is the claim, reminder_delivery_id tags the message (kept across
-- claims, so a sender taking back a dead instance's claim first looks whether it landed), reminder_sent says it went.
ALTER TABLE check_in ADD COLUMN reminder_delivery_id VARCHAR(64);
ALTER TABLE check_in ADD COLUMN reminder_sent BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE check_in SET reminder_sent = TRUE WHERE reminded_at IS NOT NULL;
