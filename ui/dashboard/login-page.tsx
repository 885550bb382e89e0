/** Sign-in. Kept light: the chart library loads only once a store's page opens. */
import { type FormEvent, useState } from 'react';
import { CloudApiError } from '../cloud-shared/cloud-http';
import type { OwnerClient } from './owner-api';

export function LoginPage({ client }: { client: OwnerClient }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await client.login(email.trim(), password);
    } catch (e) {
      setError(e instanceof CloudApiError ? e.message : 'Could not sign in.');
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="card login-card" onSubmit={(e) => void submit(e)}>
        <h1>Brigade dashboard</h1>
        <label>Email<input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} /></label>
        <label>Password<input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        {error && <p role="alert" className="hint hint-error">{error}</p>}
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
