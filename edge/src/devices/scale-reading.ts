/**
 * The one reading the POS may price a weighed item with: stable and above zero. Anything
 * else is refused with a code the cashier can act on (wait, take some off, put it on).
 */
import { BrigadeError } from '@brigade/sync/model';
import type { DeviceManager } from './device-manager';

export interface ScaleWeight {
  readonly deviceId: string;
  readonly grams: number;
  readonly stable: true;
}

export async function readSellableWeight(devices: DeviceManager, stationId: string | null, deviceId?: string): Promise<ScaleWeight> {
  const found = devices.scaleFor(stationId, deviceId);
  if (!found) throw new BrigadeError('DEVICE_NOT_FOUND', deviceId === undefined ? 'No scale is configured in this store.' : undefined, { deviceId: deviceId ?? null });
  let reading;
  try {
    reading = await found.value.read();
  } catch (error) {
    // Unplugged, switched off or silent: the same answer for the cashier.
    throw new BrigadeError('DEVICE_OFFLINE', 'The scale is not answering. Check its cable and power.', { deviceId: found.id, reason: (error as Error).message });
  }
  switch (reading.status) {
    case 'stable':
      if (reading.grams === null || reading.grams <= 0) throw new BrigadeError('SCALE_EMPTY', undefined, { deviceId: found.id });
      return { deviceId: found.id, grams: reading.grams, stable: true };
    case 'motion':
      throw new BrigadeError('SCALE_UNSTABLE', undefined, { deviceId: found.id, status: reading.status });
    case 'over-capacity':
      throw new BrigadeError('SCALE_OVER_CAPACITY', undefined, { deviceId: found.id, status: reading.status });
    case 'under-zero':
      throw new BrigadeError('SCALE_EMPTY', 'The scale reads below zero. Empty it and zero it.', { deviceId: found.id, status: reading.status });
    default:
      throw new BrigadeError('SCALE_UNSTABLE', 'The scale reports an error. Zero it and weigh again.', { deviceId: found.id, status: reading.status });
  }
}
