// ESLint for the whole tree: the recommended rules of JavaScript, typescript-eslint and Astro, and the
// layout of GUIDE §3 / docs/architecture.md as import rules. A wrong import fails with the rule's name
// (`layout/<name>`) in the message. docs/decisions/0007-layout-rules-in-eslint.md.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** One layout rule: files in `target` may import from `from` only what `except` names. */
const rule = (name, why, target, from, except = []) => ({ target, from, except, message: `layout/${name}: ${why}` });

const LIB_NOT_DECAP = ['schema', 'util', 'search', 'seo', 'check', 'content'].map((d) => `./src/lib/${d}`);
const NOT_SRC = ['./functions', './scripts', './tests', './workers'];

const zones = [
  rule('nothing-imports-tests', 'tests/ import anything, nothing imports tests/', ['./src', './functions', './scripts', './workers'], './tests'),
  rule('schema-is-a-leaf', 'src/lib/schema imports nothing but zod', './src/lib/schema', './src', ['./lib/schema']),
  rule('schema-is-a-leaf', 'src/lib/schema imports nothing but zod', './src/lib/schema', NOT_SRC),
  rule('util-is-pure', 'src/lib/util may import src/lib/schema only', './src/lib/util', './src', ['./lib/schema', './lib/util']),
  rule('mappings-are-pure', 'src/lib/search and src/lib/seo may import src/lib/schema and src/lib/util', ['./src/lib/search', './src/lib/seo'], './src/lib', [
    './schema',
    './util',
    './search',
    './seo',
  ]),
  rule('decap-config', 'src/lib/decap may import src/lib/schema, src/lib/util and src/i18n (the CMS labels)', './src/lib/decap', './src', [
    './lib/schema',
    './lib/util',
    './lib/decap',
    './i18n',
  ]),
  rule('check-is-pure', 'src/lib/check may import src/lib/schema and src/lib/util', './src/lib/check', './src', ['./lib/schema', './lib/util', './lib/check']),
  rule('lib-below-ui', 'src/lib imports nothing outside src/lib (only src/lib/decap reads src/i18n)', LIB_NOT_DECAP, './src', ['./lib']),
  rule('lib-below-ui', 'src/lib imports no page, component, layout, script or integration', './src/lib', NOT_SRC),
  rule('collections-define-no-fields', 'src/content.config.ts imports the schema registry and where content lives', './src/content.config.ts', './src', [
    './lib/schema',
    './lib/content/content-dir.ts',
  ]),
  rule('i18n-holds-words', 'src/i18n may import src/lib/schema (types and the language list) only', './src/i18n', './src', ['./lib/schema', './i18n']),
  rule('views-are-data', 'src/view (what a page shows, as data) may import src/lib and src/i18n', './src/view', './src', ['./lib', './i18n', './view']),
  rule(
    'ui-uses-lib',
    'components and layouts import src/lib, src/i18n, src/view, other components and browser scripts',
    ['./src/components', './src/layouts'],
    './src',
    ['./lib', './i18n', './view', './components', './layouts', './scripts', './styles.css'],
  ),
  rule('browser-scripts', 'src/scripts and src/admin run in the browser: src/lib, src/i18n and src/view only', ['./src/scripts', './src/admin'], './src', [
    './lib',
    './i18n',
    './view',
    './scripts',
    './admin',
  ]),
  rule(
    'integrations-use-lib',
    'src/integrations may import src/lib and src/i18n (the CMS pickers name vocabulary as the pages do)',
    './src/integrations',
    './src',
    ['./lib', './i18n', './integrations'],
  ),
  rule('src-is-the-site', 'src/ imports nothing from functions/, scripts/ or workers/', './src', NOT_SRC),
  rule('handlers-are-thin', 'functions/api may import functions/_lib, src/lib/schema and src/lib/util', './functions/api', './src', [
    './lib/schema',
    './lib/util',
  ]),
  rule('handlers-are-thin', 'functions/api may import functions/_lib', './functions/api', './functions', ['./_lib', './api']),
  rule('middleware-uses-lib', 'a functions middleware imports functions/_lib', './functions/**/_middleware.ts', './functions/api'),
  rule(
    'functions-lib',
    'functions/_lib may import src/lib/schema, src/lib/util, src/lib/search, src/i18n (the words of refusals and mails) and the pure staff-profile rules of src/lib/check (a registration is refused as check:content would)',
    './functions/_lib',
    './src',
    ['./lib/schema', './lib/util', './lib/search', './i18n', './lib/check/people.ts', './lib/check/problem.ts'],
  ),
  rule('functions-lib', 'functions/_lib imports no handler (only the build output in functions/_generated)', './functions/_lib', './functions', [
    './_lib',
    './_generated',
  ]),
  rule('functions-are-the-server', 'functions/ imports no script', './functions', ['./scripts', './workers']),
  rule('workers-use-functions-lib', 'workers/ may import functions/_lib', './workers', './functions', ['./_lib']),
  rule('workers-use-functions-lib', 'workers/ may import functions/_lib and src/lib', './workers', './src', ['./lib']),
  rule('scripts-use-lib', 'scripts/ may import src/lib and functions/_lib', './scripts', './src', ['./lib']),
  rule('scripts-use-lib', 'scripts/ may import src/lib and functions/_lib', './scripts', './functions', ['./_lib']),
];

/** Bare imports that files matching `files` (but not `ignores`) may not make; the files of two calls never overlap. */
const restrict = (why, files, ignores, regex) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message: `layout/${why}` }] }] },
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-*/**', '.astro/**', '.wrangler/**', '.bench/**', 'node_modules/**', 'functions/_generated/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.astro'] })] },
    rules: {
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true }],
      'import-x/no-restricted-paths': ['error', { zones, basePath: import.meta.dirname }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Tests break content on purpose: a parsed YAML file is mutated field by field before it is validated.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  restrict(
    'schema-is-a-leaf: src/lib/schema imports nothing but zod (zod/mini and its core too)',
    ['src/lib/schema/**/*.ts'],
    [],
    '^(?!zod(?:/mini|/v4/core)?$|\\.)',
  ),
  restrict(
    'runs-in-workerd: code shared with functions/ uses neither node: nor astro:',
    ['src/lib/util/**/*.ts', 'src/lib/search/**/*.ts', 'functions/**/*.ts', 'workers/**/*.ts'],
    [],
    '^(node|astro):',
  ),
  restrict(
    'astro-content-in-one-place: only src/lib/content imports astro:content',
    ['src/**/*.{ts,astro}'],
    ['src/lib/content/**', 'src/content.config.ts', 'src/lib/schema/**', 'src/lib/util/**', 'src/lib/search/**'],
    '^astro:content$',
  ),
  restrict('scripts-use-lib: scripts never import astro:*', ['scripts/**/*.ts'], [], '^astro:'),
);
