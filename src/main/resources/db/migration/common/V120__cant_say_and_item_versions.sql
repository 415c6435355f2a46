-- "Can't say" is an answer without a score: it is recorded (the person answered and may change it until the
-- week closes) but never averaged. The existing CHECK (score BETWEEN 1 AND 5) lets NULL through.
ALTER TABLE answer ALTER COLUMN score DROP NOT NULL;

-- The questionnaire version an answer was given on (see docs/method.md). Rows from before this migration were
-- given on version 1; every answer recorded from now on takes the default, the current version.
ALTER TABLE answer ADD COLUMN instrument SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE answer ALTER COLUMN instrument SET DEFAULT 2;
