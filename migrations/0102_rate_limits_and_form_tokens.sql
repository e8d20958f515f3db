-- Rate limits and no-JavaScript form tokens, in D1 (docs/decisions/0104-rate-limits-in-d1.md).
-- D1 runs every statement of a database one at a time, so `INSERT … ON CONFLICT DO UPDATE … RETURNING`
-- is an atomic check-and-count: concurrent submissions cannot all see the old count, as they could in KV.

-- One fixed-window counter per limit, subject and window. The subject is an HMAC of the normalised email
-- or of the IP address (IPv6: its /64), never the value itself.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,                -- '<limit name>:<subject HMAC>:<window number>'
  count INTEGER NOT NULL,
  expires_at INTEGER NOT NULL          -- unix seconds; the outbox drain deletes rows past it
);
CREATE INDEX rate_limits_expiry ON rate_limits (expires_at);

-- Form tokens that were spent (the no-JavaScript path's proof that the form page was really loaded).
-- A token works once; its row can go when the token would have expired anyway.
CREATE TABLE form_tokens_used (
  nonce TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL          -- unix seconds
);
CREATE INDEX form_tokens_used_expiry ON form_tokens_used (expires_at);
