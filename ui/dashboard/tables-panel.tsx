/** QR tables: add a table, print its code (SVG or PNG from the cloud), replace a lost or copied code. */
import { type FormEvent, useState } from 'react';
import { CloudApiError } from '../cloud-shared/cloud-http';
import type { OwnerClient } from './owner-api';
import { usePoll } from './use-poll';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function TablesPanel({ client, storeId }: { client: OwnerClient; storeId: string }) {
  const tables = usePoll(() => client.tables(storeId), null, `tables-${storeId}`);
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const attempt = async (action: () => Promise<void>) => {
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage(e instanceof CloudApiError ? e.message : 'That did not work. Try again.');
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      await client.createTable(storeId, label.trim());
      setLabel('');
      tables.reload();
    });
  };
  return (
    <section className="card" aria-labelledby="tables-h">
      <h2 id="tables-h">Tables and QR codes</h2>
      {tables.error && <p role="alert" className="hint hint-error">{tables.error}</p>}
      <ul className="table-codes">
        {tables.data?.map((t) => (
          <li key={t.id}>
            <strong>{t.label}</strong> <span className="muted">code v{t.version}</span>
            <button type="button" className="btn" onClick={() => void attempt(async () => download(await client.qrCode(storeId, t.id, 'svg'), `table-${t.label}.svg`))}>SVG</button>
            <button type="button" className="btn" onClick={() => void attempt(async () => download(await client.qrCode(storeId, t.id, 'png'), `table-${t.label}.png`))}>PNG</button>
            <button type="button" className="btn" onClick={() => void attempt(async () => {
              if (!window.confirm(`Replace the code of table ${t.label}? The printed code stops working.`)) return;
              await client.rotateTable(storeId, t.id);
              tables.reload();
            })}>Replace code</button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <label>New table <input value={label} maxLength={20} required onChange={(e) => setLabel(e.target.value)} placeholder="T1" /></label>
        <button type="submit" className="btn">Add table</button>
      </form>
      {message && <p role="alert" className="hint hint-error">{message}</p>}
    </section>
  );
}
