-- Rate limits counted in the same D1 batch as the submission they limit (docs/decisions/0104-rate-limits-in-d1.md).
-- Each counter row now carries its limit, and a trigger fails the statement that would take it past the limit:
-- the whole batch (the counters and the request's ledger rows) is then rolled back, so a refused submission
-- stores nothing and uses up nobody's allowance, and an accepted one costs one D1 round trip instead of two.
-- Rows written before this migration keep no limit of their own (their window ends within the hour); every
-- counting statement sets `max` again.
ALTER TABLE rate_limits ADD COLUMN max INTEGER NOT NULL DEFAULT 2147483647;

CREATE TRIGGER rate_limits_full BEFORE UPDATE ON rate_limits
WHEN NEW.count > NEW.max
BEGIN
  SELECT RAISE(ABORT, 'rate-limit-full');
END;
