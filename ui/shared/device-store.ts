/** Where a paired screen keeps its device token: localStorage, per origin (docs/api.md). */
import type { DevicePairing } from './hub-types';

const KEY = 'brigade.device';

export function loadDevice(storage: Storage = localStorage): DevicePairing | null {
  const raw = storage.getItem(KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<DevicePairing>;
    if (typeof value.deviceToken !== 'string' || typeof value.role !== 'string') return null;
    return { deviceId: value.deviceId ?? '', deviceToken: value.deviceToken, role: value.role, stationId: value.stationId ?? null };
  } catch {
    return null;
  }
}

export function saveDevice(device: DevicePairing, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify({ ...device, stationId: device.stationId ?? null }));
}

export function clearDevice(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** `#setup=123456` in the URL: a screen the appliance set up for itself. */
export function setupCodeFromHash(hash: string): string | null {
  const match = /(?:^#|&)setup=([A-Za-z0-9_-]+)/.exec(hash);
  return match?.[1] ?? null;
}

/** The app a device of this role runs, relative to the current app's folder. */
export function appPathForRole(role: string): string | null {
  return role === 'pos' || role === 'kiosk' || role === 'kds' ? `../${role}/` : null;
}
