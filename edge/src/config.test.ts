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

  it('reads the cloud, the one-time enrolment code and the sync timings', () => {
    const config = loadConfig({ BRIGADE_CLOUD_URL: 'https://cloud.example.com', BRIGADE_ENROL_CODE: ' ABCDE-FGHJK ', BRIGADE_SYNC_HEARTBEAT_MS: '5000', BRIGADE_SYNC_RETRY_MAX_MS: '2000', BRIGADE_CREDENTIAL_MAX_AGE_DAYS: '7' }, '/');
    expect(config.cloudUrl).toBe('https://cloud.example.com');
    expect(config.sync).toEqual({ enrolCode: 'ABCDE-FGHJK', heartbeatMs: 5000, retryMaxMs: 2000, credentialMaxAgeDays: 7 });
    // The older name of the variable still works; without one there is no code.
    expect(loadConfig({ BRIGADE_ENROLMENT_CODE: 'KLMNP-QRSTV' }, '/').sync?.enrolCode).toBe('KLMNP-QRSTV');
    expect(loadConfig({}, '/').sync).toEqual({ enrolCode: null, heartbeatMs: 15_000, retryMaxMs: 60_000, credentialMaxAgeDays: 30 });
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
    [{ BRIGADE_ENROL_CODE: 'abc' }, /BRIGADE_ENROL_CODE/],
    [{ BRIGADE_ENROL_CODE: 'ABCDE FGHJK; rm -rf' }, /BRIGADE_ENROL_CODE/],
    [{ BRIGADE_SYNC_HEARTBEAT_MS: '0' }, /BRIGADE_SYNC_HEARTBEAT_MS/],
    [{ BRIGADE_SYNC_RETRY_MAX_MS: 'soon' }, /BRIGADE_SYNC_RETRY_MAX_MS/],
    [{ BRIGADE_CREDENTIAL_MAX_AGE_DAYS: '1.5' }, /BRIGADE_CREDENTIAL_MAX_AGE_DAYS/],
  ])('refuses %j with a sentence naming the problem', (env, message) => {
    expect(() => loadConfig(env, '/')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/')).toThrow(message);
  });
});
