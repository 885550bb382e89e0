/**
 * The udev rules in installer/udev are well-formed and hand every POS vendor the drivers
 * know to the appliance's group. (udev itself cannot be exercised without devices.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { knownVendors } from './discovery';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../installer/udev');
const rules = (file: string): string[][] =>
  readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'))
    .map((l) => l.split(/,\s*/));

const pair = /^(SUBSYSTEM|SUBSYSTEMS|KERNEL|KERNELS|ACTION|DRIVER|DRIVERS|ATTR\{\w+\}|ATTRS\{\w+\}|ENV\{\w+\}|GROUP|OWNER|MODE|SYMLINK|TAG)(==|!=|\+=|:=|=)"([^"]*)"$/;

describe('installer/udev rules', () => {
  for (const file of ['70-brigade-pos.rules', '99-brigade-local.rules.example']) {
    it(`${file}: every rule is KEY op "value" pairs, matches something and assigns something`, () => {
      for (const rule of rules(file)) {
        for (const part of rule) expect(part, rule.join(', ')).toMatch(pair);
        const ops = rule.map((p) => pair.exec(p)?.[2]);
        expect(ops.some((op) => op === '=='), rule.join(', ')).toBe(true);
        expect(ops.some((op) => op === '=' || op === '+='), rule.join(', ')).toBe(true);
      }
    });
  }

  it('gives group brigade read-write (0660) wherever it sets a group', () => {
    for (const rule of rules('70-brigade-pos.rules')) {
      const line = rule.join(', ');
      if (line.includes('GROUP=')) expect(line).toMatch(/GROUP="brigade", MODE="0660"/);
    }
  });

  it('covers the raw USB and hidraw access of every printer, scanner and scale vendor discovery knows', () => {
    const text = rules('70-brigade-pos.rules').map((r) => r.join(', '));
    const usb = text.filter((l) => l.includes('SUBSYSTEM=="usb"')).join(' ');
    const hidraw = text.filter((l) => l.includes('SUBSYSTEM=="hidraw"')).join(' ');
    for (const [vendor, kind] of Object.entries(knownVendors)) {
      const id = Number(vendor).toString(16).padStart(4, '0');
      if (kind === 'receipt-printer' || kind === 'scanner' || kind === 'scale') expect(usb, `${id} ${kind}`).toContain(id);
      if (kind === 'scanner' || kind === 'scale') expect(hidraw, `${id} ${kind}`).toContain(id);
    }
  });

  it('the install script parses', () => {
    const r = spawnSync('sh', ['-n', path.join(dir, 'install-udev.sh')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
