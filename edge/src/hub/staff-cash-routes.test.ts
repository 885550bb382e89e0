/**
 * The staff and cash routes over HTTP, as the POS calls them: blind drawer reads, reports
 * for whoever may see them, the matrix, shifts on a kitchen screen, and the printed Z.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '@brigade/drivers/virtual';
import { type DayReport, newId } from '@brigade/sync/model';
import { renderJob } from '../printing/render-job';
import { CASHIER_PIN, MANAGER_PIN, type Screen, type TestHub, startTestHub } from './hub-test-kit';

let hub: TestHub;
let cashier: Screen;
let manager: Screen;
let kds: Screen;

beforeAll(async () => {
  hub = await startTestHub();
  const pos = await hub.pair('pos');
  cashier = await hub.signIn(pos, CASHIER_PIN);
  manager = await hub.signIn(pos, MANAGER_PIN);
  kds = await hub.pair('kds', { stationId: 'grill' });
});
afterAll(() => hub.close());

const get = (screen: Screen, url: string) => hub.app.inject({ method: 'GET', url, headers: screen.headers });
const command = async (screen: Screen, name: string, args: Record<string, unknown>) => {
  const response = await hub.command(screen, name, { commandId: newId(), args });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ result: Record<string, unknown> }>().result;
};

describe('staff and cash routes', () => {
  it('shows the cashier their drawer without the expected amount, and the manager with it', async () => {
    expect((await get(cashier, '/api/drawer/session')).json()).toEqual({ session: null });
    await command(cashier, 'drawer.openSession', { sessionId: newId(), amount: 5000 });
    await command(manager, 'drawer.payIn', { movementId: newId(), amount: 700, reason: 'change from the bank' });
    const blind = (await get(cashier, '/api/drawer/session')).json<{ session: { expected: number | null; float: number } }>();
    expect(blind.session).toMatchObject({ expected: null, float: 5000 });
    const open = (await get(manager, '/api/drawer/session')).json<{ session: { expected: number | null } }>();
    expect(open.session.expected).toBe(5700);
  });

  it('keeps reports and the session list for those with reports.view', async () => {
    for (const url of ['/api/reports/x', '/api/reports/z', '/api/drawer/sessions', `/api/reports/z/${newId()}`]) {
      const refused = await get(cashier, url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('MANAGER_APPROVAL_REQUIRED');
    }
    const x = await get(manager, '/api/reports/x');
    expect(x.statusCode).toBe(200);
    expect(x.json<{ report: DayReport }>().report).toMatchObject({ kind: 'x', sequence: null, cash: { opening: 5000, payIns: 700 } });
    expect((await get(manager, `/api/reports/z/${newId()}`)).json<{ error: { code: string } }>().error.code).toBe('REPORT_NOT_FOUND');
    expect((await get(manager, '/api/reports/z?limit=0')).statusCode).toBe(400);
  });

  it('prints the X report under its own heading and changes no figures', async () => {
    const before = (await get(manager, '/api/reports/x')).json<{ report: DayReport }>().report;
    const { printJobId } = await command(manager, 'report.printX', {}) as { printJobId: string };
    const bytes = renderJob(hub.store.printJobs.get(printJobId), hub.store.queries.store());
    if (!bytes) throw new Error('an X report must render to paper');
    const paper = decodeEscPos(bytes).text;
    expect(paper).toContain('X REPORT');
    expect(paper).not.toContain('Z REPORT');
    const after = (await get(manager, '/api/reports/x')).json<{ report: DayReport }>().report;
    expect({ ...after, to: before.to, unsynced: before.unsynced }).toEqual(before);
    const refused = await hub.command(cashier, 'report.printX', { commandId: newId(), args: {} });
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('MANAGER_APPROVAL_REQUIRED');
  });

  it('serves the permission matrix and what the signed-in person may do', async () => {
    const body = (await get(cashier, '/api/permissions')).json<{ matrix: Record<string, string[]>; mine: string[]; roles: string[] }>();
    expect(body.roles).toEqual(['cashier', 'server', 'bartender', 'manager', 'owner']);
    expect(body.mine).toEqual(body.matrix.cashier);
    expect(body.mine).not.toContain('refund');
    expect((await hub.app.inject({ method: 'GET', url: '/api/permissions', headers: kds.headers })).statusCode).toBe(403);
  });

  it('clocks in from a kitchen screen by PIN and lists the shift', async () => {
    await command(kds, 'timeclock.punch', { punchId: newId(), kind: 'clock_in', pin: CASHIER_PIN });
    const shifts = (await get(kds, '/api/timeclock/shifts')).json<{ shifts: { name: string; state: string }[] }>().shifts;
    expect(shifts).toEqual([expect.objectContaining({ name: 'Casey Cashier', state: 'in' })]);
    const again = await hub.command(kds, 'timeclock.punch', { commandId: newId(), args: { punchId: newId(), kind: 'clock_in', pin: CASHIER_PIN } });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('ALREADY_CLOCKED_IN');
    expect((await get(kds, '/api/timeclock/shifts?businessDay=yesterday')).statusCode).toBe(400);
  });

  it('prints the Z on the receipt printer with the counted cash and the over/short', async () => {
    const session = (await get(manager, '/api/drawer/session')).json<{ session: { id: string } }>().session;
    const closed = await command(cashier, 'drawer.closeSession', { sessionId: session.id, amount: 5650 });
    expect(closed).toMatchObject({ expected: 5700, overShort: -50 });
    const { printJobId, report } = await command(manager, 'report.closeDay', { reportId: newId() }) as { printJobId: string; report: DayReport };
    const job = hub.store.printJobs.get(printJobId);
    const bytes = renderJob(job, hub.store.queries.store());
    if (!bytes) throw new Error('a Z report must render to paper');
    const paper = decodeEscPos(bytes).text;
    expect(paper).toContain(`Z REPORT #${report.sequence}`);
    expect(paper).toMatch(/Short\s+-\$0\.50/);
    expect(paper).toContain('Closed by Morgan Manager');
    const listed = (await get(manager, '/api/reports/z')).json<{ reports: { id: string; sequence: number }[] }>().reports;
    expect(listed.map((r) => r.sequence)).toEqual([report.sequence]);
  });
});
