-- A claim lives exactly as long as the instance that holds it. Each instance beats in live_instance (as often as
-- its durable work does); each claim names its instance, and one whose instance stopped beating is taken back at
-- once, the claim timeout staying only as the bound for an instance that lives but is stuck.
CREATE TABLE live_instance (
    name    VARCHAR(200) NOT NULL PRIMARY KEY,
    beat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE check_in ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE check_in ADD COLUMN reminder_claimed_by VARCHAR(200);
ALTER TABLE team_member ADD COLUMN welcome_claimed_by VARCHAR(200);
ALTER TABLE week_step ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE work_lease ADD COLUMN held_by VARCHAR(200);
ALTER TABLE work_lease ADD COLUMN renewed_at TIMESTAMP WITH TIME ZONE;
