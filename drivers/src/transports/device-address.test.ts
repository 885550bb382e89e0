import { describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../escpos-printer';
import { renderReceipt } from '../receipt/render-receipt';
import { sampleOrder } from '../receipt/sample-orders';
import { startVirtualPrinter } from '../virtual';
import { DeviceAddressError, parseDeviceAddress, transportFor } from './device-address';

describe('parseDeviceAddress', () => {
  it('reads every kind of address', () => {
    expect(parseDeviceAddress('tcp://10.0.0.5')).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 9100 });
    expect(parseDeviceAddress('tcp://printer-bar.local:9101')).toEqual({ kind: 'tcp', host: 'printer-bar.local', port: 9101 });
    expect(parseDeviceAddress('tcp://[fe80::1]:9100')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 9100 });
    expect(parseDeviceAddress('serial:/dev/pos/scale?baud=9600&parity=even&dataBits=7')).toEqual({ kind: 'serial', path: '/dev/pos/scale', baudRate: 9600, parity: 'even', dataBits: 7 });
    expect(parseDeviceAddress('serial:/dev/serial/by-id/usb-FTDI_FT232R_A1-if00-port0')).toEqual({ kind: 'serial', path: '/dev/serial/by-id/usb-FTDI_FT232R_A1-if00-port0' });
    expect(parseDeviceAddress('usb-lp:/dev/pos/receipt')).toEqual({ kind: 'usb-lp', path: '/dev/pos/receipt' });
    expect(parseDeviceAddress('usb:04b8:0E28/X5ZZ012345')).toEqual({ kind: 'usb', vendorId: 0x04b8, productId: 0x0e28, serialNumber: 'X5ZZ012345' });
    expect(parseDeviceAddress('hid:/dev/hidraw3')).toEqual({ kind: 'hid', path: '/dev/hidraw3' });
  });

  it('refuses bad addresses with a reason', () => {
    for (const bad of ['', '10.0.0.5', 'tcp://', 'tcp://host:70000', 'tcp://bad host', 'serial:dev/ttyUSB0', 'serial:/dev/ttyUSB0?baud=fast', 'serial:/dev/ttyUSB0?speed=9600',
      'serial:/dev/ttyUSB0?parity=mark', 'usb:4b8:e28', 'usb-lp:relative/lp0', 'hid:/dev/hid raw', 'bluetooth:AA:BB', 'serial:/dev/tty;rm -rf /']) {
      expect(() => parseDeviceAddress(bad), bad).toThrow(DeviceAddressError);
    }
  });

  it('makes a working transport from an address', async () => {
    const vp = await startVirtualPrinter({ port: 0 });
    const printer = new EscPosPrinter(() => transportFor(`tcp://127.0.0.1:${vp.port}`), { id: 'addr', timeoutMs: 2000 });
    try {
      expect((await printer.print(renderReceipt(sampleOrder(), { name: 'Brigade', currency: 'EUR', timezone: 'UTC' }))).ok).toBe(true);
      expect(await vp.waitForReceipts(1)).toHaveLength(1);
    } finally {
      await printer.close();
      await vp.close();
    }
  });
});
