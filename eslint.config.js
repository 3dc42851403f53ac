// ESLint flat config. typescript-eslint "recommended" without type information, so lint stays fast.
// The part that matters most is the boundary section: the engine has one door (CONVENTIONS habit 1).
// tests/unit/lint-boundary.test.ts proves each rule below fires.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint-boundaries.mjs';

const ENGINE = ['src/engine/**/*.ts'];
const ENGINE_CONTENT = ['src/engine/content/**/*.ts'];
const VIEWS = ['src/ui/**/*.ts', 'src/scenes/**/*.ts', 'src/audio/**/*.ts'];

const VIEW_LIBS_MESSAGE = 'The engine is pure: no Phaser, zustand, howler or i18next. The store and the views wrap it.';
const VIEW_SCHEMA_MESSAGE = 'Views never parse content: yaml and zod stay in src/engine/content (scenarios are compiled at build time).';
const SCHEMA_LIBS_MESSAGE = 'yaml and zod belong in src/engine/content only (the parser); elsewhere use the parsed types, via `import type` if needed.';

/** Library imports the engine may never make (type-only imports included). */
const engineForbiddenPaths = ['phaser', 'zustand', 'howler', 'i18next'].map((name) => ({ name, message: VIEW_LIBS_MESSAGE }));
const engineForbiddenPatterns = [
  { group: ['phaser/*', 'zustand/*', 'howler/*', 'i18next/*'], message: VIEW_LIBS_MESSAGE },
];
// Relative paths are not listed here: whether "../x" leaves src/engine depends on the importing file's
// depth, which no-restricted-imports cannot see. boundaries/relative-imports resolves them exactly.
/** yaml/zod: values only in src/engine/content; `import type` stays allowed. */
const schemaLibPaths = ['yaml', 'zod'].map((name) => ({ name, allowTypeImports: true, message: SCHEMA_LIBS_MESSAGE }));
const schemaLibPatterns = [{ group: ['yaml/*', 'zod/*'], allowTypeImports: true, message: SCHEMA_LIBS_MESSAGE }];

const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'structuredClone', 'fetch', 'globalThis']
    .map((name) => [name, 'readonly']),
);

export default defineConfig([
  globalIgnores(['node_modules/', 'dist/', 'reports/', 'test-results/', 'playwright-report/', 'coverage/', '.vite/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] },
  },

  // ───── The engine has one door ─────
  {
    files: ENGINE,
    plugins: { boundaries },
    rules: {
      'boundaries/relative-imports': ['error', { stayInside: 'src/engine' }],
      'no-restricted-imports': ['error', { paths: [...engineForbiddenPaths, ...schemaLibPaths], patterns: [...engineForbiddenPatterns, ...schemaLibPatterns] }],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'location', 'fetch']
          .map((name) => ({ name, message: 'The engine runs unchanged in Node and the browser: no DOM or browser APIs. The store and UI own them.' })),
        ...['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'performance', 'queueMicrotask']
          .map((name) => ({ name, message: 'Time moves only through logged events (clock.advance); no timers or wall clocks in the engine.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (its state lives in the snapshot).' },
        { object: 'Date', property: 'now', message: 'No wall clock in the engine; the in-game clock lives in the snapshot.' },
        { object: 'performance', property: 'now', message: 'No wall clock in the engine.' },
        { object: 'crypto', property: 'getRandomValues', message: 'Use the seeded RNG.' },
        { object: 'crypto', property: 'randomUUID', message: 'Use the seeded RNG.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date']", message: 'No Date in the engine: the in-game clock is a number in the snapshot; the store stamps wall-clock time.' },
        { selector: "CallExpression[callee.name='Date']", message: 'No Date in the engine: Date() reads the wall clock.' },
      ],
    },
  },
  {
    // The parser may use yaml and zod; every other engine rule still applies.
    files: ENGINE_CONTENT,
    rules: {
      'no-restricted-imports': ['error', { paths: engineForbiddenPaths, patterns: engineForbiddenPatterns }],
    },
  },

  // ───── Views go through the store ─────
  {
    files: VIEWS,
    plugins: { boundaries },
    rules: {
      'boundaries/relative-imports': ['error', {
        forbid: [{ dir: 'src/engine', except: ['src/engine/index'], message: 'Views reach the engine only through src/engine/index.ts (and act through the store).' }],
      }],
      'no-restricted-imports': ['error', { paths: schemaLibPaths.map((p) => ({ ...p, allowTypeImports: false, message: VIEW_SCHEMA_MESSAGE })), patterns: schemaLibPatterns.map((p) => ({ ...p, allowTypeImports: false, message: VIEW_SCHEMA_MESSAGE })) }],
    },
  },
]);
