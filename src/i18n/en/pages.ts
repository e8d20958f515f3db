import type { Messages } from '../ja.ts';

export const home: Messages['home'] = {
  listed: (n) => `${n} facilities listed`,
};

export const allFacilities: Messages['allFacilities'] = {
  description: (n) => `All ${n} facilities in Nakano City`,
  lead: (n) => `${n} facilities, by name`,
};

export const areas: Messages['areas'] = {
  order: 'Towns in Japanese syllabary order.',
  title: (area) => `Facilities in ${area}`,
  description: (area, n) => `${n} facilities in ${area}, Nakano City`,
};

export const departmentPage: Messages['departmentPage'] = {
  title: (department) => `${department} in Nakano City`,
  description: (department, n) => `${n} facilities offering ${department}`,
};

export const stations: Messages['stations'] = {
  indexNote: 'Each station lists facilities within 1.5 km in a straight line (estimated from chōme points).',
  title: (station) => `Facilities near ${station}`,
  description: (station, _lines, n) => `${n} facilities within 1.5 km of ${station}`,
  nearestNote: 'Nearest first. Distances are straight lines from chōme points (estimates, shorter than walking routes).',
};

export const about: Messages['about'] = {
  description: 'Data sources, licences and how estimated values are made',
  introHtml: (n) =>
    `This site lists the ${n} insured medical institutions of Nakano City from public registers. Hours, phone numbers and other facts the registers do not give are added by the facilities themselves or from the MHLW Medical Information Net open data. <strong>Please confirm with the facility before visiting.</strong>`,
  estimatedHeading: 'Estimated values',
  estimatedBody: 'These values are derived automatically from the public registers and marked "estimated" on each page until the facility confirms them.',
  sourcesHeading: 'Sources and licences',
  licence: 'Licence',
  openDataHeading: 'Open data',
  openDataBody: 'The published facts are also available in machine-readable form (credit the sources above).',
  openDataPeople: '(staff profiles: only what each person agreed to publish)',
  operatorHeading: 'Operator',
};
