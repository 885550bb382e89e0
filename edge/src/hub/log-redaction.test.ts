import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { type TestHub, startTestHub } from './hub-test-kit';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ hub: { logger: pino({ level: 'info' }, sink) } });
});
afterAll(async () => {
  await hub.close();
});

describe('request logs', () => {
  it('log each request without the tokens carried in URLs', async () => {
    const kiosk = await hub.pair('kiosk');
    await hub.app.inject({ method: 'GET', url: `/ws?since=3&token=${kiosk.deviceToken}` });
    await hub.app.inject({ method: 'GET', url: '/api/pairing/some-request?pollToken=poll-secret-123' });
    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain('/ws?since=3&token=[redacted]');
    expect(log).toContain('pollToken=[redacted]');
    expect(log).not.toContain(kiosk.deviceToken);
    expect(log).not.toContain('poll-secret-123');
  });
});
