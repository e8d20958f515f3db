/**
 * A clinic's update from the form (/update/, functions/api/facility-updates.ts): the groups a clinic knows
 * about itself, checked by the same schema as content/, applied to the facility's current file, stamped as the
 * facility's own statement through the form, and turned into the pull request's file, title and body. The
 * body lists every changed field (before → after, as the PR review check does) and the reviewer's checklist;
 * it holds nothing about the submitter, who stays in D1.
 */
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { FacilitySchema } from '../../src/lib/schema/index.ts';
import { compact } from '../../src/lib/util/compact.ts';
import { stampProvenance } from '../../src/lib/util/facility-edit.ts';
import { fieldChanges, shortValue } from '../../src/lib/util/field-changes.ts';
import { proposalBase, proposeChange, type ContentRepo, type ProposedChange } from './content-pr.ts';
import { formFieldOf, STATION_ROWS, type FacilityUpdateForm, type FormGroup } from '../../src/lib/schema/facility-update-form.ts';
import type { FormIssue } from '../../src/lib/schema/forms.ts';

/** What a clinic may change about itself from the form; names, address, codes, status and editors stay with reviewers. */
export const FACILITY_UPDATE_GROUPS = ['contact', 'departments', 'hours', 'access', 'services', 'languages', 'profile'] as const;

/** The update as the form sends it: any of the groups, each whole, each checked as content/ checks it. */
export const FacilityUpdateSchema = z
  .object(
    Object.fromEntries(FACILITY_UPDATE_GROUPS.map((g) => [g, FacilitySchema.shape[g].optional()])) as {
      [G in (typeof FACILITY_UPDATE_GROUPS)[number]]: z.ZodOptional<(typeof FacilitySchema.shape)[G]>;
    },
  )
  .strict();
export type FacilityUpdate = z.input<typeof FacilityUpdateSchema>;

export interface UpdateProblem {
  /** Dotted field path, e.g. `hours.schedules.0.slots.1.close`. */
  field: string;
  message: string;
}

export type AppliedUpdate =
  { ok: true; text: string; changes: { path: string; before: unknown; after: unknown }[]; name: string } | { ok: false; problems: UpdateProblem[] };

const problemsOf = (e: z.ZodError): UpdateProblem[] =>
  e.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ field: [...i.path, k].map(String).join('.'), message: 'この項目はフォームから変更できません（審査担当者が変更します）' }))
      : [{ field: i.path.map(String).join('.'), message: i.message }],
  );

