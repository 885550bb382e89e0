/**
 * The native modules load on this platform. There is no USB bus in CI, so an empty list or
 * usb's "/sys/bus/usb/devices/ not found" both prove its binary loaded.
 */
import { describe, expect, it } from 'vitest';

describe('native device modules', () => {
  it('serialport loads and lists ports (needs Debian udev for udevadm)', async () => {
    const { SerialPort } = await import('serialport');
    try {
      expect(Array.isArray(await SerialPort.list())).toBe(true);
    } catch (err) {
      if (/udevadm/.test((err as Error).message)) throw new Error('SerialPort.list() needs udevadm: install the Debian package udev');
      throw err;
    }
  });

  it('usb 3.x loads its native binding', async () => {
    const { usb } = await import('usb');
    try {
      expect(Array.isArray(await usb.getDevices())).toBe(true);
    } catch (err) {
      expect((err as Error).message).toMatch(/\/sys\/bus\/usb\/devices\/ not found/);
    }
  });

  it('node-hid loads and enumerates (needs Debian libusb-1.0-0)', async () => {
    const hid = await import('node-hid');
    let devices: unknown;
    try {
      devices = await hid.devicesAsync();
    } catch (err) {
      if (/libusb/.test((err as Error).message)) throw new Error(`node-hid cannot load: install the Debian package libusb-1.0-0 (${(err as Error).message})`);
      throw err;
    }
    expect(Array.isArray(devices)).toBe(true);
  });
});
