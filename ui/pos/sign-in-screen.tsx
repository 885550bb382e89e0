/** PIN sign-in; a locked keypad (five wrong PINs) says so plainly and counts down. */
import { useEffect, useState } from 'react';
import { ApiError } from '../shared/api-client';
import { ConnectionBadge } from '../shared/connection-badge';
import { useHub } from '../shared/hub-context';
import type { StaffSession } from '../shared/hub-types';

import { PinKeypad } from './pin-keypad';
import { TimeClockPunch } from './staff-cash-lazy';

const LOCK_SECONDS = 60;

export function SignInScreen({ onSignedIn }: { onSignedIn: (session: StaffSession) => void }) {
  const { client } = useHub();
  const [message, setMessage] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  // Clocking in comes before signing in: the time clock needs only the person's PIN.
  const [timeClock, setTimeClock] = useState(false);

  useEffect(() => {
    if (lockedUntil === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= lockedUntil) setLockedUntil(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [lockedUntil]);

  const signIn = (pin: string) => {
    setBusy(true);
    setMessage(null);
    client.post<StaffSession>('/api/session', { pin }).then(onSignedIn, (error: unknown) => {
      if (error instanceof ApiError && error.code === 'PIN_LOCKED') {
        setLockedUntil(Date.now() + LOCK_SECONDS * 1000);
        setNow(Date.now());
      }
      setMessage(error instanceof Error ? error.message : 'Sign-in failed.');
    }).finally(() => setBusy(false));
  };

  const secondsLeft = lockedUntil === null ? 0 : Math.max(0, Math.ceil((lockedUntil - now) / 1000));
  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <div className="sign-in-head">
        <h1 id="sign-in-title">Sign in</h1>
        <ConnectionBadge />
      </div>
      {lockedUntil !== null ? (
        <div className="locked" role="alert">
          <p className="locked-title">PIN entry locked</p>
          <p>{message}</p>
          <p>Try again in <strong>{secondsLeft}</strong> s.</p>
        </div>
      ) : (
        message && <p className="sign-in-error" role="alert">{message}</p>
      )}
      <button type="button" className="btn" aria-pressed={timeClock} onClick={() => setTimeClock((on) => !on)}>{timeClock ? 'Back to sign in' : 'Time clock'}</button>
      {timeClock ? <TimeClockPunch /> : <PinKeypad label="Staff PIN" onSubmit={signIn} disabled={busy || lockedUntil !== null} />}
    </main>
  );
}
