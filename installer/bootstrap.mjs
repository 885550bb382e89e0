#!/usr/bin/env node
// Makes a fresh checkout runnable: the Debian packages the demo or the test suite needs
// (installed through apt when run as root) and the npm packages from package-lock.json (`npm install` rather than `npm ci`: npm's ci refuses locks that omit other platforms' optional packages).
// Plain Node with no dependencies, because it runs before `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] ?? 'start';

/** Debian package → a file whose presence proves it is installed. */
const debianPackages = {
  start: { 'libusb-1.0-0': '/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0' },
  test: {
    chromium: '/usr/bin/chromium',
    socat: '/usr/bin/socat',
    'libusb-1.0-0': '/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0',
    udev: '/usr/bin/udevadm',
    postgresql: '/usr/lib/postgresql/15/bin/initdb',
  },
};

function log(message) {
  process.stdout.write(`[bootstrap] ${message}\n`);
}

function ensureDebianPackages() {
  const wanted = debianPackages[purpose] ?? debianPackages.start;
  const missing = Object.entries(wanted)
    .filter(([, probe]) => !existsSync(probe) && !(probe.includes('x86_64') && existsSync(probe.replace('x86_64', 'aarch64'))))
    .map(([name]) => name);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    log(`missing Debian packages: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
    if (purpose === 'test') process.exit(1);
    return;
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}

function ensureNpmPackages() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const digest = createHash('sha256').update(lock).digest('hex');
  const marker = join(root, 'node_modules', '.brigade-lock-digest');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === digest) return;
  log('installing npm packages (npm install, from package-lock.json)');
  // Electron's own binary is not needed to run or test the appliance: everything it starts
  // runs as plain Node. Its download is skipped so installs work without that host.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(marker, digest);
}

ensureDebianPackages();
ensureNpmPackages();
