import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, backupPrinterFor, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that need nothing set: LAN hub on 3000, data under ./data/edge', () => {
    const config = loadConfig({}, '/srv/brigade');
    expect(config.hub).toEqual({ host: '0.0.0.0', port: 3000 });
    expect(config.dataDir).toBe('/srv/brigade/data/edge');
    expect(config.printers).toEqual([]);
    expect(config.cloudUrl).toBeNull();
    expect(config.uiDistDir.endsWith(join('ui', 'dist'))).toBe(true);
  });

  it('reads host, port, data folder and printers from the environment', () => {
    const printers = [
      { id: 'front', role: 'receipt', host: '192.168.1.50', port: 9100 },
      { id: 'grill', role: 'kitchen', host: '192.168.1.51', port: 9100, stations: ['grill'] },
      { id: 'grill-spare', role: 'kitchen', host: '192.168.1.52', port: 9100, backupOf: 'grill' },
    ];
    const config = loadConfig({ BRIGADE_HUB_HOST: '127.0.0.1', BRIGADE_HUB_PORT: '0', BRIGADE_DATA_DIR: '/var/lib/brigade', BRIGADE_PRINTERS: JSON.stringify(printers) }, '/');
    expect(config.hub).toEqual({ host: '127.0.0.1', port: 0 });
    expect(config.dataDir).toBe('/var/lib/brigade');
    expect(config.printers.map((printer) => printer.id)).toEqual(['front', 'grill', 'grill-spare']);
    expect(backupPrinterFor(config.printers, 'grill')?.id).toBe('grill-spare');
    expect(backupPrinterFor(config.printers, 'front')).toBeUndefined();
  });

  it('reads printers from a config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brigade-config-'));
    writeFileSync(join(dir, 'edge.json'), JSON.stringify({ printers: [{ id: 'front', role: 'receipt', host: 'printer.local', port: 9100 }] }));
    expect(loadConfig({ BRIGADE_CONFIG_FILE: 'edge.json' }, dir).printers).toEqual([{ id: 'front', role: 'receipt', host: 'printer.local', port: 9100 }]);
  });

  it.each([
    [{ BRIGADE_HUB_PORT: 'http' }, /BRIGADE_HUB_PORT/],
    [{ BRIGADE_HUB_PORT: '70000' }, /BRIGADE_HUB_PORT/],
    [{ BRIGADE_PRINTERS: '[{' }, /not valid JSON/],
    [{ BRIGADE_PRINTERS: '[{"id":"a","role":"label","host":"h","port":9100}]' }, /printers are not valid/],
    [{ BRIGADE_PRINTERS: '[{"id":"a","role":"receipt","host":"h","port":9100},{"id":"a","role":"receipt","host":"h","port":9101}]' }, /used twice/],
    [{ BRIGADE_PRINTERS: '[{"id":"a","role":"receipt","host":"h","port":9100,"backupOf":"ghost"}]' }, /not another configured printer/],
    [{ BRIGADE_CONFIG_FILE: '/nonexistent/edge.json' }, /cannot read/],
    [{ BRIGADE_CLOUD_URL: 'not a url' }, /BRIGADE_CLOUD_URL/],
  ])('refuses %j with a sentence naming the problem', (env, message) => {
    expect(() => loadConfig(env, '/')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/')).toThrow(message);
  });
});
