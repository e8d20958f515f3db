/**
 * How a page names vocabulary entries in its language. The names themselves are data (content/); these
 * choose the field and add the language's words (駅, 丁目).
 */
import type { Area, Department, Facility, Station } from '../../lib/schema/index.ts';

/** A town of the directory (src/lib/content/directory.ts). */
type Town = { name: string; en: string };

export const names = {
  /** A facility's department: its own wording first, then the vocabulary's name. */
  department: (v: Pick<Department, 'name' | 'en'> | undefined, own?: string): string | undefined => own ?? v?.name,
  town: (t: Town) => t.name,
  chome: (n: number | undefined) => (n ? `${n}丁目` : ''),
  area: (a: Pick<Area, 'town' | 'townEn' | 'chome'>) => `${a.town}${a.chome ? `${a.chome}丁目` : ''}`,
  station: (s: Pick<Station, 'name' | 'en'>) => `${s.name}駅`,
  /** In a list of links, where space is short. */
  stationShort: (s: Pick<Station, 'name' | 'en'>) => `${s.name}駅`,
  facility: (n: Pick<Facility['name'], 'display' | 'en'>) => n.display,
  /** Readings and other names, shown on the Japanese pages only ('' hides them). */
  townReading: (kana: string) => `（${kana}）`,
  stationReading: (kana: string) => `（${kana}えき）`,
  synonyms: (list: readonly string[]) => (list.length > 0 ? `（別名: ${list.join('、')}）` : ''),
};
