/** Pause or resume online ordering, and make a code to enrol the store's edge node. */
import { useState } from 'react';
import { CloudApiError } from '../cloud-shared/cloud-http';
import type { OwnerClient, OwnerStore } from './owner-api';

export function StoreActions({ client, store, onChanged }: { client: OwnerClient; store: OwnerStore; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage(e instanceof CloudApiError ? e.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };
  const paused = store.onlineOrderingPaused;
  return (
    <section className="card" aria-labelledby="actions-h">
      <h2 id="actions-h">Online ordering</h2>
      <p data-testid="ordering-state">
        {paused ? (store.pausedReason === 'offline' ? 'Paused: the store is offline. It resumes by itself when the store is back.' : 'Paused by you.') : 'Taking orders.'}
      </p>
      <button type="button" className={`btn ${paused ? 'btn-ok' : 'btn-danger'}`} disabled={busy}
        onClick={() => void run(async () => {
          await client.setPaused(store.id, !paused);
          onChanged();
        })}>
        {paused ? 'Resume online ordering' : 'Pause online ordering'}
      </button>
      <h2>Enrol the store</h2>
      <p className="muted">Type this code on the store&apos;s edge node to connect it to the cloud.</p>
      <button type="button" className="btn" disabled={busy} onClick={() => void run(async () => setCode(await client.enrolmentCode(store.id)))}>New enrolment code</button>
      {code && <p className="enrol-code"><code data-testid="enrolment-code">{code.code}</code> <span className="muted">valid until {new Date(code.expiresAt).toLocaleTimeString()}</span></p>}
      {message && <p role="alert" className="hint hint-error">{message}</p>}
    </section>
  );
}
