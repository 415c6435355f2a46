-- Feedback given by a click or a form carries a hash of that request's token, unique per team, so the same click
-- handled twice (a double click, a request run again after a crash) stores it once. The token is random per preview
-- or per platform request, and says nothing of who gave the feedback.
ALTER TABLE feedback ADD COLUMN once_key VARCHAR(64);
CREATE UNIQUE INDEX feedback_once_ix ON feedback (team_id, once_key);
