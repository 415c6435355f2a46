-- How a randomised decision's dimension was chosen, before the draw: the focus the leader chose with their promise
-- (LEADER_CHOSE) or the dimension that fell most against its own usual level (FELL_MOST, the rule of every earlier
-- decision).
ALTER TABLE nudge_decision ADD COLUMN focus_rule VARCHAR(20) DEFAULT 'FELL_MOST' NOT NULL;
