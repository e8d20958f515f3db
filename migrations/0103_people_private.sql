-- Staff profiles: what a person gave us that is not public. Contact details, licence numbers, documents and
-- sections the person has not consented to publish never enter Git (content/people holds only public values);
-- they live here, sealed with AES-GCM (DATA_ENC_KEY, additional data = person_id) like the forms' ledger.
-- An APPI 削除 / 利用停止 deletes the row (npm run requests -- purge-person), recorded in request_audit.
CREATE TABLE people_private (
  person_id TEXT PRIMARY KEY,          -- the public id, content/people/<person_id>.yaml (not secret)
  email_hmac TEXT,                     -- HMAC-SHA-256 of the normalised email: finds the person for an APPI request
  record_enc TEXT NOT NULL,            -- AES-GCM(JSON of PersonPrivate, src/lib/schema/person-private.ts)
  created_at TEXT NOT NULL,            -- ISO 8601 UTC
  updated_at TEXT NOT NULL
);
CREATE INDEX people_private_email ON people_private (email_hmac);
