/**
 * GET /update/?facility=<id> (and /en/update/): the static form page, filled on the server with the facility's
 * current public values, so it works without JavaScript. The hours editor (src/scripts/update.ts) reads the
 * current hours from the `#update-current` JSON this adds. Without a listed facility the form is replaced by
 * a pointer to the facility pages (404 when an id was given but is not listed).
 */
import { parse } from 'yaml';
import { STATION_ROWS } from '../../src/lib/schema/facility-update-form.ts';
import { configOrLog } from './config.ts';
import { facilityFile } from './facilities.ts';
import { decryptPersonal, getRequest } from './ledger.ts';
import { getPersonPrivate } from './people.ts';
import { checkToken } from './verification.ts';
import { fill, type Values } from './form-pages.ts';

type Data = Record<string, unknown>;

const yesNo = (b: unknown): string => (b === true ? 'yes' : b === false ? 'no' : '');

/** The form's fields as the facility's file has them now. */
export function currentValues(f: Data): Values {
  const contact = (f['contact'] as Data | undefined) ?? {};
  const access = (f['access'] as Data | undefined) ?? {};
  const stations = (access['stations'] as { station: string; walkMinutes?: number }[] | undefined) ?? [];
  const v: Values = {
    publicPhone: contact['phone'] ?? '',
    fax: contact['fax'] ?? '',
    website: contact['website'] ?? '',
    booking: contact['booking'] ?? '',
    departments: ((f['departments'] as { code: string }[] | undefined) ?? []).map((d) => d.code),
    parking: access['parking'] ?? '',
    stepFree: yesNo(access['stepFree']),
    accessibleToilet: yesNo(access['accessibleToilet']),
    accessNote: access['note'] ?? '',
    services: (f['services'] as string[] | undefined) ?? [],
    languages: (f['languages'] as string[] | undefined) ?? [],
    profile: f['profile'] ?? '',
  };
  for (let i = 1; i <= STATION_ROWS; i++) {
    v[`station${i}`] = stations[i - 1]?.station ?? '';
    v[`walk${i}`] = stations[i - 1]?.walkMinutes === undefined ? '' : String(stations[i - 1]!.walkMinutes);
  }
  return v;
}

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replaceAll('<', '\\u003c');

export const updatePagePrefill: PagesFunction<Env> = async (ctx) => {
  const res = await ctx.next();
  const url = new URL(ctx.request.url);
  const isForm = /^\/(?:en\/)?update\/(?:index\.html)?$/.test(url.pathname);
  if (ctx.request.method !== 'GET' || !isForm || !res.ok || !(res.headers.get('Content-Type') ?? '').includes('text/html')) return res;
  const id = url.searchParams.get('facility');
  const file = id && /^[a-z0-9-]{1,100}$/.test(id) ? await facilityFile(ctx.env, url, id) : undefined;
  if (!file) {
    return new HTMLRewriter()
      .on('[data-update-form]', { element: (e) => void e.remove() })
      .on(id ? '[data-no-facility="unknown"]' : '[data-no-facility="missing"]', { element: (e) => void e.removeAttribute('hidden') })
      .transform(new Response(res.body, { status: id ? 404 : 200, headers: res.headers }));
  }
  const current = (parse(file.text) ?? {}) as Data;
  return fill(new HTMLRewriter(), currentValues(current))
    .on('form[data-form] input[name="facility"]', { element: (e) => void e.setAttribute('value', id!) })
    .on('[data-facility-name]', { element: (e) => void e.setInnerContent(file.name) })
    .on('[data-facility-link]', { element: (e) => void e.setAttribute('href', `${url.pathname.startsWith('/en/') ? '/en' : ''}/facilities/${id}/`) })
    .on('form[data-form]', {
      element: (e) =>
        void e.append(`<script type="application/json" id="update-current">${scriptJson({ hours: current['hours'] ?? null })}</script>`, { html: true }),
    })
    .transform(res);
};

/**
 * GET /people/register/?token=… (from 「登録内容を更新する」's mail): the registration form filled in on the server
 * with what the person last sent (people_private in D1), and the link's token in the form's `edit` field, which
 * the submission spends. A link that is not valid, expired or already used opens the empty form with the reason.
 */
export const personEditPrefill: PagesFunction<Env> = async (ctx) => {
  const res = await ctx.next();
  const url = new URL(ctx.request.url);
  const token = url.searchParams.get('token');
  if (ctx.request.method !== 'GET' || !token || !res.ok || !(res.headers.get('Content-Type') ?? '').includes('text/html')) return res;
  const cfg = configOrLog(ctx.env, url);
  const form = cfg ? await editForm(ctx.env.DB, cfg, token) : undefined;
  if (!form)
    return new HTMLRewriter()
      .on('[data-edit-invalid]', { element: (e) => void e.removeAttribute('hidden') })
      .transform(new Response(res.body, { status: 410, headers: res.headers }));
  return fill(new HTMLRewriter(), form)
    .on('[data-edit-notice]', { element: (e) => void e.removeAttribute('hidden') })
    .on('form[data-form] input[name="edit"]', { element: (e) => void e.setAttribute('value', token) })
    .transform(res);
};

async function editForm(db: D1Database, cfg: { hmacKey: string; encKey: string }, token: string): Promise<Values | undefined> {
  try {
    const t = await checkToken(cfg.hmacKey, token, new Date());
    const row = await getRequest(db, t.requestId);
    if (!row || row.kind !== 'person-registration' || row.type !== 'edit-link') return undefined;
    const used = await db
      .prepare('SELECT used_at FROM verification_tokens WHERE nonce = ? AND request_id = ?')
      .bind(t.nonce, t.requestId)
      .first<{ used_at: string | null }>();
    if (!used || used.used_at) return undefined;
    const p = await decryptPersonal<{ personId: string; matchedRegistration: boolean }>(cfg.encKey, row);
    if (!p.matchedRegistration) return undefined;
    return (await getPersonPrivate(db, cfg.encKey, p.personId))?.record.form;
  } catch {
    return undefined;
  }
}
