/**
 * A store's permission matrix: roles across, permissions down, one switch per cell. Each tap
 * is saved at once. The owner's first change takes the matrix over from the store's POS (its
 * changes so far are kept); from then on the POS shows it read-only. Managers may look; only
 * owners change it. The owner's own column is fixed: the owner always may.
 */
import { useState } from 'react';
import type { Permission, StaffRole } from '@brigade/sync/model';
import { CloudApiError } from '../cloud-shared/cloud-http';
import type { OwnerClient } from './owner-api';
import { type StorePermissions, permissionsApi } from './permissions-api';
import { usePoll } from './use-poll';
import './permissions.css';

const REFRESH_MS = 15_000;

export function PermissionsPage({ client, storeId }: { client: OwnerClient; storeId: string }) {
  const polled = usePoll(() => permissionsApi.read(client, storeId), REFRESH_MS, `permissions-${storeId}`);
  const [saved, setSaved] = useState<StorePermissions | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const view = newest(saved, polled.data);
  const canEdit = client.user?.role === 'owner';

  if (polled.error && !view) return <p role="alert" className="hint hint-error">{polled.error}</p>;
  if (!view) return <p>Loading…</p>;

  const toggle = async (role: StaffRole, permission: Permission, granted: boolean) => {
    setBusy(`${role}|${permission}`);
    setMessage(null);
    try {
      setSaved(await permissionsApi.change(client, storeId, [{ role, permission, granted }]));
    } catch (e) {
      setMessage(e instanceof CloudApiError ? e.message : 'That did not work. Try again.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="perm-h">
      <header className="store-title">
        <h1 id="perm-h">Permissions</h1>
        <a className="btn" href={`#/stores/${encodeURIComponent(storeId)}`}>Back to the store</a>
      </header>
      <p className="perm-state" data-testid="perm-state">
        {view.managed
          ? <><span className="pill pill-ok">Managed here</span> The store&apos;s POS shows this matrix read-only.</>
          : <><span className="pill pill-warn">Edited at the store</span> Managers change this on the POS. Your first change here takes it over, keeping theirs.</>}
      </p>
      {!canEdit && <p className="muted">Only an owner can change permissions.</p>}
      {message && <p role="alert" className="hint hint-error">{message}</p>}
      <div className="table-scroll">
        <table className="perm-grid">
          <caption className="muted">Who may do what without asking (anyone else needs their PIN to approve)</caption>
          <thead><tr><th scope="col">Permission</th>{view.roles.map((r) => <th key={r} scope="col">{r}</th>)}</tr></thead>
          <tbody>
            {view.permissions.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}</th>
                {view.roles.map((role) => {
                  const on = view.matrix[role].includes(p.id);
                  const locked = role === 'owner';
                  return (
                    <td key={role}>
                      <button type="button" role="switch" aria-checked={on} aria-label={`${role}: ${p.label}`} className="btn perm-switch"
                        disabled={locked || !canEdit || busy !== null} title={locked ? 'The owner always may' : undefined}
                        onClick={() => void toggle(role, p.id, !on)}>
                        {busy === `${role}|${p.id}` ? '…' : on ? 'Yes' : 'No'}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.overriddenAtStore.length > 0 && (
        <>
          <h2>Changes at the store that your matrix replaced</h2>
          <p className="muted">Made on the POS while the store had not yet heard of your changes. Set them here if you want them.</p>
          <ul data-testid="perm-overridden">
            {view.overriddenAtStore.map((o) => (
              <li key={`${o.at}-${o.role}-${o.permission}`}>
                {new Date(o.at).toLocaleString()}: {o.role} — {labelOf(view, o.permission)} {o.granted ? 'allowed' : 'taken away'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** What the last save answered, until a poll brings something at least as new. */
function newest(saved: StorePermissions | null, polled: StorePermissions | null): StorePermissions | null {
  if (!saved) return polled;
  if (!polled) return saved;
  return (polled.updatedAt ?? '') >= (saved.updatedAt ?? '') && polled.managed === saved.managed ? polled : saved;
}

function labelOf(view: StorePermissions, permission: string): string {
  return view.permissions.find((p) => p.id === permission)?.label ?? permission;
}
