/**
 * Who is signed in on this POS, and the manager approval every manager action needs: a
 * manager signed in approves by being there; a cashier is asked for a manager's PIN, which
 * travels with that one command (`managerPin`) and lands in the audit log.
 */
import { type ReactNode, createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { useHub } from '../shared/hub-context';
import type { StaffSession } from '../shared/hub-types';
import { ManagerPinDialog } from './manager-pin-dialog';

interface StaffContextValue {
  session: StaffSession;
  isManager: boolean;
  signOut: () => void;
  /** Resolves with a manager PIN (cashier) or undefined (manager signed in); rejects when cancelled. */
  managerApproval: (action: string) => Promise<string | undefined>;
}

const StaffContext = createContext<StaffContextValue | null>(null);

export class ApprovalCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

export function StaffProvider({ session, onSignOut, children }: { session: StaffSession; onSignOut: () => void; children: ReactNode }) {
  const { client, setStaffSession } = useHub();
  const [asking, setAsking] = useState<string | null>(null);
  const pending = useRef<{ resolve: (pin: string) => void; reject: (e: Error) => void } | null>(null);
  const isManager = session.staff.role === 'manager' || session.staff.role === 'owner';

  const signOut = useCallback(() => {
    client.delete('/api/session').catch(() => undefined);
    setStaffSession(null);
    onSignOut();
  }, [client, setStaffSession, onSignOut]);

  const managerApproval = useCallback(
    (action: string) => {
      if (isManager) return Promise.resolve(undefined);
      return new Promise<string | undefined>((resolve, reject) => {
        pending.current = { resolve, reject };
        setAsking(action);
      });
    },
    [isManager],
  );

  const value = useMemo(() => ({ session, isManager, signOut, managerApproval }), [session, isManager, signOut, managerApproval]);
  return (
    <StaffContext.Provider value={value}>
      {children}
      {asking !== null && (
        <ManagerPinDialog
          action={asking}
          onPin={(pin) => {
            pending.current?.resolve(pin);
            setAsking(null);
          }}
          onCancel={() => {
            pending.current?.reject(new ApprovalCancelled());
            setAsking(null);
          }}
        />
      )}
    </StaffContext.Provider>
  );
}

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff needs a StaffProvider');
  return value;
}
