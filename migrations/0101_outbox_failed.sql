-- Outbox items can give up: after OUTBOX_MAX_ATTEMPTS failures (12 by default, about 20.5 hours of retries
-- by the outbox drain Worker) an item is `failed` and waits for the operator's retry
-- (docs/decisions/0103-outbox-drain-cron-worker.md, docs/operations/outbox.md).
-- SQLite cannot change a CHECK constraint, so the table is rebuilt: create, copy, drop, rename, index.
-- D1 runs this file in one transaction; no other table references outbox.

CREATE TABLE outbox_new (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  channel TEXT NOT NULL CHECK (channel IN ('mail', 'github-issue')),
  purpose TEXT NOT NULL,               -- 'ack', 'operator', 'issue'
  payload_enc TEXT NOT NULL,           -- AES-GCM(JSON of the mail / issue)
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,                     -- status code / error class only
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  locked_until TEXT,
  sent_at TEXT,
  result TEXT                          -- e.g. the GitHub issue URL
);

INSERT INTO outbox_new (id, request_id, channel, purpose, payload_enc, status, attempts, last_error, created_at, next_attempt_at, locked_until, sent_at, result)
SELECT id, request_id, channel, purpose, payload_enc, status, attempts, last_error, created_at, next_attempt_at, locked_until, sent_at, result FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (status, next_attempt_at);
