#!/usr/bin/env node
// Renders the app icons (assets/icons/*.png) from their SVG sources with the system Chromium, so the
// PNGs the web app manifest needs are reproducible from files in the repo. Usage: node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SIZES = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon.svg', 'apple-touch-icon-180.png', 180],
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [src, out, size] of SIZES) {
  const svg = readFileSync(new URL(`../assets/icons/${src}`, import.meta.url), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
  await page.locator('svg').screenshot({ path: new URL(`../assets/icons/${out}`, import.meta.url).pathname, omitBackground: true });
  console.log(`assets/icons/${out} (${size}×${size})`);
}
await browser.close();
