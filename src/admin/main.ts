/**
 * The /admin bundle: Decap CMS from npm, bundled by src/integrations/decap.ts into dist/admin/cms.js.
 * The configuration itself is dist/admin/config.yml, generated from the schema (src/lib/decap/config.ts);
 * this file only adds what a file cannot: the Japanese wording, the facility preview and the save hook.
 */
import CMS from 'decap-cms-app';
import { fromJS, type Map as ImmutableMap } from 'immutable';
import { parse as parseYaml } from 'yaml';
import { prepareSave } from '../lib/decap/save.ts';
import { FacilityPreview, PREVIEW_CSS } from './preview.ts';
import { jaPhrases } from './phrases.ts';

/** src/styles.css, put in by the bundler (src/integrations/decap.ts): the preview uses the site's own stylesheet. */
declare const __SITE_CSS__: string;

CMS.registerLocale('ja', jaPhrases);
CMS.registerPreviewStyle(__SITE_CSS__ + PREVIEW_CSS, { raw: true });
CMS.registerPreviewTemplate('facilities', FacilityPreview);

/** The file as it was loaded (the base of "what did the editor change"); none for a new entry. */
function previousData(entry: ImmutableMap<string, unknown>): Record<string, unknown> | undefined {
  const raw = entry.get('raw');
  if (entry.get('newRecord') || typeof raw !== 'string' || raw.trim() === '') return undefined;
  const text = /^---\r?\n([\s\S]*?)\r?\n---/.exec(raw)?.[1] ?? raw;
  const parsed: unknown = parseYaml(text);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
}

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: ImmutableMap<string, unknown> }) => {
    const data = (entry.get('data') as ImmutableMap<string, unknown>).toJS() as Record<string, unknown>;
    // Throws with a Japanese message when the entry is invalid; Decap shows it and keeps the form.
    return fromJS(prepareSave(String(entry.get('collection')), data, previousData(entry)));
  },
});

// The OAuth popup posts back to this origin only (functions/_lib/oauth.ts), so the CMS listens on it too.
CMS.init({ config: { backend: { base_url: window.location.origin } } } as never);
