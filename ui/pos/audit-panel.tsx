/** The audit trail (manager session only): who did what, approved by whom. */
import { useEffect, useState } from 'react';
import { useHub } from '../shared/hub-context';
import type { AuditEntry } from '../shared/hub-types';
import { useToasts } from '../shared/toasts';
import { describeAuditDetail } from './audit-format';
import { useStaff } from './staff-session';

const shortId = (id: unknown): string => (typeof id === 'string' ? id.slice(-6) : '');

export function AuditPanel({ currency }: { currency: string }) {
  const { client } = useHub();
  const { session } = useStaff();
  // The hub records staff ids; the signed-in manager at least is named.
  const staffName = (id: unknown) => (id === session.staff.id ? session.staff.name : shortId(id));
  const toasts = useToasts();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  useEffect(() => {
    client.get<AuditEntry[] | { entries: AuditEntry[] }>('/api/audit?limit=200').then((r) => setEntries(Array.isArray(r) ? r : r.entries), toasts.error);
  }, [client, toasts]);
  if (!entries) return <p className="muted">Loading…</p>;
  return (
    <table className="audit">
      <caption className="sr-only">Audit trail</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Staff</th><th scope="col">Approved by</th><th scope="col">Details</th></tr></thead>
      <tbody>
        {entries.map((e, i) => {
          const at = e.at ?? e.createdAt;
          return (
            <tr key={e.id ?? i}>
              <td>{at ? new Date(at).toLocaleString() : ''}</td>
              <td>{e.action ?? e.command ?? ''}{typeof e.orderId === 'string' ? <span className="muted"> · order …{e.orderId.slice(-6)}</span> : null}</td>
              <td>{e.staffName ?? staffName(e.staffId)}</td>
              <td>{e.approvedByName ?? staffName(e.approvedBy)}</td>
              <td className="audit-details">{typeof e.summary === 'string' ? e.summary : describeAuditDetail(e.detail, currency)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
