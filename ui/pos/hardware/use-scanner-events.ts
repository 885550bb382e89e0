/**
 * Barcodes read by the till's serial or HID-POS scanner arrive from the hub as `scanner.scan`
 * events (keyboard-wedge scanners are handled where the register listens to keys). Only
 * scans from this screen's station, or from a scanner assigned to no station, count: a
 * scan at till 2 must not add an item on till 1.
 */
import { useEffect, useRef } from 'react';
import { useHub, useHubEvents } from '../../shared/hub-context';

export function useScannerEvents(active: boolean, onScan: (code: string) => void): void {
  const { device } = useHub();
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  const mine = device.stationId ?? device.deviceId;
  useHubEvents((event) => {
    if (!active || event.type !== 'scanner.scan') return;
    if (event.stationId !== null && event.stationId !== mine) return;
    latest.current(event.code);
  });
}
