/**
 * Runs an action that may need someone else's permission: it is tried as the signed-in
 * person first; when the hub answers MANAGER_APPROVAL_REQUIRED the screen asks for the PIN of
 * someone who may do it and sends the action once more with that PIN. The screen need not
 * know the store's permission matrix, which the owner can change at any time.
 */
import { useCallback } from 'react';
import { ApiError } from '../shared/api-client';
import { useToasts } from '../shared/toasts';
import { ApprovalCancelled, useStaff } from './staff-session';

export function useApproval(): <T>(action: string, run: (pin: { managerPin?: string }) => Promise<T>) => Promise<T | null> {
  const toasts = useToasts();
  const { managerApproval, isManager } = useStaff();
  return useCallback(async <T,>(action: string, run: (pin: { managerPin?: string }) => Promise<T>): Promise<T | null> => {
    try {
      try {
        return await run({});
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'MANAGER_APPROVAL_REQUIRED' || isManager) throw error;
        const pin = await managerApproval(action);
        return await run(pin ? { managerPin: pin } : {});
      }
    } catch (error) {
      if (!(error instanceof ApprovalCancelled)) toasts.error(error);
      return null;
    }
  }, [managerApproval, isManager, toasts]);
}

/** "12.50" → 1250 minor units; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
