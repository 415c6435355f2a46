-- "Can't say" is an answer without a score: it is recorded (the person answered and may change it until the
-- week closes) but never averaged. The existing CHECK (score BETWEEN 1 AND 5) lets NULL through.
-- This migration also marks the switch to questionnaire version 2 (docs/method.md): the moment it ran, kept in
-- flyway_schema_history, tells which weeks were asked with which version, so no answer needs to carry it.
ALTER TABLE answer ALTER COLUMN score DROP NOT NULL;