/** The leading comment lines of a content file (its 出典 note), kept as they are. */
const header = (text: string): string => /^(?:#[^\n]*\n)*/.exec(text)?.[0] ?? '';

/** The vocabularies an update may refer to (the site publishes them; the content check resolves the same). */
export interface UpdateVocabulary {
  departments: ReadonlySet<string>;
  stations: ReadonlySet<string>;
}

/** The references check:content would refuse: departments and stations that are not in the vocabularies. */
function unknownReferences(f: z.output<typeof FacilitySchema>, v: UpdateVocabulary): UpdateProblem[] {
  const codes = new Set(f.departments.map((d) => d.code));
  return [
    ...f.departments.flatMap((d, i) =>
      v.departments.has(d.code) ? [] : [{ field: `departments.${i}.code`, message: `診療科コード ${d.code} は診療科の一覧にありません` }],
    ),
    ...(f.hours?.schedules ?? []).flatMap((s, i) =>
      s.departments.flatMap((c, j) =>
        codes.has(c) ? [] : [{ field: `hours.schedules.${i}.departments.${j}`, message: `診療科コード ${c} はこの施設の診療科にありません` }],
      ),
    ),
    ...f.access.stations.flatMap((s, i) =>
      v.stations.has(s.station) ? [] : [{ field: `access.stations.${i}.station`, message: `駅 ${s.station} は駅の一覧にありません` }],
    ),
  ];
}

/**
 * `current`: the facility's file on the content repository's main branch. Returns the new file, or the problems
 * by field (Japanese, as the content check words them) when the update or the result would not validate.
 */
export function applyFacilityUpdate(current: string, input: unknown, today: string, vocab: UpdateVocabulary): AppliedUpdate {
  const update = FacilityUpdateSchema.safeParse(input, { error: (iss) => z.locales.ja().localeError(iss) });
  if (!update.success) return { ok: false, problems: problemsOf(update.error) };
  const before = parse(current) as Record<string, unknown>;
  // Whole groups replace whole groups, in the file's own key order; stampProvenance dates the ones that changed.
  const merged: Record<string, unknown> = { ...before };
  // The groups the input names (not the parsed update: it has the groups' defaults, e.g. `access: { stations: [] }`).
  for (const g of FACILITY_UPDATE_GROUPS) if (Object.hasOwn(input as object, g)) merged[g] = (input as Record<string, unknown>)[g];
  const next = stampProvenance(merged, before, today, 'form');
  const result = FacilitySchema.safeParse(next, { error: (iss) => z.locales.ja().localeError(iss) });
  if (!result.success) return { ok: false, problems: problemsOf(result.error) };
  const unknown = unknownReferences(result.data, vocab);
  if (unknown.length > 0) return { ok: false, problems: unknown };
  const changes = fieldChanges(before, next, ['provenance', 'lastVerified']);
  const text = `${header(current)}${stringify(next, { lineWidth: 0, aliasDuplicateObjects: false })}`;
  return { ok: true, text, changes, name: result.data.name.display };
}

/** The reviewer's checks for a form update, in the PR body. */
const CHECKLIST = [
  '公表電話番号へ折り返して本人確認（連絡先は `npm run requests -- show <受付番号>` で確認。PR には書かない）',
  '変更内容が医療機関の公表情報（ウェブサイト・院内掲示）と合っているか',
  '診療時間の表（プレビュー）が意図どおりか',
];

/** The pull request for an applied update: one file, public values only. */
export function facilityUpdateProposal(id: string, applied: Extract<AppliedUpdate, { ok: true }>, requestId: string): ProposedChange {
  const rows = applied.changes.map((c) => `| \`${c.path}\` | ${shortValue(c.before).replace(/\|/g, '\\|')} | ${shortValue(c.after).replace(/\|/g, '\\|')} |`);
  return {
    kind: 'facility-update',
    subject: id,
    files: [{ path: `content/facilities/${id}.yaml`, text: applied.text }],
    title: `[掲載情報の更新] ${applied.name}`,
    body: [
      `医療機関の方が更新フォームから送った変更です（受付番号 ${requestId}、メール確認済み）。`,
      '',
      '| 項目 | 変更前 | 変更後 |',
      '|---|---|---|',
      ...rows,
      '',
      '### 審査担当者の確認',
      ...CHECKLIST.map((c) => `- [ ] ${c}`),
      '',
      '<sub>送信者の氏名・連絡先はこの PR に含めていません（運営者の台帳にのみ暗号化して保存）。</sub>',
    ].join('\n'),
  };
}

/** The current file's groups, as plain data (what the form was pre-filled with). */
type Data = Record<string, unknown>;

const flag = (v: 'yes' | 'no' | undefined): boolean | undefined => (v === undefined ? undefined : v === 'yes');

/**
 * The form's flat fields as whole groups of the content file. Values the form does not show are carried over
 * from the current file: a department's advertised name, a station's derived distance (while the station stays).
 * Returns the groups, or the one refusal the form itself can cause (hours that are not JSON).
 */
export function formToUpdate(form: FacilityUpdateForm, current: Data): { ok: true; update: Data } | { ok: false; issue: FormIssue } {
  const edits = new Set<FormGroup>(form.edits);
  const update: Data = {};
  if (edits.has('contact')) update['contact'] = compact({ phone: form.publicPhone, fax: form.fax, website: form.website, booking: form.booking });
  if (edits.has('departments')) {
    const names = new Map(((current['departments'] as { code: string; name?: string }[] | undefined) ?? []).map((d) => [d.code, d.name]));
    update['departments'] = [...new Set(form.departments)].map((code) => compact({ code, name: names.get(code) }));
  }
  if (edits.has('access')) {
    const before = (current['access'] as Data | undefined) ?? {};
    const stationsBefore = (before['stations'] as { station: string; distanceM?: number }[] | undefined) ?? [];
    const stations: Data[] = [];
    for (let i = 1; i <= STATION_ROWS; i++) {
      const station = form[`station${i}` as 'station1'];
      if (!station) continue;
      const walk = form[`walk${i}` as 'walk1'];
      const kept = stationsBefore.find((s) => s.station === station);
      stations.push(compact({ station, distanceM: kept?.distanceM, walkMinutes: walk === undefined ? undefined : Number(walk) }));
    }
    update['access'] = compact({
      stations,
      parking: form.parking,
      stepFree: flag(form.stepFree),
      accessibleToilet: flag(form.accessibleToilet),
      note: form.accessNote,
    });
  }
  if (edits.has('services')) update['services'] = [...new Set(form.services)];
  if (edits.has('languages')) update['languages'] = [...new Set(form.languages)];
  // An emptied text removes the profile.
  if (edits.has('profile')) update['profile'] = form.profile;
  if (form.hours !== undefined) {
    let hours: unknown;
    try {
      hours = JSON.parse(form.hours);
    } catch {
      return { ok: false, issue: { field: 'hours', reason: 'malformed' } };
    }
    if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) return { ok: false, issue: { field: 'hours', reason: 'type' } };
    update['hours'] = hours;
  }
  return { ok: true, update };
}

