/** Builds the department, area and station vocabularies from the shared files. */
import wanakana from 'wanakana';
import type { Area, Department, Station } from '../../src/lib/schema/index.ts';
import { OFFICIAL_LIST_DATE, type SharedData } from './sources.ts';

const GROUPS: Readonly<Record<string, Department['group']>> = {
  '01': 'internal',
  '02': 'surgical',
  '03': 'paediatric',
  '04': 'obgyn',
  '05': 'eye-ent',
  '06': 'skin-uro',
  '07': 'mental',
  '08': 'dental',
  '09': 'other',
};

export function buildDepartments(d: SharedData): Department[] {
  const extras = new Map(d.departmentExtras.map((e) => [e.code, e]));
  const seen = new Set<string>();
  const out: Department[] = [];
  for (const row of d.departmentCodes) {
    const code = row['診療科目コード'] ?? '';
    // The dental file reuses 08991/09991 for インプラント; the medical meaning comes first in the file.
    if (seen.has(code) || row['業態'] === 'dental') continue;
    seen.add(code);
    const extra = extras.get(code);
    if (!extra) throw new Error(`scripts/seed/data/departments.yaml に診療科コード ${code} の読み・英語名がありません`);
    out.push({
      code,
      name: row['診療科目名(最頻)'] ?? extra.name,
      kana: extra.kana,
      en: extra.en,
      synonyms: extra.synonyms ?? [],
      enSynonyms: extra.enSynonyms ?? [],
      group: GROUPS[code.slice(0, 2)] ?? 'other',
      source: { source: 'mhlw', dataset: 'mhlw-shinryo-kamoku-codes', date: '2026-06-01' },
    });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** チュウオウ → chuo, ヤヨイチョウ → yayoicho: Hepburn without long-vowel marks, for ids and English. */
export const romanize = (kana: string): string =>
  wanakana
    .toRomaji(kana)
    .replace(/ou/g, 'o')
    .replace(/uu/g, 'u')
    .replace(/[^a-z]/g, '');

export function buildAreas(d: SharedData): Area[] {
  const kana = new Map(d.kenAll.map((r) => [r['町域名'] ?? '', wanakana.toHiragana((r['町域名カナ'] ?? '').normalize('NFKC'))]));
  return d.chome.map((r) => {
    const town = r['町名'] ?? '';
    const townKana = kana.get(town);
    if (!townKana) throw new Error(`郵便番号データに町名 ${town} がありません`);
    const roman = romanize(townKana);
    const chome = Number(r['丁目']);
    return {
      id: `${roman}-${chome}`,
      town,
      townKana,
      townEn: roman.charAt(0).toUpperCase() + roman.slice(1),
      chome,
      postalCode: (r['郵便番号(KEN_ALLより結合)'] ?? '').replace(/^(\d{3})(\d{4})$/, '$1-$2'),
      point: { lat: Number(r['緯度']), lon: Number(r['経度']) },
      source: { source: 'official-list' as const, dataset: 'geolonia-japanese-addresses' as const, date: OFFICIAL_LIST_DATE },
    };
  });
}

export function buildStations(d: SharedData): Station[] {
  const extras = new Map(d.stationExtras.map((e) => [e.name, e]));
  const byName = new Map<string, Station>();
  for (const r of d.stations) {
    const name = r['station_name'] ?? '';
    const extra = extras.get(name);
    if (!extra) throw new Error(`scripts/seed/data/stations.yaml に駅 ${name} の読みがありません`);
    const s = byName.get(name) ?? {
      id: extra.id,
      name,
      kana: extra.kana,
      en: extra.en,
      lines: [],
      point: { lat: Number(r['lat']), lon: Number(r['lon']) },
      inWard: r['in_nakano_ward'] === '1',
      source: { source: 'official-list' as const, dataset: 'ekidata-2024-04-26' as const, date: '2024-04-26' },
    };
    const line = r['line_name'] ?? '';
    if (!s.lines.includes(line)) s.lines.push(line);
    byName.set(name, s);
  }
  return [...byName.values()].sort((a, b) => a.id.localeCompare(b.id));
}
