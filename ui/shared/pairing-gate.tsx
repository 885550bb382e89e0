/**
 * A screen must be paired before it can do anything. With `#setup=CODE` in the URL (a screen
 * the appliance set up for itself) it pairs at once; otherwise it shows a 6-digit code for a
 * manager to approve on the POS, and polls until approved.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { HubClient, errorMessage } from './api-client';
import { appPathForRole, loadDevice, saveDevice, setupCodeFromHash } from './device-store';
import type { DevicePairing, PairingPoll, PairingRequest } from './hub-types';

const POLL_MS = 1500;

type Phase = { kind: 'starting' } | { kind: 'code'; request: PairingRequest } | { kind: 'error'; message: string };

interface Props {
  app: 'pos' | 'kiosk' | 'kds';
  deviceName: string;
  children: (device: DevicePairing) => ReactNode;
}

export function PairingGate({ app, deviceName, children }: Props) {
  const [device, setDevice] = useState<DevicePairing | null>(() => loadDevice());
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (device) return;
    const client = new HubClient({ credentials: () => ({ deviceToken: null, staffSession: null }) });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const paired = (d: DevicePairing) => {
      saveDevice(d);
      if (!stopped) setDevice(d);
    };
    const setupCode = setupCodeFromHash(window.location.hash);
    const run = async () => {
      if (setupCode) {
        history.replaceState(null, '', window.location.pathname + window.location.search);
        paired(await client.post<DevicePairing>('/api/pairing/setup', { setupCode, name: deviceName }));
        return;
      }
      const request = await client.post<PairingRequest>('/api/pairing', { name: deviceName });
      if (stopped) return;
      setPhase({ kind: 'code', request });
      const poll = async () => {
        if (stopped) return;
        const result = await client.get<PairingPoll>(`/api/pairing/${encodeURIComponent(request.requestId)}?pollToken=${encodeURIComponent(request.pollToken)}`).catch(() => ({ status: 'pending' }) as const);
        if (stopped) return;
        if (result.status === 'approved') paired({ deviceId: result.deviceId, deviceToken: result.deviceToken, role: result.role, stationId: result.stationId ?? null });
        else if (result.status === 'expired') setAttempt((a) => a + 1);
        else timer = setTimeout(() => void poll(), POLL_MS);
      };
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    run().catch((error: unknown) => {
      if (!stopped) setPhase({ kind: 'error', message: errorMessage(error) });
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [device, deviceName, attempt]);

  if (device) {
    if (device.role !== app) return <WrongApp role={device.role} />;
    return <>{children(device)}</>;
  }
  return (
    <main className="pairing" aria-labelledby="pairing-title">
      <h1 id="pairing-title">Pair this screen</h1>
      {phase.kind === 'starting' && <p>Asking the store hub for a pairing code…</p>}
      {phase.kind === 'code' && (
        <>
          <p>A manager approves this screen on the counter POS: Manager → Devices.</p>
          <p className="pairing-code" aria-label={`Pairing code ${phase.request.code.split('').join(' ')}`} data-testid="pairing-code">
            {phase.request.code}
          </p>
          <p className="muted">Waiting for approval…</p>
        </>
      )}
      {phase.kind === 'error' && (
        <>
          <p role="alert">{phase.message}</p>
          <button type="button" className="btn btn-primary" onClick={() => { setPhase({ kind: 'starting' }); setAttempt((a) => a + 1); }}>
            Try again
          </button>
        </>
      )}
    </main>
  );
}

function WrongApp({ role }: { role: string }) {
  const path = appPathForRole(role);
  useEffect(() => {
    // Approved for another role than the app opened: go to the app it was paired as.
    if (path) window.location.replace(new URL(path, window.location.href).toString());
  }, [path]);
  return (
    <main className="pairing">
      <h1>This screen is paired as {role}</h1>
      <p>{path ? 'Opening its app…' : 'There is no app for this role here.'}</p>
    </main>
  );
}
