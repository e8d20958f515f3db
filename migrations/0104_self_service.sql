-- Self-service changes (issue 13): clinics' updates, staff registrations and withdrawals are requests in the
-- ledger like the other forms (stored, email-verified, audited), and their pull request is an outbox item.
-- New request kinds: 'facility-update', 'person-registration', 'person-withdrawal'. New outbox channel:
-- 'github-pr'. A request can name the pull request it became (pr_number), so a reviewer finds the submitter
-- by PR number (npm run requests -- pr <number>).
--
-- SQLite cannot change a CHECK constraint, so the tables are rebuilt. request_audit, outbox and
-- verification_tokens reference requests(id), and D1 enforces foreign keys inside the migration's transaction
-- (PRAGMA foreign_keys cannot be turned off there, and a dropped parent's implicit DELETE leaves deferred
-- violations that a rename does not clear). So the children are copied aside and dropped first, then the
-- parent is replaced, then the children are recreated (same columns, triggers and indexes) and refilled.
-- Every row and every audit sequence number is kept; D1 runs this file as one transaction: all or nothing.

CREATE TABLE keep_audit AS SELECT * FROM request_audit;
CREATE TABLE keep_outbox AS SELECT * FROM outbox;
CREATE TABLE keep_tokens AS SELECT * FROM verification_tokens;
DROP TABLE verification_tokens;
DROP TABLE outbox;
DROP TABLE request_audit;

CREATE TABLE requests_new (
  id TEXT PRIMARY KEY,                 -- e.g. D-20261117-7K3M9QXA; shown to the requester
  kind TEXT NOT NULL CHECK (kind IN ('contact', 'correction', 'data-request', 'facility-update', 'person-registration', 'person-withdrawal')),
  type TEXT,                           -- data requests: the right; corrections: the field; self-service: the subject's id
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'verified', 'in_progress', 'answered', 'refused')),
  refusal_reason TEXT,                 -- required when status = refused (APPI: reasons are given)
  lang TEXT NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en')),
  email_hmac TEXT,                     -- HMAC-SHA-256 of the normalised email, for lookups and rate limits
  personal_enc TEXT NOT NULL,          -- AES-GCM(JSON of the submitted fields)
  facility_id TEXT,                    -- corrections and facility updates: public facility id (not personal)
  bot_check TEXT NOT NULL DEFAULT 'turnstile' CHECK (bot_check IN ('turnstile', 'none-no-js')),
  received_at TEXT NOT NULL,           -- ISO 8601 UTC
  verified_at TEXT,
  due_at TEXT NOT NULL,                -- internal target: 14 days (APPI: 遅滞なく)
  closed_at TEXT,
  pr_number INTEGER,                   -- self-service: the content repository's pull request (public)
  CHECK (status <> 'refused' OR refusal_reason IS NOT NULL)
);
INSERT INTO requests_new (id, kind, type, status, refusal_reason, lang, email_hmac, personal_enc, facility_id, bot_check, received_at, verified_at, due_at, closed_at)
SELECT id, kind, type, status, refusal_reason, lang, email_hmac, personal_enc, facility_id, bot_check, received_at, verified_at, due_at, closed_at FROM requests;
DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;
CREATE INDEX requests_email ON requests (email_hmac);
CREATE INDEX requests_status ON requests (status, due_at);
CREATE INDEX requests_facility ON requests (kind, facility_id, status);
CREATE INDEX requests_pr ON requests (pr_number);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  channel TEXT NOT NULL CHECK (channel IN ('mail', 'github-issue', 'github-pr')),
  purpose TEXT NOT NULL,               -- 'ack', 'operator', 'issue', 'pr'
  payload_enc TEXT NOT NULL,           -- AES-GCM(JSON of the mail / issue / change)
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,                     -- status code / error class only
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  locked_until TEXT,
  sent_at TEXT,
  result TEXT                          -- e.g. the GitHub issue or pull request URL
);
INSERT INTO outbox SELECT * FROM keep_outbox;
CREATE INDEX outbox_pending ON outbox (status, next_attempt_at);

CREATE TABLE request_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id TEXT NOT NULL REFERENCES requests (id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,                 -- 'system', 'requester' or the operator's name
  action TEXT NOT NULL,                -- 'received', 'verified', 'status', 'mail-sent', 'issue-opened', 'pr-opened', …
  from_status TEXT,
  to_status TEXT,
  note TEXT                            -- never personal data
);
INSERT INTO request_audit SELECT * FROM keep_audit;
CREATE INDEX request_audit_request ON request_audit (request_id, seq);
CREATE TRIGGER request_audit_no_update BEFORE UPDATE ON request_audit
BEGIN SELECT RAISE(ABORT, 'request_audit is append-only'); END;
CREATE TRIGGER request_audit_no_delete BEFORE DELETE ON request_audit
BEGIN SELECT RAISE(ABORT, 'request_audit is append-only'); END;

CREATE TABLE verification_tokens (
  nonce TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  expires_at TEXT NOT NULL,
  used_at TEXT
);
INSERT INTO verification_tokens SELECT * FROM keep_tokens;

DROP TABLE keep_audit;
DROP TABLE keep_outbox;
DROP TABLE keep_tokens;
