-- When a tried delivery is known to have landed: a reply queued again (its request handled a second time after a
-- crash) is then not posted again, on platforms where the conversation cannot be searched for it (Teams).
ALTER TABLE delivery_attempt ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
