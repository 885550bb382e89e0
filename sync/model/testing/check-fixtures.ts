/** Small helpers shared by the check tests: line requests on the demo menu and error codes. */
import { expect } from 'vitest';
import type { CheckLineRequest } from '../check-pricing';
import { BrigadeError, type ErrorCode } from '../errors';
import type { ItemId, LineId, ModifierOptionId } from '../ids';

export function checkLine(id: number, itemId: ItemId, options: readonly string[] = [], extra: Partial<CheckLineRequest> = {}): CheckLineRequest {
  return {
    lineId: `line-${String(id).padStart(3, '0')}` as LineId,
    itemId,
    quantity: 1,
    modifierOptionIds: options.map((o) => o as ModifierOptionId),
    ...extra,
  };
}

/** The code of the BrigadeError `fn` throws (checking it is a 4xx), or 'none'. */
export function errorCode(fn: () => unknown): ErrorCode | 'none' {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof BrigadeError)) throw error;
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
    return error.code;
  }
  return 'none';
}
