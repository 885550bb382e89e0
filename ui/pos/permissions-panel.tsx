/**
 * The permission matrix: roles across, permissions down; a tap grants or takes away
 * (permissions.edit). Once the owner manages the matrix from the dashboard it is shown
 * read-only here, and it reloads when the owner's change reaches the store.
 */
import type { Permission, PermissionMatrix, StaffRole } from '@brigade/sync/model';
import { useCallback, useState } from 'react';
import { useHub, useHubEvents, useResync } from '../shared/hub-context';
import { useToasts } from '../shared/toasts';
import { useApproval } from './use-approval';
import './staff-cash.css';

interface MatrixReply {
  roles: StaffRole[];
  permissions: { id: Permission; label: string }[];
  matrix: PermissionMatrix;
  /** The owner changes the matrix in the dashboard; this screen only shows it. */
  managedByOwner?: boolean;
}

export function PermissionsPanel() {
  const { client } = useHub();
  const toasts = useToasts();
  const approved = useApproval();
  const [data, setData] = useState<MatrixReply | null>(null);
  const reload = useCallback(() => {
    client.get<MatrixReply>('/api/permissions').then(setData, toasts.error);
  }, [client, toasts]);
  useResync(reload);
  useHubEvents((event) => {
    if (event.type === 'permissions.updated') reload();
  });
  if (!data) return <p className="muted">Loading…</p>;
  const managed = data.managedByOwner === true;

  const toggle = async (role: StaffRole, permission: Permission, granted: boolean) => {
    const done = await approved('Change permissions', (pin) => client.command('permissions.set', { role, permission, granted, ...pin }));
    if (done) setData({ ...data, matrix: done.matrix });
  };

  return (
    <>
      {managed && <p className="hint" role="status" data-testid="permissions-managed">Managed by the owner: change permissions in the owner&apos;s dashboard.</p>}
      <table className="permissions">
        <caption>Who may do what (the owner always may)</caption>
        <thead><tr><th scope="col">Permission</th>{data.roles.map((r) => <th key={r} scope="col">{r}</th>)}</tr></thead>
        <tbody>
          {data.permissions.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.label}</th>
              {data.roles.map((role) => {
                const on = data.matrix[role].includes(p.id);
                return (
                  <td key={role}>
                    <button type="button" role="switch" aria-checked={on} aria-label={`${role}: ${p.label}`} className={on ? 'btn btn-primary' : 'btn'}
                      disabled={role === 'owner' || managed} onClick={() => void toggle(role, p.id, !on)}>
                      {on ? 'Yes' : 'No'}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
