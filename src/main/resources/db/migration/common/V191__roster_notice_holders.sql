-- A claim on a roster notice names the instance that took it, like every other claim (V190): it is taken back once
-- that instance stops beating, not only after the claim timeout.
ALTER TABLE roster_notice ADD COLUMN claimed_by VARCHAR(200);
