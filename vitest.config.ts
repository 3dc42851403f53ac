import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Standalone on purpose (it does not merge vite.config.ts): unit and scenario tests run in Node and
// need none of the app's build plugins. Reporters are chosen on the command line (scripts/test-all.mjs).
export default defineConfig({
  resolve: {
    alias: [
      // Phaser cannot run in Node, but a test that imports a module which imports it should at least
      // load fast: the minified ESM build halves the import time (TOOLCHAIN P7).
      { find: /^phaser$/, replacement: fileURLToPath(new URL('./node_modules/phaser/dist/phaser.esm.min.js', import.meta.url)) },
    ],
  },
  test: {
    environment: 'node',
    // tests/unit and tests/scenarios are the agreed homes; any other tests/<area>/**/*.test.ts (engine,
    // store, ui…) is picked up too rather than silently skipped. Playwright owns tests/e2e (*.spec.ts).
    include: ['tests/unit/**/*.test.ts', 'tests/scenarios/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', '**/node_modules/**', 'dist/**'],
    testTimeout: 20_000,
  },
});
