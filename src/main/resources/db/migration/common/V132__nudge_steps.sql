-- A leader's mid-week nudge of a day is a week step too; its recipient is "dayOfWeek:leader".
ALTER TABLE week_step ALTER COLUMN recipient SET DATA TYPE VARCHAR(120);
