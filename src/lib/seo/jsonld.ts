/**
 * schema.org JSON-LD for a facility page: MedicalClinic or Hospital. Only facts the page shows;
 * the 丁目-level position is approximate, so no `geo` is claimed for it.
 */
import type { Department, Facility, Person, Qualification, Society } from '../schema/index.ts';

export function facilityJsonLd(f: Facility, departments: ReadonlyMap<string, Department>, url: string): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': f.kind === 'hospital' ? 'Hospital' : 'MedicalClinic',
    '@id': url,
    url,
    name: f.name.display,
    legalName: f.name.official,
    address: {
      '@type': 'PostalAddress',
      postalCode: f.address.postalCode,
      addressCountry: 'JP',
      addressRegion: '東京都',
      addressLocality: '中野区',
      streetAddress: f.address.published.replace(/^中野区/, ''),
    },
  };
  if (f.name.en) ld['alternateName'] = f.name.en;
  if (f.contact.phone) ld['telephone'] = f.contact.phone;
  if (f.contact.fax) ld['faxNumber'] = f.contact.fax;
  if (f.contact.website) ld['sameAs'] = f.contact.website;
  if (f.position && f.position.precision !== 'chome' && f.position.precision !== 'town') {
    ld['geo'] = { '@type': 'GeoCoordinates', latitude: f.position.lat, longitude: f.position.lon };
  }
  const names = f.departments.map((d) => d.name ?? departments.get(d.code)?.name).filter((n): n is string => !!n);
  if (names.length > 0) ld['medicalSpecialty'] = names;
  if (f.codes.insurance) ld['identifier'] = { '@type': 'PropertyValue', propertyID: '保険医療機関コード', value: f.codes.insurance };
  return ld;
}

export function breadcrumbJsonLd(items: readonly { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((it, i) => ({ '@type': 'ListItem', position: i + 1, name: it.name, item: it.url })),
  };
}

/** What a profile page shows as current: the input of `personJsonLd`. */
export interface PersonFacts {
  person: Pick<Person, 'name' | 'romaji' | 'profession'>;
  /** The 職種 in the page's language. */
  jobTitle: string;
  worksFor: Pick<Facility, 'id' | 'kind' | 'name'>[];
  credentials: { info: Pick<Qualification, 'name' | 'kind'>; society: Pick<Society, 'name' | 'website'>; validUntil?: string | undefined }[];
  sameAs: string[];
}

/**
 * schema.org JSON-LD for a staff profile: `Person` (with `Physician` for a doctor), `worksFor` the current
 * workplaces and `hasCredential` the current advertisable qualifications, the ones the page shows as current.
 */
export function personJsonLd(f: PersonFacts, url: string, site: URL): Record<string, unknown> {
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': f.person.profession === 'doctor' ? ['Person', 'Physician'] : 'Person',
    '@id': url,
    url,
    name: f.person.name,
    jobTitle: f.jobTitle,
  };
  if (f.person.romaji) ld['alternateName'] = f.person.romaji;
  if (f.worksFor.length > 0)
    ld['worksFor'] = f.worksFor.map((w) => ({
      '@type': w.kind === 'hospital' ? 'Hospital' : 'MedicalClinic',
      '@id': new URL(`/facilities/${w.id}/`, site).href,
      name: w.name.display,
    }));
  if (f.credentials.length > 0)
    ld['hasCredential'] = f.credentials.map((q) => ({
      '@type': 'EducationalOccupationalCredential',
      name: q.info.name,
      credentialCategory: q.info.kind,
      recognizedBy: { '@type': 'Organization', name: q.society.name, ...(q.society.website ? { url: q.society.website } : {}) },
      ...(q.validUntil ? { expires: q.validUntil } : {}),
    }));
  if (f.sameAs.length > 0) ld['sameAs'] = f.sameAs;
  return ld;
}
