import type { Messages } from '../ja.ts';

export const names: Messages['names'] = {
  department: (v, own) => v?.en ?? own,
  town: (t) => t.en,
  chome: (n) => (n ? `${n}-chōme` : ''),
  area: (a) => `${a.townEn}${a.chome ? ` ${a.chome}-chōme` : ''}`,
  station: (s) => `${s.en} Station`,
  stationShort: (s) => `${s.en} Sta.`,
  facility: (n) => n.en ?? n.display,
  townReading: () => '',
  stationReading: () => '',
  synonyms: () => '',
};
