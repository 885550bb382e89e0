/**
 * Star line mode end to end: documents rendered for a Star printer decode back to the same
 * paper (snapshots reviewed by hand), the decoder refuses what it does not know, status
 * frames read right, and a NetworkPrinter in Star line mode prints, refuses on paper end and
 * still kicks the drawer, against the virtual printer speaking Star over real TCP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { starDrawerKickBytes } from '../escpos/drawer-kick';
import { NetworkPrinter } from '../network-printer';
import { DEFAULT_PROFILE, type PrinterProfile } from '../receipt/printer-profile';
import { renderKitchenTicket } from '../receipt/render-kitchen-ticket';
import { renderReceipt } from '../receipt/render-receipt';
import { sampleOrder, sampleTicket } from '../receipt/sample-orders';
import { decodeStarLine, startVirtualPrinter } from '../virtual';
import { asbLength, parseStarStatus, starStatusFrame } from './star-status';

const star: PrinterProfile = { ...DEFAULT_PROFILE, language: 'star-line', codepages: 'star' };
const paris = { name: 'Brigade Bistro', currency: 'EUR', timezone: 'Europe/Paris', locale: 'fr-FR' };
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('documents in Star line mode', () => {
  it('prints a receipt with accents, the euro sign and a QR code of the order id', async () => {
    const order = sampleOrder('EUR', 5000);
    const paper = decodeStarLine(renderReceipt(order, paris, { profile: star }));
    await expect(paper.text).toMatchFileSnapshot('../__snapshots__/receipt-star-line.txt');
    expect(paper.text).toContain('Crème brûlée');
    expect(paper.text).toContain('€');
    expect(paper.text).not.toContain('?');
    expect(paper.events.filter((e) => e.type === 'qr')).toEqual([{ type: 'qr', data: order.id }]);
    expect(paper.events.at(-1)).toEqual({ type: 'cut', data: 'full' });
  });

  it('prints a kitchen ticket with its banners', async () => {
    const paper = decodeStarLine(renderKitchenTicket(sampleTicket(), { stationName: 'Grill', timezone: 'Europe/Paris', delta: 'added', profile: star }));
    await expect(paper.text).toMatchFileSnapshot('../__snapshots__/kitchen-ticket-star-line.txt');
    expect(paper.text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2)).toEqual(['ADDED', 'GRILL']);
    expect(paper.text).toContain('- Jalapeños');
  });

  it('decodes the drawer kick as a pulse on drawer 1 or 2', () => {
    expect(decodeStarLine(starDrawerKickBytes(2)).events).toEqual([{ type: 'drawer', pin: 2, onMs: 200, offMs: 200 }]);
    expect(decodeStarLine(starDrawerKickBytes(5)).events).toEqual([{ type: 'drawer', pin: 5, onMs: 200, offMs: 200 }]);
  });

  it.each([
    ['an unknown ESC command', [0x1b, 0x99]],
    ['an ESC/POS cut', [0x1d, 0x56, 0x00]],
    ['an unknown cut', [0x1b, 0x64, 0x09]],
    ['an unknown code page', [0x1b, 0x1d, 0x74, 0x03]],
    ['a drawer pulse with no on-time', [0x1b, 0x07, 0x00, 0x14, 0x07]],
    ['text inside QR code data', [0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, 0x01, 0x00, 0x41, 0x42, 0x1b, 0x1d, 0x79, 0x50]],
    ['a job ending inside a command', [0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, 0x09, 0x00, 0x41]],
  ])('throws on %s', (_name, bytes) => {
    expect(() => decodeStarLine(Uint8Array.from(bytes))).toThrow();
  });
});

describe('Star status frames', () => {
  it.each([
    ['ready', { online: true, paperEnd: false, paperNearEnd: false, coverOpen: false, error: false, drawerOpen: false }],
    ['out of paper', { online: true, paperEnd: true, paperNearEnd: false, coverOpen: false, error: false, drawerOpen: false }],
    ['paper low', { online: true, paperEnd: false, paperNearEnd: true, coverOpen: false, error: false, drawerOpen: true }],
    ['cover open', { online: true, paperEnd: false, paperNearEnd: false, coverOpen: true, error: false, drawerOpen: false }],
    ['in error', { online: true, paperEnd: false, paperNearEnd: false, coverOpen: false, error: true, drawerOpen: false }],
  ])('reads a printer %s', (_name, state) => {
    const parsed = parseStarStatus([...starStatusFrame(state)]);
    const offline = state.paperEnd || state.coverOpen || state.error;
    expect(parsed).toMatchObject({ ...state, online: !offline });
  });

  it('reads the frame length from the header and refuses what is not a header', () => {
    expect(asbLength(0x23)).toBe(9);
    expect(asbLength(0x2f)).toBe(15);
    expect(asbLength(0x12)).toBeNull();
    expect(() => parseStarStatus([0x12, 0x00, 0x00])).toThrow();
    expect(() => parseStarStatus([0x23, 0x86, 0x00])).toThrow();
  });
});

describe('a Star printer on the network', () => {
  async function setup(): Promise<{ vp: Awaited<ReturnType<typeof startVirtualPrinter>>; printer: NetworkPrinter }> {
    const vp = await startVirtualPrinter({ port: 0, name: 'star', language: 'star-line' });
    const printer = new NetworkPrinter({ id: 'star', host: '127.0.0.1', port: vp.port, timeoutMs: 2000, language: 'star-line' });
    cleanup.push(() => vp.close(), () => printer.close());
    return { vp, printer };
  }

  it('prints a ticket only when the status after it is clean, and the printer reads the same paper', async () => {
    const { vp, printer } = await setup();
    const bytes = renderKitchenTicket(sampleTicket(), { stationName: 'Grill', profile: star });
    const outcome = await printer.print(bytes);
    expect(outcome).toMatchObject({ ok: true, status: { online: true, paperEnd: false } });
    const [paper] = await vp.waitForReceipts(1);
    expect(paper?.text).toBe(decodeStarLine(bytes).text);
    expect(vp.decodeErrors()).toEqual([]);
  });

  it('refuses without sending on paper end, and still opens the drawer', async () => {
    const { vp, printer } = await setup();
    vp.setCondition('paper-end');
    const outcome = await printer.print(renderKitchenTicket(sampleTicket(), { stationName: 'Grill', profile: star }));
    expect(outcome).toMatchObject({ ok: false, reason: 'paper_end' });
    await printer.kickDrawer(2);
    await expect.poll(() => vp.drawerKicks()).toBe(1);
    expect(vp.receipts()).toHaveLength(0);
    expect((await printer.status()).drawerOpen).toBe(true);
  });
});
