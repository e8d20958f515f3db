/**
 * A clinic's update from the form, applied to its file (functions/_lib/facility-update.ts), then proposed as a
 * PR to the GitHub repository fake: the file that arrives passes the content check and reads as the hours the
 * clinic entered; what a clinic may not change is refused with the field; the PR holds public values only.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeChange } from '../../functions/_lib/content-pr.ts';
import { applyFacilityUpdate, facilityUpdateProposal } from '../../functions/_lib/facility-update.ts';
import { checkContent, formatProblems } from '../../src/lib/check/check-content.ts';
import { FacilitySchema } from '../../src/lib/schema/index.ts';
import { hoursView } from '../../src/view/hours.ts';
import { json, listen } from '../../scripts/lib/fakes/fake-server.ts';
import { handle, newRepo, type FakeRepo } from '../../scripts/lib/fakes/github-repo.ts';

const root = path.resolve(import.meta.dirname, '../..');
const ID = 'kakuu-nakano-naika';
const current = readFileSync(path.join(root, `tests/fixtures/demo/facilities/${ID}.yaml`), 'utf8');
const TODAY = '2026-12-03';
const names = (folder: string) => new Set(readdirSync(path.join(root, 'content', folder)).map((f) => f.replace(/\.yaml$/, '')));
const vocab = { departments: names('departments'), stations: names('stations') };

/** 月火木金 9:00–12:30 / 15:00–18:30, 土 9:00–13:00, 第2・第4土曜休診, 祝日休診, and a new phone. */
const update = {
  contact: { phone: '03-5555-0101', website: 'https://kakuu-naika.example/' },
  hours: {
    schedules: [
      {
        slots: [
          { days: ['mon', 'tue', 'thu', 'fri'], open: '09:00', close: '12:30', receptionClose: '12:15', label: '午前' },
          { days: ['mon', 'tue', 'thu', 'fri'], open: '15:00', close: '18:30', label: '午後' },
          { days: ['sat'], open: '09:00', close: '13:00' },
        ],
      },
    ],
    closedOnHolidays: true,
    nthWeekClosures: [{ weeks: [2, 4], day: 'sat' }],
  },
};

describe('applyFacilityUpdate', () => {
  const applied = applyFacilityUpdate(current, update, TODAY, vocab);

  it('writes a file the content check accepts, with the hours the clinic entered', async () => {
    expect(applied.ok, JSON.stringify(applied)).toBe(true);
    if (!applied.ok) return;
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'nakano-update-')), 'content');
    for (const folder of ['departments', 'areas', 'stations', 'pages', 'skills', 'qualifications', 'societies'])
      cpSync(path.join(root, 'content', folder), path.join(dir, folder), { recursive: true });
    cpSync(path.join(root, 'tests/fixtures/demo/facilities'), path.join(dir, 'facilities'), { recursive: true });
    writeFileSync(path.join(dir, 'facilities', `${ID}.yaml`), applied.text);
    const { problems, content } = await checkContent(dir);
    expect(formatProblems(problems)).toBe('');
    const f = content.facilities.get(ID)!;
    const view = hoursView(f.hours!, [], 'ja', TODAY);
    expect(view.notes.join('\n')).toMatch(/第2・第4土曜/);
    expect(view.tables[0]!.rows).toHaveLength(3);
    expect(f.contact.phone).toBe('03-5555-0101');
  });

  it('stamps what changed as the facility’s own statement through the form, keeps the rest and the file’s comment', () => {
    if (!applied.ok) throw new Error('not applied');
    const f = parse(applied.text) as Record<string, any>;
    expect(f['provenance'].contact).toEqual({ source: 'facility', via: 'form', date: TODAY });
    expect(f['provenance'].hours).toEqual({ source: 'facility', via: 'form', date: TODAY });
    expect(f['provenance'].name).toEqual({ source: 'facility', date: '2026-10-01' });
    expect(f['lastVerified']).toBe(TODAY);
    expect(f['editors']).toEqual(['kakuu-editor-nakano']);
    expect(applied.text.startsWith('# 架空の医療機関')).toBe(true);
    expect(applied.changes.map((c) => c.path)).toContain('contact.phone');
    expect(applied.changes.map((c) => c.path)).toContain('hours.nthWeekClosures.0.weeks.1');
    expect(applied.changes.some((c) => c.path.startsWith('provenance'))).toBe(false);
    // Groups the update does not name stay exactly as they were (not replaced by their empty defaults).
    expect(applied.changes.every((c) => c.path.startsWith('contact.') || c.path.startsWith('hours.'))).toBe(true);
    const before = parse(current) as Record<string, unknown>;
    for (const g of ['departments', 'access', 'services', 'languages', 'profile']) expect(f[g], g).toEqual(before[g]);
  });

  const refused: [string, unknown, string, RegExp][] = [
    ['a change to editors', { editors: ['me'] }, 'editors', /フォームから変更できません/],
    ['a change to the name', { name: { official: '別の名前', display: '別の名前' } }, 'name', /フォームから変更できません/],
    ['a phone of letters', { contact: { phone: 'abc' } }, 'contact.phone', /電話番号は半角数字とハイフン/],
    [
      'an end before the start',
      { hours: { schedules: [{ slots: [{ days: ['mon'], open: '12:00', close: '09:00' }] }] } },
      'hours.schedules.0.slots.0.close',
      /より前/,
    ],
    ['an unknown department', { departments: [{ code: '99999' }] }, 'departments.0.code', /診療科コード 99999 は診療科の一覧にありません/],
    ['an unknown station', { access: { stations: [{ station: 'atlantis' }] } }, 'access.stations.0.station', /駅 atlantis は駅の一覧にありません/],
    ['an unknown top-level key', { secret: 1 }, 'secret', /フォームから変更できません/],
  ];
  it.each(refused)('refuses %s with the field', (_, input, field, message) => {
    const r = applyFacilityUpdate(current, input, TODAY, vocab);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems.find((x) => x.field === field);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p!.message).toMatch(message);
  });
});

describe('the pull request of an update', () => {
  let repo: FakeRepo;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    repo = newRepo({ [`content/facilities/${ID}.yaml`]: current });
    server = await listen((req, res) => {
      if (!handle(repo, 'kakuu-org/content', req, res)) json(res, 404, { message: 'Not Found' });
    });
  });
  afterAll(() => server?.close());

  it('carries the file, a before → after table and the reviewer’s checklist, and nothing about the submitter', async () => {
    const applied = applyFacilityUpdate(current, update, TODAY, vocab);
    if (!applied.ok) throw new Error('not applied');
    const proposal = facilityUpdateProposal(ID, applied, 'U-20261203-7K3M9QXA');
    expect(proposal.title).toBe('[掲載情報の更新] 架空なかの内科クリニック');
    expect(proposal.body).toContain('| `contact.phone` | 03-0000-0000 | 03-5555-0101 |');
    expect(proposal.body).toContain('- [ ] 公表電話番号へ折り返して本人確認');
    const r = await proposeChange({ token: 't', owner: 'kakuu-org', repo: 'content', api: server.url, base: 'main' }, proposal);
    expect(r.ok).toBe(true);
    const file = repo.branches.get(repo.pulls[0]!.head)!.get(`content/facilities/${ID}.yaml`)!;
    expect(FacilitySchema.safeParse(parse(file)).success).toBe(true);
    // The submitter's name, email and call-back phone never reach the form's update, so they cannot reach GitHub.
    const sent = repo.log.map((q) => `${q.path}\n${q.body}`).join('\n');
    expect(sent).not.toMatch(/@[a-z]|架空 担当/);
  });
});
