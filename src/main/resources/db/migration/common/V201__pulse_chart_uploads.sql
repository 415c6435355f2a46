-- A chart shown without a public address: Slack keeps it as a file private to the app, uploaded once per team and
-- week and shown by its file id in the pulse, every leader's digest and their retries. upload_claimed_at marks an
-- upload under way, so that two senders at the same moment do not both upload; a claim left by a sender that died
-- may be taken over after a while.
ALTER TABLE pulse_chart ADD COLUMN uploaded_file_id VARCHAR(64);
ALTER TABLE pulse_chart ADD COLUMN upload_claimed_at TIMESTAMP WITH TIME ZONE;
