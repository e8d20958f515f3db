/**
 * The shared reference files the seed reads, and the dates of their editions.
 * SOURCE.md beside the data says where each came from and under which licence.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

/** The edition date of the official list (関東信越厚生局, scraped 2025-08-09). Derived values share it. */
export const OFFICIAL_LIST_DATE = '2025-08-09';

export type Row = Record<string, string>;

export interface SharedData {
  facilities: Row[];
  departmentCodes: Row[];
  chome: Row[];
  kenAll: Row[];
  stations: Row[];
  /** Japan Medical Society Database: qualifications and the societies that award them. */
  qualifications: Row[];
  societies: Row[];
  departmentExtras: { code: string; name: string; kana: string; en: string; synonyms?: string[]; enSynonyms?: string[] }[];
  stationExtras: { name: string; id: string; kana: string; en: string }[];
}

const csv = (file: string): Row[] => parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Row[];

export function readShared(sharedDir: string, seedDataDir: string): SharedData {
  const f = (p: string) => path.join(sharedDir, p);
  return {
    facilities: csv(f('nakano_facilities/kouseikyoku_hokeniryokikan_nakano_202508.csv')),
    departmentCodes: csv(f('vocab/mhlw_shinryo_kamoku_codes_jp-healthcare-osm.csv')),
    chome: csv(f('geo/nakano_chome_geolonia.csv')),
    kenAll: csv(f('geo/ken_all_nakano_13114.csv')),
    stations: csv(f('geo/stations_nakano_area_ekidata20240426.csv')),
    qualifications: csv(f('vocab/qualifications_master.csv')),
    societies: csv(f('vocab/societies_master.csv')),
    departmentExtras: parseYaml(readFileSync(path.join(seedDataDir, 'departments.yaml'), 'utf8')),
    stationExtras: parseYaml(readFileSync(path.join(seedDataDir, 'stations.yaml'), 'utf8')),
  };
}
