/** The audit trail (manager session only): who did what, approved by whom. */
import { useEffect, useState } from 'react';
import { useHub } from '../shared/hub-context';
import type { AuditEntry } from '../shared/hub-types';
import { useToasts } from '../shared/toasts';

function describe(entry: AuditEntry): string {
  const known = new Set(['id', 'at', 'createdAt', 'action', 'command', 'staffName', 'approvedByName', 'summary', 'staffId', 'approvedBy', 'deviceId', 'commandId']);
  if (typeof entry.summary === 'string') return entry.summary;
  if (typeof entry.detail === 'string') return entry.detail;
  return Object.entries(entry)
    .filter(([k, v]) => !known.has(k) && v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v as string | number)}`)
    .join(' · ');
}

const shortId = (id: unknown): string => (typeof id === 'string' ? id.slice(-6) : '');

export function AuditPanel() {
  const { client } = useHub();
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
              <td>{e.action ?? e.command ?? ''}</td>
              <td>{e.staffName ?? shortId(e.staffId)}</td>
              <td>{e.approvedByName ?? shortId(e.approvedBy)}</td>
              <td className="audit-details">{describe(e)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