/** The content schema's problems as form refusals: the form field, the content path, the field's name and the message. */
export function problemIssues(problems: readonly UpdateProblem[], label: (field: string) => string): FormIssue[] {
  return problems.map((p) => {
    const field = formFieldOf(p.field);
    return { field, reason: 'invalid', path: p.field, message: `${label(field)}: ${p.message}` };
  });
}

/** The pull request to make once the sender is verified: the outbox's `github-pr` payload (public values only). */
export interface FacilityUpdateJob {
  kind: 'facility-update';
  requestId: string;
  facilityId: string;
  /** The groups as the form sent them. */
  update: Data;
  /** The day the facility stated it (JST), for provenance. */
  date: string;
  /** Departments and stations the update names, checked against the vocabularies when it was received. */
  references: { departments: string[]; stations: string[] };
}

/** What an applied update names, so the job can be checked again later without the built site. */
export function referencesOf(text: string): FacilityUpdateJob['references'] {
  const f = parse(text) as { departments?: { code?: unknown }[]; access?: { stations?: { station?: unknown }[] } } | null;
  return {
    departments: (f?.departments ?? []).map((d) => String(d.code)),
    stations: (f?.access?.stations ?? []).map((s) => String(s.station)),
  };
}

/**
 * Applies the update to the facility's file as it is now on GitHub (on its open self-service PR, if any, so
 * updates add up), and proposes the result. A file that no longer takes the update (a reviewer changed it in a
 * way that conflicts, or removed the facility) is an error the operator sees in the outbox.
 */
export async function proposeFacilityUpdate(repo: ContentRepo, job: FacilityUpdateJob): Promise<{ ok: true; result: string } | { ok: false; error: string }> {
  const path = `content/facilities/${job.facilityId}.yaml`;
  const base = await proposalBase(repo, 'facility-update', job.facilityId, path);
  if (!base.ok) return base;
  if (base.text === null) return { ok: false, error: 'facility-gone' };
  const known = referencesOf(base.text);
  const vocab = {
    departments: new Set([...job.references.departments, ...known.departments]),
    stations: new Set([...job.references.stations, ...known.stations]),
  };
  const applied = applyFacilityUpdate(base.text, job.update, job.date, vocab);
  if (!applied.ok) return { ok: false, error: 'conflict' };
  const r = await proposeChange(repo, facilityUpdateProposal(job.facilityId, applied, job.requestId));
  return r.ok ? { ok: true, result: r.url } : r;
}
