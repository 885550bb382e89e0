/** Calls `onScan` for every barcode a keyboard-wedge scanner types while `active`. */
import { useEffect, useRef } from 'react';
import { BarcodeWedge } from './barcode-wedge';

export function useBarcodeScans(active: boolean, onScan: (code: string) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    if (!active) return;
    const wedge = new BarcodeWedge();
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Typing in a field (a PIN, cash received) or a choice open on screen is not a scan.
      if (target?.closest('input, textarea, select, dialog')) return;
      const code = wedge.feed(event.key, event.timeStamp);
      if (code) latest.current(code);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}
