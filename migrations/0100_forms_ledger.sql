-- Forms: the request ledger, its append-only audit trail, the delivery outbox and one-time verification links.
-- Personal fields live only in `personal_enc` / `payload_enc` (AES-GCM, key DATA_ENC_KEY); email is found by HMAC.
-- See docs/decisions/0100-form-storage-d1-aes-gcm.md.

CREATE TABLE requests (
  id TEXT PRIMARY KEY,                 -- e.g. D-20261117-7K3M9QXA; shown to the requester
  kind TEXT NOT NULL CHECK (kind IN ('contact', 'correction', 'data-request')),
  type TEXT,                           -- data requests: the right (disclosure, deletion, …); corrections: the field
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'verified', 'in_progress', 'answered', 'refused')),
  refusal_reason TEXT,                 -- required when status = refused (APPI: reasons are given)
  lang TEXT NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en')),
  email_hmac TEXT,                     -- HMAC-SHA-256 of the normalised email, for lookups and rate limits
  personal_enc TEXT NOT NULL,          -- AES-GCM(JSON of the submitted fields)
  facility_id TEXT,                    -- corrections: public facility id (not personal)
  bot_check TEXT NOT NULL DEFAULT 'turnstile' CHECK (bot_check IN ('turnstile', 'none-no-js')),
  received_at TEXT NOT NULL,           -- ISO 8601 UTC
  verified_at TEXT,
  due_at TEXT NOT NULL,                -- internal target: 14 days (APPI: 遅滞なく)
  closed_at TEXT,
  CHECK (status <> 'refused' OR refusal_reason IS NOT NULL)
);
CREATE INDEX requests_email ON requests (email_hmac);
CREATE INDEX requests_status ON requests (status, due_at);

-- Every status change, who made it and when. Never updated or deleted (triggers below).
CREATE TABLE request_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id TEXT NOT NULL REFERENCES requests (id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,                 -- 'system', 'requester' or the operator's name
  action TEXT NOT NULL,                -- 'received', 'verified', 'status', 'mail-sent', 'issue-opened', 'exported', …
  from_status TEXT,
  to_status TEXT,
  note TEXT                            -- never personal data
);
CREATE INDEX request_audit_request ON request_audit (request_id, seq);
CREATE TRIGGER request_audit_no_update BEFORE UPDATE ON request_audit
BEGIN SELECT RAISE(ABORT, 'request_audit is append-only'); END;
CREATE TRIGGER request_audit_no_delete BEFORE DELETE ON request_audit
BEGIN SELECT RAISE(ABORT, 'request_audit is append-only'); END;

-- Work that leaves the site: mails (SendGrid) and GitHub issues. Written in the same batch as the request,
-- so nothing is lost when a provider is down; delivered right after, and retried until it succeeds.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  channel TEXT NOT NULL CHECK (channel IN ('mail', 'github-issue')),
  purpose TEXT NOT NULL,               -- 'ack', 'operator', 'issue'
  payload_enc TEXT NOT NULL,           -- AES-GCM(JSON of the mail / issue)
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,                     -- status code / error class only
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  locked_until TEXT,
  sent_at TEXT,
  result TEXT                          -- e.g. the GitHub issue URL
);
CREATE INDEX outbox_pending ON outbox (status, next_attempt_at);

-- One-time email verification links (the link carries id.expiry.nonce.signature; this row makes it single-use).
CREATE TABLE verification_tokens (
  nonce TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES requests (id),
  expires_at TEXT NOT NULL,
  used_at TEXT
);
