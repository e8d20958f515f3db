import type { UiKey } from './ja.ts';

/** UI strings, English. Must have every key of ja.ts (checked by the type). */
export const en: Record<UiKey, string> = {
  siteName: 'Nakano Clinic Database',
  siteTagline: 'Find clinics and hospitals in Nakano City by department, area or station',
  skipToContent: 'Skip to content',
  navHome: 'Home',
  navDepartments: 'By department',
  navAreas: 'By area',
  navStations: 'By station',
  navAll: 'All facilities',
  navSearch: 'Search',
  navAbout: 'Sources and data',
  navPrivacy: 'Privacy policy',
  navContact: 'Contact',
  langSwitch: '日本語',
  breadcrumb: 'Breadcrumb',
  kindClinic: 'Clinic',
  kindHospital: 'Hospital',
  facilitiesCount: 'facilities',
  derived: 'estimated',
  unconfirmed: 'unconfirmed',
  notRegistered: 'not registered',
  lastVerified: 'Last verified',
  requestCorrection: 'Report a correction',
  footerNote: 'Listings are based on public registers. Please confirm with the facility before visiting.',
  operator: 'Operated by ALTRY Technologies Inc.',
};
