/**
 * Keeps the customer-facing pole display in step with the register: the last line rung up
 * and the total, sent after each change. A store without a pole display answers
 * DEVICE_NOT_FOUND once, after which the screen stops asking.
 */
import { useEffect, useRef } from 'react';
import { ApiError } from '../../shared/api-client';
import { useHub } from '../../shared/hub-context';

/** Twenty columns a line: the width of every common pole display. */
const COLUMNS = 20;

export function poleLines(lastLine: string | null, total: string): [string, string] {
  const label = 'TOTAL';
  const room = Math.max(COLUMNS - total.length - 1, 0);
  return [(lastLine ?? 'Welcome').slice(0, COLUMNS), `${label.slice(0, room).padEnd(room, ' ')} ${total}`.slice(-COLUMNS)];
}

export function usePoleDisplay(lastLine: string | null, total: string): void {
  const { client } = useHub();
  const absent = useRef(false);
  useEffect(() => {
    if (absent.current) return;
    client.post('/api/hardware/pole-display', { lines: poleLines(lastLine, total) }).catch((error: unknown) => {
      // A missing display is the store's set-up, not a fault to show at every sale.
      if (error instanceof ApiError && error.code === 'DEVICE_NOT_FOUND') absent.current = true;
    });
  }, [client, lastLine, total]);
}
