/**
 * GET /update/?facility=<id> (and /en/update/): the static form page, filled on the server with the facility's
 * current public values, so it works without JavaScript. The hours editor (src/scripts/update.ts) reads the
 * current hours from the `#update-current` JSON this adds. Without a listed facility the form is replaced by
 * a pointer to the facility pages (404 when an id was given but is not listed).
 */
import { parse } from 'yaml';
import { STATION_ROWS } from '../../src/lib/schema/facility-update-form.ts';
import { facilityFile } from './facilities.ts';
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
