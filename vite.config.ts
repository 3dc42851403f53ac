import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { scenariosPlugin, staticAssetsPlugin } from './src/build/vite-plugin-scenarios';

export default defineConfig({
  // Relative base: the built game works from any folder (an LMS package, a USB stick, file servers).
  base: './',
  publicDir: false,
  plugins: [
    scenariosPlugin(),
    staticAssetsPlugin(),
    // The deployment's own settings, read at run time (src/app/lms-hook.ts): xAPI is off until a
    // deployment replaces this file beside index.html with its LRS endpoint (docs/lms.md).
    {
      name: 'mandate-deployment-config',
      apply: 'build',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'mandate.config.json', source: `${JSON.stringify({ xapi: null }, null, 2)}\n` });
      },
    },
    // Offline play (a PWA): Workbox precaches everything the build emits — the game, every shipped
    // scenario chunk, the fonts, the sounds, the map and the icons — so a first visit is enough to play
    // with the network off. 'prompt': a new version waits until the app applies it, between sessions
    // (src/app/offline-updates.ts registers the worker lazily; nothing is injected into index.html).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: './',
        name: 'Mandate — mission leadership under pressure',
        short_name: 'Mandate',
        description: 'A serious game for the mission leadership team of a UN peace operation. A training aid, not a UN product.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0f1b2d',
        theme_color: '#14253d',
        icons: [
          { src: 'assets/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'assets/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'assets/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'assets/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // woff2 only: every browser with service workers reads it (the .woff copies are for older ones).
        globPatterns: ['**/*.{js,css,html,json,webmanifest,woff2,ogg,mp3,svg,png,webp}'],
        // Vite's build manifest is for tools; mandate.config.json is a deployment's own file, read fresh.
        globIgnores: ['.vite/**', 'mandate.config.json', '**/*.zip'],
        // The lazily loaded Phaser chunk is about 1.4 MB; precache it too (offline play needs the map).
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Hashed file names are their own revision; unhashed ones (assets/audio, icons) get one.
        dontCacheBustURLsMatching: /-[\w-]{8}\.\w+$/,
        navigateFallback: 'index.html',
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
      },
    }),
  ],
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
