import { defineConfig } from 'vite';
import { scenariosPlugin, staticAssetsPlugin } from './src/build/vite-plugin-scenarios';

export default defineConfig({
  // Relative base: the built game works from any folder (an LMS package, a USB stick, file servers).
  base: './',
  publicDir: false,
  plugins: [scenariosPlugin(), staticAssetsPlugin()],
  build: {
    // MANDATE_OUT_DIR lets several people on one machine build and serve at once (with E2E_PORT).
    outDir: process.env.MANDATE_OUT_DIR ?? 'dist',
    target: 'es2022',
    manifest: true,
    // The lazily loaded Phaser chunk is about 1.4 MB; the first-screen budget is checked separately
    // (scripts/check-budget.mjs).
    chunkSizeWarningLimit: 1600,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
