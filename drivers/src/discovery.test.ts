import { describe, expect, it } from 'vitest';
import { guessClass, listDevices } from './discovery';
import { parseDeviceAddress } from './transports/device-address';
import { startVirtualPrinter } from './virtual';

describe('listDevices', () => {
  it('lists serial, USB, HID and network devices with a guessed class, and reports buses it cannot read', async () => {
    const vp = await startVirtualPrinter({ port: 0 });
    try {
      const listing = await listDevices({
        serial: () => Promise.resolve([{ path: '/dev/serial/by-id/usb-FTDI_FT232R-if00-port0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' }]),
        usb: () => Promise.resolve([
          { vendorId: 0x04b8, productId: 0x0e28, productName: 'TM-T20III', serialNumber: 'X5ZZ012345', interfaceClasses: [7] },
          { vendorId: 0x1234, productId: 0x0001, interfaceClasses: [7] },
        ]),
        hid: () => Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file')),
        networkPrinters: [{ host: '127.0.0.1', port: vp.port }],
      });
      expect(listing.devices).toEqual([
        { kind: 'serial', address: 'serial:/dev/serial/by-id/usb-FTDI_FT232R-if00-port0', vendorId: 0x0403, productId: 0x6001, manufacturer: 'FTDI', guessedClass: 'serial-adapter' },
        { kind: 'usb', address: 'usb:04b8:0e28/X5ZZ012345', vendorId: 0x04b8, productId: 0x0e28, product: 'TM-T20III', serialNumber: 'X5ZZ012345', guessedClass: 'receipt-printer' },
        { kind: 'usb', address: 'usb:1234:0001', vendorId: 0x1234, productId: 0x0001, guessedClass: 'receipt-printer' },
        { kind: 'network', address: `tcp://127.0.0.1:${vp.port}`, guessedClass: 'receipt-printer', reachable: true },
      ]);
      expect(listing.problems).toEqual([{ source: 'hid', message: 'libusb-1.0.so.0: cannot open shared object file' }]);
      // Every address listed can go straight into the configuration.
      for (const d of listing.devices) expect(() => parseDeviceAddress(d.address)).not.toThrow();
    } finally {
      await vp.close();
    }
  });

  it('marks a configured network printer that does not answer as unreachable', async () => {
    const vp = await startVirtualPrinter({ port: 0 });
    const port = vp.port;
    await vp.close();
    const listing = await listDevices({ serial: () => Promise.resolve([]), usb: () => Promise.resolve([]), hid: () => Promise.resolve([]), networkPrinters: [{ host: '127.0.0.1', port }] });
    expect(listing.devices).toEqual([{ kind: 'network', address: `tcp://127.0.0.1:${port}`, guessedClass: 'receipt-printer', reachable: false }]);
  });

  it('guesses HID-POS scanners and scales by usage page', () => {
    expect(guessClass({ vendorId: 0x9999, usagePage: 0x8c })).toBe('scanner');
    expect(guessClass({ usagePage: 0x8d })).toBe('scale');
    expect(guessClass({ vendorId: 0x0c2e })).toBe('scanner');
    expect(guessClass({})).toBe('unknown');
  });

  it('reads the real buses of this machine without throwing', async () => {
    const listing = await listDevices();
    expect(Array.isArray(listing.devices)).toBe(true);
    for (const p of listing.problems) expect(['serial', 'usb', 'hid']).toContain(p.source);
  });
});
