/** Words of a facility page (src/pages/facilities/[id].astro) beyond the common facts. */
import type { Area, Facility } from '../../lib/schema/index.ts';

export const facility = {
  /** The page's meta description. */
  description: (name: string, kind: string, area: string, departments: string) =>
    `${name}（${kind}・中野区${area}）${departments ? `。診療科: ${departments}` : ''}`,
  /** The postal address the way the language writes it. */
  address: (a: Pick<Facility['address'], 'postalCode' | 'published' | 'block'>, _area: Pick<Area, 'townEn' | 'chome'>) =>
    `〒${a.postalCode} 東京都${a.published}`,
  nameLabel: '名称',
  walk: (minutes: number) => ` 徒歩 ${minutes} 分`,
  aboutMetres: (m: number) => `約 ${m} m`,
  /** A nearest station with its distance, in one line of text. */
  stationDistance: (station: string | undefined, m: number | undefined) => `${station}駅 約 ${m} m`,
  sourcesCaption: '項目ごとの出典',
  sourceItem: '項目',
  sourceColumn: '出典',
  checkedColumn: '確認日',
};
