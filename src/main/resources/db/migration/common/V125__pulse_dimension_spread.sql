-- The spread (sample standard deviation) of a dimension's answers, kept beside its published mean so that an
-- alarm can weigh a drop against the noise. NULL when the dimension is withheld, and for weeks closed before.
ALTER TABLE weekly_pulse_dimension ADD COLUMN spread DOUBLE PRECISION;
