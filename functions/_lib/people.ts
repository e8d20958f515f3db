/**
 * The private half of a staff profile in D1 (people_private): sealed with the ledger's key, found by id or
 * by the HMAC of the email, deleted for an APPI 削除 / 利用停止. Nothing here logs a value.
 */
import { normalizeEmail } from '../../src/lib/schema/forms.ts';
import { PersonPrivateSchema, type PersonPrivate } from '../../src/lib/schema/person-private.ts';
import { decryptJson, encryptJson, hmac } from './crypto.ts';

interface Keys {
  encKey: string;
  hmacKey: string;
}

interface Row {
  person_id: string;
  email_hmac: string | null;
  record_enc: string;
  created_at: string;
  updated_at: string;
}

const emailHmac = (hmacKey: string, email: string | undefined) => (email ? hmac(hmacKey, 'email', normalizeEmail(email)) : Promise.resolve(null));

/** Stores (or replaces) a person's private record; the input is checked by the schema first. */
export async function putPersonPrivate(db: D1Database, keys: Keys, input: unknown, now: Date): Promise<PersonPrivate> {
  const record = PersonPrivateSchema.parse(input);
  const at = now.toISOString();
  await db
    .prepare(
      `INSERT INTO people_private (person_id, email_hmac, record_enc, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET email_hmac = excluded.email_hmac, record_enc = excluded.record_enc, updated_at = excluded.updated_at`,
    )
    .bind(record.id, await emailHmac(keys.hmacKey, record.email), await encryptJson(keys.encKey, record, record.id), at, at)
    .run();
  return record;
}

export interface StoredPersonPrivate {
  record: PersonPrivate;
  createdAt: string;
  updatedAt: string;
}

const open = async (encKey: string, row: Row): Promise<StoredPersonPrivate> => ({
  record: PersonPrivateSchema.parse(await decryptJson(encKey, row.record_enc, row.person_id)),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export async function getPersonPrivate(db: D1Database, encKey: string, id: string): Promise<StoredPersonPrivate | null> {
  const row = await db.prepare('SELECT * FROM people_private WHERE person_id = ?').bind(id).first<Row>();
  return row ? open(encKey, row) : null;
}

/** The private records whose email is `email` (normalised: lower case, +tag removed). */
export async function findPeopleByEmail(db: D1Database, keys: Keys, email: string): Promise<StoredPersonPrivate[]> {
  const h = await emailHmac(keys.hmacKey, email);
  const { results } = await db.prepare('SELECT * FROM people_private WHERE email_hmac = ? ORDER BY person_id').bind(h).all<Row>();
  return Promise.all(results.map((r) => open(keys.encKey, r)));
}

/** Deletes a person's private record; true when there was one. */
export async function purgePersonPrivate(db: D1Database, id: string): Promise<boolean> {
  const r = await db.prepare('DELETE FROM people_private WHERE person_id = ?').bind(id).run();
  return (r.meta.changes ?? 0) > 0;
}
