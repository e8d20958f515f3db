import type { Messages } from '../ja.ts';

export const facility: Messages['facility'] = {
  description: (name, kind, area, departments) => `${name} (${kind}, ${area}, Nakano City)${departments ? `. Departments: ${departments}` : ''}`,
  address: (a, area) => `${a.block ? `${a.block} ` : ''}${area.townEn}${area.chome ? ` ${area.chome}-chōme` : ''}, Nakano City, Tokyo ${a.postalCode}`,
  nameLabel: 'Name',
  walk: (minutes) => `, ${minutes} min walk`,
  aboutMetres: (m) => `about ${m} m`,
  stationDistance: (station, m) => `${station} (about ${m} m)`,
  sourcesCaption: 'Sources by item',
  sourceItem: 'Item',
  sourceColumn: 'Source',
  checkedColumn: 'Checked',
};
