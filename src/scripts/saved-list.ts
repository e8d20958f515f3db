/**
 * マイリスト (saved facilities), kept in this browser's localStorage only; nothing is sent anywhere.
 * - 「保存」 buttons (src/components/SaveButton.astro) add or remove their facility.
 * - /list/ draws the saved facilities, or those of a shared link `/list/?f=<id>,<id>`, from
 *   /list/data/<bucket>.json, each with today's status from the facility page's hours engine; the list can be
 *   copied as a link, kept as one's own, and printed as a 紹介先リスト with each facility's QR code.
 */
import type { Hours } from '../lib/schema/hours.ts';
import { bucketOf } from '../lib/util/bucket.ts';
import { calendarFromList, openStatus } from '../lib/util/hours.ts';
import { describeStatus } from '../lib/util/hours-text.ts';
import { hoursWords } from '../i18n/client/hours.ts';
import { ID, load, MAX, store, wireSave } from './save-button.ts';
import type * as Qr from '../lib/seo/qr.ts';

type QrModule = typeof Qr;

for (const box of document.querySelectorAll<HTMLElement>('[data-save]')) wireSave(box);

interface Entry {
  name: string;
  address: string;
  phone: string | null;
  hours: Hours | null;
}

const list = document.querySelector<HTMLElement>('[data-saved-list]');
if (list) void drawList(list);

async function drawList(root: HTMLElement): Promise<void> {
  const w = JSON.parse(root.dataset['words'] ?? '{}') as Record<string, string>;
  const lang = w['lang'] === 'en' ? 'en' : 'ja';
  const prefix = lang === 'en' ? '/en' : '';
  const fromLink = new URL(location.href).searchParams.get('f');
  const ids = fromLink === null ? load() : [...new Set(fromLink.split(',').filter((x) => ID.test(x)))].slice(0, MAX);
  const items = root.querySelector<HTMLOListElement>('[data-items]')!;
  const status = root.querySelector<HTMLElement>('[data-list-status]')!;
  const calendar = calendarFromList((root.dataset['holidays'] ?? '').split(' '), root.dataset['holidaysFrom'] ?? '', root.dataset['holidaysTo'] ?? '');
  const buckets = new Map<string, Promise<Record<string, Entry>>>();
  const entry = (id: string) => {
    const b = bucketOf(id);
    if (!buckets.has(b))
      buckets.set(
        b,
        fetch(`/list/data/${b}.json`).then((r) => (r.ok ? (r.json() as Promise<Record<string, Entry>>) : {})),
      );
    return buckets.get(b)!.then((all) => (Object.hasOwn(all, id) ? all[id] : undefined));
  };
  const origin = root.dataset['origin'] || location.origin;
  /**
   * The QR codes are for print only, so they are drawn when the page is printed (the print button or the
   * browser's own print): reading the list never waits for them. The module loads once the list is there.
   */
  let qr: Promise<QrModule> | undefined;
  const drawQrs = (m: QrModule) => {
    for (const box of items.querySelectorAll<HTMLElement>('.qr[data-url]')) {
      box.innerHTML = m.qrSvgNow(box.dataset['url'] ?? '', box.dataset['label'] ?? '');
      delete box.dataset['url'];
    }
  };
  let loaded: QrModule | undefined;
  const loadQr = () =>
    (qr ??= import('../lib/seo/qr.ts').then((m) => {
      root.dataset['qr'] = 'ready';
      return (loaded = m);
    }));
  window.addEventListener('beforeprint', () => loaded && drawQrs(loaded));
  const shared = root.querySelector<HTMLElement>('[data-shared]')!;
  async function render(current: readonly string[]): Promise<void> {
    const rows = await Promise.all(current.map(async (id) => ({ id, e: await entry(id) })));
    items.replaceChildren(
      ...(await Promise.all(
        rows.map(async ({ id, e }) => {
          const li = document.createElement('li');
          const h = document.createElement('h2');
          const a = document.createElement('a');
          a.href = `/facilities/${id}/`;
          a.textContent = e?.name ?? `${id}（${w['notFound']}）`;
          h.append(a);
          li.append(h);
          if (e) {
            const text = e.hours ? describeStatus(openStatus(e.hours, Date.now(), calendar), hoursWords[lang]) : undefined;
            const p = document.createElement('p');
            p.className = 'status';
            p.textContent = text ? `${text.headline}${text.detail ? ` ${text.detail}` : ''}` : (w['hoursUnknown'] ?? '');
            const addr = document.createElement('p');
            addr.textContent = `${e.address}${e.phone ? ` ${w['phone']} ${e.phone}` : ''}`;
            li.append(p, addr);
            const qr = document.createElement('div');
            qr.className = 'qr';
            Object.assign(qr.dataset, { url: `${origin}/facilities/${id}/`, label: e.name });
            li.append(qr);
          }
          if (fromLink === null) {
            const remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'button secondary';
            remove.textContent = w['remove'] ?? '';
            remove.addEventListener('click', () => {
              store(load().filter((x) => x !== id));
              void render(load());
            });
            li.append(remove);
          }
          return li;
        }),
      )),
    );
    root.querySelector<HTMLElement>('[data-empty]')!.hidden = current.length > 0;
    root.querySelector<HTMLElement>('[data-actions]')!.hidden = current.length === 0;
    // Shown with the list, not before it: appearing first, it would be pushed down by the items.
    shared.hidden = fromLink === null;
    root.dataset['ready'] = String(current.length);
    void loadQr();
  }

  if (fromLink !== null) {
    shared.querySelector('[data-keep]')?.addEventListener('click', () => {
      store([...load(), ...ids]);
      status.textContent = w['kept'] ?? '';
    });
  }
  root.querySelector('[data-share-list]')?.addEventListener('click', async () => {
    const url = `${origin}${prefix}/list/?f=${(fromLink === null ? load() : ids).join(',')}`;
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = url;
    } catch {
      status.textContent = url;
    }
  });
  root.querySelector('[data-print]')?.addEventListener(
    'click',
    () =>
      void loadQr().then((m) => {
        drawQrs(m);
        print();
      }),
  );
  await render(ids);
}
