/**
 * The rules a staff profile must keep, on copies of the demo fixtures (架空) broken one way each: every bad
 * file fails with its path, the field and a Japanese message an editor can act on.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/lib/check/check-content.ts';
import { publicPerson, twoYearsBefore } from '../../src/lib/content/public-person.ts';
import { PersonSchema } from '../../src/lib/schema/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const FILE = 'content/people/kakuu-ichiro.yaml';

/** The real vocabularies, the demo facilities and people, with 架空 一郎's file changed by `mutate`. */
function demoSet(mutate: (p: Record<string, any>) => void): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'nakano-people-')), 'content');
  for (const folder of ['departments', 'areas', 'stations', 'pages', 'skills', 'qualifications', 'societies'])
    cpSync(path.join(root, 'content', folder), path.join(dir, folder), { recursive: true });
  for (const folder of ['facilities', 'people']) cpSync(path.join(root, 'tests/fixtures/demo', folder), path.join(dir, folder), { recursive: true });
  const file = path.join(dir, 'people', 'kakuu-ichiro.yaml');
  const p = parse(readFileSync(file, 'utf8'));
  mutate(p);
  writeFileSync(file, stringify(p));
  return dir;
}

describe('the demo fixtures', () => {
  it('pass every rule', async () => {
    const { problems, content } = await checkContent(demoSet(() => {}));
    expect(formatProblems(problems)).toBe('');
    expect(content.counts.people).toBe(15);
  });
});

describe('a bad staff profile fails with the file, the field and a Japanese message', () => {
  const cases: [string, (p: Record<string, any>) => void, string, RegExp][] = [
    ['a section published without consent', (p) => (p.consent.sections = p.consent.sections.filter((s: string) => s !== 'portfolio')), 'portfolio', /ポートフォリオは本人が公開に同意していません/],
    ['no consent record at all', (p) => delete p.consent, 'consent', /./],
    ['data left after withdrawal', (p) => (p.consent.withdrawn = '2026-11-01'), 'skills', /同意が撤回されています（2026-11-01）。検査・診療技能を削除してください/],
    ['a withdrawal before the consent', (p) => ((p.consent.withdrawn = '2020-01-01'), (p.consent.sections = []), (p.affiliations = []), (p.qualifications = []), delete p.memberships, delete p.skills, delete p.portfolio), 'consent.withdrawn', /撤回の日（2020-01-01）が同意の日（2026-10-01）より前です/],
    ['consent to a policy version newer than the consent', (p) => (p.consent.policyVersion = '2026-11-24'), 'consent.policyVersion', /後の版/],
    ['consent to a policy version that never existed', (p) => (p.consent.policyVersion = '2026-06-01'), 'consent.policyVersion', /プライバシーポリシーに 2026-06-01 の版はありません（版: 2026-12-04、2026-12-03、2026-11-24、2025-10-27）/],
    ['an affiliation at a facility that does not exist', (p) => (p.affiliations[0].facility = 'no-such-clinic'), 'affiliations.0.facility', /施設 no-such-clinic は医療機関の一覧/],
    ['an affiliation with both a facility and a place', (p) => (p.affiliations[0].place = '架空病院'), 'affiliations.0.facility', /どちらか一方/],
    ['an affiliation ending before it starts', (p) => (p.affiliations[0].to = '2000-01-01'), 'affiliations.0.to', /終了日が開始日より前/],
    ['an unknown 職種', (p) => (p.profession = 'wizard'), 'profession', /職種が正しくありません/],
    ['an unknown qualification', (p) => (p.qualifications[0].qualification = 'q999'), 'qualifications.0.qualification', /資格 q999 は資格の一覧/],
    ['a self-declared qualification checked by a reviewer', (p) => (p.qualifications[0].verification = { status: 'self-declared', by: 'reviewer', date: '2026-10-01' }), 'qualifications.0.verification.by', /本人の申告/],
    ['a registry check claimed by the person', (p) => (p.qualifications[0].verification.by = 'person'), 'qualifications.0.verification.by', /本人以外/],
    ['an unknown society', (p) => (p.memberships.societies = ['soc999']), 'memberships.societies.0', /学会 soc999 は学会の一覧/],
    ['an unknown skill', (p) => (p.skills.ids = ['mind-reading']), 'skills.ids.0', /技能 mind-reading は検査・診療技能の一覧/],
    ['an ORCID that is not an ORCID', (p) => (p.portfolio.orcid = 'https://example.org/me'), 'portfolio.orcid', /ORCID は https:\/\/orcid.org/],
    ['a DOI that is not a DOI', (p) => (p.portfolio.achievements[0].doi = 'doi:abc'), 'portfolio.achievements.0.doi', /DOI は 10\. で始まる/],
    ['a private field', (p) => (p.private = { email: 'x@example.invalid' }), 'private', /公開プロフィールに書けません/],
  ];
  it.each(cases)('%s', async (_, mutate, field, message) => {
    const { problems } = await checkContent(demoSet(mutate));
    const p = problems.find((x) => x.file === FILE && x.field === field);
    expect(p, formatProblems(problems)).toBeDefined();
    expect(p?.message).toMatch(message);
  });
});

describe('publicPerson', () => {
  const person = PersonSchema.parse(parse(readFileSync(path.join(root, 'tests/fixtures/demo/people/kakuu-hanako.yaml'), 'utf8')));
  const vocab = async () => {
    const { content } = await checkContent(demoSet(() => {}));
    return content;
  };

  it('publishes no section without consent, even when the file holds one (the second lock)', async () => {
    const c = await vocab();
    const sneaky = { ...person, consent: { ...person.consent, sections: [] }, portfolio: { achievements: [{ kind: 'paper' as const, title: '架空', year: 2020 }] } };
    const pp = publicPerson(sneaky, c, '2026-12-03')!;
    expect([pp.affiliations, pp.qualifications, pp.skills, pp.portfolio.achievements, pp.societies]).toEqual([[], [], [], [], []]);
  });

  it('publishes nothing from the day consent is withdrawn', async () => {
    const c = await vocab();
    const withdrawn = { ...person, consent: { ...person.consent, withdrawn: '2026-12-01' } };
    expect(publicPerson(withdrawn, c, '2026-11-30')).not.toBeNull();
    expect(publicPerson(withdrawn, c, '2026-12-01')).toBeNull();
  });

  it('ends a qualification after its 認定期間', async () => {
    const c = await vocab();
    const names = (today: string) => publicPerson(person, c, today)!.qualifications.map((q) => `${q.info.name}:${q.current}`);
    expect(names('2020-03-31')).toEqual(['総合内科専門医:true', '循環器専門医:true']);
    expect(names('2020-04-01')).toEqual(['循環器専門医:true', '総合内科専門医:false']);
  });

  it('calls a profile stale the day after two years have passed since its newest confirmation', async () => {
    const c = await vocab();
    expect(publicPerson(person, c, '2028-10-15')!.stale).toBe(false);
    expect(publicPerson(person, c, '2028-10-16')!.stale).toBe(true);
    expect(twoYearsBefore('2028-02-29')).toBe('2026-02-28');
  });
});
