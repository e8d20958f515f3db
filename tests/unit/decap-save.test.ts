/** What /admin does when an editor saves (src/lib/decap/save.ts), run in Node. */
import { describe, expect, it } from 'vitest';
import { prepareSave, SaveRefused, validateEntry } from '../../src/lib/decap/save.ts';
import { cleanEntry, stampProvenance, todayInTokyo } from '../../src/lib/util/facility-edit.ts';
import type { FacilityInput } from '../../src/lib/schema/index.ts';

/** A fictional facility (架空), as a file would hold it. */
const loaded = (): FacilityInput => ({
  id: 'kakuu-naika',
  kind: 'clinic',
  name: { official: '医療法人社団 架空会 架空内科クリニック', display: '架空内科クリニック' },
  address: { postalCode: '164-0001', published: '中野区中野五丁目1番1号', town: '中野', chome: 5, block: '1-1', area: 'nakano-5' },
  contact: { phone: '03-0000-0000' },
  departments: [{ code: '01001' }],
  access: { stations: [{ station: 'nakano', distanceM: 300 }] },
  provenance: {
    name: { source: 'official-list', dataset: 'kouseikyoku-hokeniryokikan-2025-08', date: '2025-08-09' },
    contact: { source: 'official-list', dataset: 'kouseikyoku-hokeniryokikan-2025-08', date: '2025-08-09' },
    access: { source: 'derived', dataset: 'ekidata-2024-04-26', method: 'nearest-station', date: '2025-08-09' },
  },
  lastVerified: '2025-08-09',
});
const NOW = Date.parse('2026-03-31T15:30:00Z'); // 2026-04-01 00:30 in Tokyo

describe('cleaning what the form leaves behind', () => {
  it('drops empty strings, nulls and objects left empty, but keeps lists', () => {
    expect(cleanEntry({ a: '', b: null, c: { d: '' }, e: [], f: [{ g: '', h: 1 }], i: 0, j: false })).toEqual({ e: [], f: [{ h: 1 }], i: 0, j: false });
  });
});

describe('provenance', () => {
  it('records only the groups the editor changed, as the facility’s own statement of today', () => {
    const next = { ...loaded(), contact: { phone: '03-1111-2222' }, hours: { schedules: [{ slots: [{ days: ['mon'], open: '09:00', close: '12:00' }] }] } };
    const out = stampProvenance(next, loaded() as Record<string, unknown>, '2026-04-01', 'cms') as FacilityInput;
    expect(out.provenance!.contact).toEqual({ source: 'facility', via: 'cms', date: '2026-04-01' });
    expect(out.provenance!.hours).toEqual({ source: 'facility', via: 'cms', date: '2026-04-01' });
    expect(out.provenance!.name).toEqual(loaded().provenance!.name);
    expect(out.provenance!.access).toEqual(loaded().provenance!.access);
    expect(out.lastVerified).toBe('2026-04-01');
  });

  it('does not count a different spelling of the same value as a change', () => {
    const next = { ...loaded(), access: { stations: [{ distanceM: 300, station: 'nakano' }] }, services: [] };
    const out = stampProvenance(next, loaded() as Record<string, unknown>, '2026-04-01', 'cms') as FacilityInput;
    expect(out.provenance!.access!.source).toBe('derived');
    expect(out.provenance!.services).toBeUndefined();
  });

  it('marks every group of a new facility as given by the facility', () => {
    const out = stampProvenance(loaded() as Record<string, unknown>, undefined, '2026-04-01', 'cms') as FacilityInput;
    for (const g of ['name', 'kind', 'address', 'contact', 'departments', 'access'] as const)
      expect(out.provenance![g]).toEqual({ source: 'facility', via: 'cms', date: '2026-04-01' });
  });

  it('uses the date in Tokyo', () => {
    expect(todayInTokyo(NOW)).toBe('2026-04-01');
  });
});

describe('saving', () => {
  it('saves a valid edit with provenance stamped', () => {
    const out = prepareSave(
      'facilities',
      { ...loaded(), contact: { phone: '03-1111-2222', fax: '' } },
      loaded() as Record<string, unknown>,
      NOW,
    ) as FacilityInput;
    expect(out.contact).toEqual({ phone: '03-1111-2222' });
    expect(out.provenance!.contact).toEqual({ source: 'facility', via: 'cms', date: '2026-04-01' });
  });

  it('refuses an end time before the start, naming the field the way the form does', () => {
    const bad = { ...loaded(), hours: { schedules: [{ slots: [{ days: ['mon'], open: '15:00', close: '12:30' }] }] } };
    let error: unknown;
    try {
      prepareSave('facilities', bad, loaded() as Record<string, unknown>, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SaveRefused);
    expect(String(error)).toBe(
      '保存できません。次の項目を直してください: 「診療時間 › 診療時間の表 1 › 時間帯 1 › 終了」終了時刻（12:30）が開始時刻（15:00）より前です。夜間をまたぐ枠なら overnight を true にしてください',
    );
  });

  it('refuses a phone number of letters with the schema’s Japanese message', () => {
    expect(validateEntry('facilities', { ...loaded(), contact: { phone: 'abc-defg' } } as Record<string, unknown>)).toEqual([
      { path: 'contact.phone', where: '連絡先 › 電話番号', message: '電話番号は半角数字とハイフンで書いてください（例: 03-1234-5678）' },
    ]);
  });

  it('checks what Decap cannot: a kana reading in letters, a move without a destination', () => {
    const problems = validateEntry('facilities', { ...loaded(), name: { ...loaded().name, kana: 'kakuu!' }, status: { state: 'moved' } } as Record<
      string,
      unknown
    >);
    expect(problems.map((p) => p.path).sort()).toEqual(['name.kana', 'status.movedTo']);
  });
});
