/**
 * What a facility page says about a facility, as data: the facts and access lists in the page's words. The
 * public page (src/pages/facilities/[id].astro, through src/components/FactList.astro) and the CMS preview
 * (src/admin/preview.ts) both render these, so an editor previews exactly the facts visitors will read
 * (tests/build/facility-view.test.ts compares the two).
 */
import type { Area, Facility, Source } from '../lib/schema/index.ts';
import { messages, type Lang } from '../i18n/index.ts';

/** One piece of a fact's value: text, a link, and an aside after it. */
export interface FactItem {
  text: string;
  href?: string;
  external?: boolean;
  /** Text right after the item (徒歩 5 分). */
  suffix?: string;
  /** A quieter aside after the suffix (約 400 m). */
  note?: string;
}

export interface Fact {
  label: string;
  /** `text`: the items in one line, separated by the language's comma; `list`: an inline list. */
  as: 'text' | 'list';
  items: FactItem[];
  /** Shown instead of the items when there are none (未登録). */
  empty?: string;
  /** A note after the value (直線距離…). */
  note?: string;
  /** The provenance of a value that may be 推定, for the badge. */
  source?: Source | undefined;
}

/** What the view needs of the directory: names of the vocabulary entries a facility refers to. */
export interface FacilityNames {
  department: (code: string) => string | undefined;
  /** The station's name in the page's language (中野駅). */
  station: (id: string) => string | undefined;
  /** The facility's 町丁目, for the English address (the Japanese one is the published text). */
  area: Pick<Area, 'townEn' | 'chome'>;
}

export interface FacilityView {
  /** The status line of a facility that is closed or moved. */
  status?: { headline: string; since?: string | undefined; note?: string | undefined };
  kind: { label: string; source: Source | undefined };
  facts: Fact[];
  access: Fact[];
  /** The position is only the 丁目's representative point. */
  positionApprox: boolean;
  services: string[];
  languages: string[];
}

const text = (label: string, value: string | undefined, extra: Partial<FactItem> = {}): Fact[] =>
  value ? [{ label, as: 'text', items: [{ text: value, ...extra }] }] : [];
const yesNo = (label: string, value: boolean | undefined, yes: string, no: string): Fact[] =>
  value === undefined ? [] : [{ label, as: 'text', items: [{ text: value ? yes : no }] }];

/** The facts of facility `f` in language `lang`; `names` resolves the vocabulary it refers to. */
export function facilityView(f: Facility, names: FacilityNames, lang: Lang): FacilityView {
  const m = messages(lang);
  const p = lang === 'ja' ? '' : '/en';
  const stations = f.access.stations.map((s) => ({ ...s, name: names.station(s.station) }));
  return {
    ...(f.status.state !== 'open' && {
      status: { headline: f.status.state === 'moved' ? m.statusMoved : m.statusClosed, since: f.status.since, note: f.status.note },
    }),
    kind: { label: m.labels.kind[f.kind], source: f.provenance.kind },
    facts: [
      ...(f.name.official !== f.name.display ? text(m.officialName, f.name.official) : []),
      ...text(m.corporation, f.name.corporation),
      {
        label: m.departments,
        as: 'text',
        items: f.departments.map((d) => ({ text: d.name ?? names.department(d.code) ?? d.code, href: `${p}/departments/${d.code}/` })),
        empty: m.notRegistered,
        source: f.provenance.departments,
      },
      { label: m.address, as: 'text', items: [{ text: m.facility.address(f.address, names.area) }] },
      { label: m.phone, as: 'text', items: f.contact.phone ? [{ text: f.contact.phone, href: `tel:${f.contact.phone}` }] : [], empty: m.notRegistered },
      ...text(m.fax, f.contact.fax),
      ...text(m.website, f.contact.website, { href: f.contact.website, external: true }),
      ...text(m.booking, f.contact.booking, { href: f.contact.booking, external: true }),
    ],
    access: [
      {
        label: m.nearestStations,
        as: 'list',
        items: stations.map((s) => ({
          text: s.name ?? s.station,
          href: `${p}/stations/${s.station}/`,
          ...(s.walkMinutes !== undefined && { suffix: m.facility.walk(s.walkMinutes) }),
          ...(s.distanceM !== undefined && { note: m.facility.aboutMetres(s.distanceM) }),
        })),
        empty: m.notRegistered,
        ...(stations.length > 0 && { note: m.straightLine, source: f.provenance.access }),
      },
      ...text(m.parking, f.access.parking),
      ...yesNo(m.stepFree, f.access.stepFree, m.yes, m.no),
      ...yesNo(m.accessibleToilet, f.access.accessibleToilet, m.yes, m.no),
      ...text(m.access, f.access.note),
    ],
    positionApprox: f.position?.precision === 'chome',
    services: f.services.map((s) => m.labels.service[s]),
    languages: f.languages.map((l) => m.labels.language[l]),
  };
}
