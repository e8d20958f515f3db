/** Builds the department, area and station vocabularies from the shared files. */
import wanakana from 'wanakana';
import type { Area, Department, Qualification, Society, Station } from '../../src/lib/schema/index.ts';
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

/**
 * The database's edition (its 最終確認日 is 2024-08-01 for 197 of 199 societies). It is compiled by a volunteer,
 * not an official list (SOURCE.md), so its entries carry `operator` as their source: the operator chose to adopt it.
 */
const SOCIETY_DB_DATE = '2024-08-01';
const societySource = (date: string | undefined) =>
  ({
    source: 'operator',
    dataset: 'japan-medical-society-database',
    date: /^\d{4}-\d{2}-\d{2}$/.test(date ?? '') ? (date as string) : SOCIETY_DB_DATE,
  }) as const;

const QUALIFICATION_KIND: Readonly<Record<string, Qualification['kind']>> = {
  専門医: 'specialist',
  指導医: 'instructor',
  認定医: 'certified',
  認定資格: 'certificate',
  学会フェロー: 'fellow',
};

export function buildSocieties(d: SharedData): Society[] {
  return d.societies.map((r) => {
    const code = r['学会ID'] ?? '';
    const website = r['ウェブサイト'] ?? '';
    return {
      id: code.toLowerCase(),
      code,
      name: r['正式名称'] ?? '',
      ...(r['略称'] ? { short: r['略称'] } : {}),
      advertisable: r['厚労省広告可能'] === 'TRUE',
      boardCertified: r['専門医機構認定'] === 'TRUE',
      ...(/^https?:\/\//.test(website) ? { website } : {}),
      source: societySource(r['最終確認日']),
    };
  });
}

export function buildQualifications(d: SharedData): Qualification[] {
  const societies = new Set(d.societies.map((r) => r['学会ID']));
  return d.qualifications.map((r) => {
    const code = r['資格ID'] ?? '';
    const kind = QUALIFICATION_KIND[r['資格種別'] ?? ''];
    if (!kind) throw new Error(`資格 ${code} の資格種別「${r['資格種別'] ?? ''}」を知りません`);
    if (!societies.has(r['学会ID'])) throw new Error(`資格 ${code} の学会 ${r['学会ID'] ?? ''} が学会の一覧にありません`);
    const years = Number(r['更新周期']);
    return {
      id: code.toLowerCase(),
      code,
      name: r['資格名称'] ?? '',
      kind,
      society: (r['学会ID'] ?? '').toLowerCase(),
      ...(r['制度区分'] ? { system: r['制度区分'] } : {}),
      ...(r['基本領域'] ? { field: r['基本領域'] } : {}),
      ...(Number.isInteger(years) && years > 0 ? { renewalYears: years } : {}),
      ...(r['備考'] ? { note: r['備考'] } : {}),
      source: societySource(undefined),
    };
  });
}
