import fs from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The rooms and what may import what (ARCHITECTURE.md says the same in words). The feature list is read
 * from src/features/, so a new feature folder is fenced in the day it is made. `lint.test.ts` proves that
 * each forbidden import below fails.
 */
export const FEATURES = fs
  .readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const UI_PACKAGES = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'leaflet',
  'react-leaflet',
  'recharts',
];

/** A zone: files under `target` must not import files under `from` (except the listed sub-folders). */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

export const ZONES = [
  // The model is the bottom room: pure data rules, no UI, no store, no extraction.
  ...['src/state', 'src/features', 'src/app', 'src/components', 'src/extract'].map((from) =>
    zone('src/model', from, 'src/model imports nothing above it (see ARCHITECTURE.md).'),
  ),
  // The extraction engine runs in a worker and in Node: the model only.
  ...['src/state', 'src/features', 'src/app', 'src/components'].map((from) =>
    zone('src/extract', from, 'src/extract is pure: it may import src/model only.'),
  ),
  ...['src/features', 'src/app', 'src/components'].map((from) =>
    zone('src/state', from, 'src/state holds the store and storage: no features, app or components.'),
  ),
  ...['src/features', 'src/app'].map((from) =>
    zone('src/components', from, 'src/components are shared by features: they import no feature and no app.'),
  ),
  // Features never import each other; only src/app composes them.
  ...FEATURES.map((feature) =>
    zone(`src/features/${feature}`, 'src/features', 'Features must not import each other; compose them in src/app.', [
      `./${feature}`,
    ]),
  ),
  ...FEATURES.map((feature) => zone(`src/features/${feature}`, 'src/app', 'A feature must not import src/app.')),
  // A unit test may use a build script's pure helpers (the bench's scoring, the build's differences).
  zone('src/**/!(*.test).{ts,tsx}', 'scripts', 'The app must not import build scripts.'),
  zone('src', 'e2e', 'The app must not import browser journeys.'),
  zone('scripts', 'e2e', 'Scripts must not import browser journeys; shared helpers live in scripts/lib.'),
  // The team workspace's server shares the model (its schemas and rules) with the page, and nothing else of it.
  ...['src/state', 'src/features', 'src/app', 'src/components', 'src/extract', 'e2e'].map((from) =>
    zone('server', from, 'server/ may import src/model only (the protocol and the data rules), not the page.'),
  ),
  // Only the server's tests may use a script helper (the throwaway PostgreSQL, the server as a process).
  zone('server/!(*.test).ts', 'scripts', 'The server must not import scripts; its tests and server/testing may.'),
  zone('src', 'server', 'The page must not import the server: they share src/model/workspace/protocol.ts.'),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'coverage', 'node_modules', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // The dependency graph (for no-cycle) is read with the TypeScript parser.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Data must never become HTML.' },
      ],
      'import-x/no-restricted-paths': ['error', { zones: ZONES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  // The model and the extraction engine know nothing of React, the store or the map and chart libraries.
  {
    files: ['src/model/**/*.{ts,tsx}', 'src/extract/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: UI_PACKAGES, message: 'src/model and src/extract are pure: no UI library.' }] },
      ],
    },
  },
);
