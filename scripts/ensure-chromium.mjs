#!/usr/bin/env node
// Finds a Chromium for Playwright (which never downloads a browser here) and prints its path.
// Order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome.
// When none is found and we are root on a machine with apt-get, installs Debian's chromium plus
// fonts-liberation (only a Recommends of chromium; without it Phaser text renders as boxes).
// Otherwise exits 1 with a one-line instruction.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(
  (p) => typeof p === 'string' && p.length > 0,
);

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function find() {
  return CANDIDATES.find(isExecutable);
}

function run(cmd, args) {
  console.error(`ensure-chromium: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`ensure-chromium: "${cmd} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

if (process.env.CHROMIUM_PATH && !isExecutable(process.env.CHROMIUM_PATH)) {
  console.error(`ensure-chromium: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not executable; looking elsewhere (set CHROMIUM_PATH to the path printed below).`);
}
let found = find();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation']);
    found = find();
  }
}
if (!found) {
  console.error(
    'ensure-chromium: no Chromium found; install one (Debian: `sudo apt-get install -y chromium fonts-liberation`) or set CHROMIUM_PATH to its executable.',
  );
  process.exit(1);
}
console.log(found);
