/**
 * The edge's calls to the cloud's enrolment routes (docs/cloud.md): trade a one-time code
 * and the node id for a store credential; trade a credential for a new one. A refusal
 * carries the cloud's stable code; a cloud that cannot be reached is told apart, because
 * that is worth retrying and a refused code is not.
 */
export interface IssuedCredential {
  readonly storeId: string;
  readonly credentialId: string;
  readonly credential: string;
}

export class CloudCallError extends Error {
  override readonly name = 'CloudCallError';
  constructor(
    /** The cloud's error code (`ENROLMENT_CODE_INVALID`, `CREDENTIAL_INVALID`…), or `CLOUD_UNREACHABLE`. */
    readonly code: string,
    /** HTTP status, or null when no answer came. */
    readonly status: number | null,
    message: string,
  ) {
    super(message);
  }

  /** Worth trying again later: no answer, or the cloud was overloaded or failing. */
  get retryable(): boolean {
    return this.status === null || this.status === 429 || this.status >= 500;
  }
}

const TIMEOUT_MS = 15_000;

async function call(doFetch: typeof fetch, url: URL, init: { body?: unknown; credential?: string }): Promise<IssuedCredential> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.credential ? { authorization: `Bearer ${init.credential}` } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new CloudCallError('CLOUD_UNREACHABLE', null, `The cloud at ${url.origin} cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : `The cloud answered ${response.status}.`;
    throw new CloudCallError(code, response.status, message);
  }
  const body = parsed as Partial<IssuedCredential> | null;
  if (typeof body?.storeId !== 'string' || typeof body.credentialId !== 'string' || typeof body.credential !== 'string') {
    throw new CloudCallError('CLOUD_ANSWER_INVALID', response.status, `The cloud at ${url.origin} answered without a credential.`);
  }
  return { storeId: body.storeId, credentialId: body.credentialId, credential: body.credential };
}

export function enrolWithCode(cloudUrl: string, code: string, nodeId: string, doFetch: typeof fetch = fetch): Promise<IssuedCredential> {
  return call(doFetch, new URL('/sync/enrol', cloudUrl), { body: { code: code.trim(), nodeId } });
}

/** The cloud revokes the old credential in the same transaction that issues the new one. */
export function rotateCredential(cloudUrl: string, credential: string, doFetch: typeof fetch = fetch): Promise<IssuedCredential> {
  return call(doFetch, new URL('/sync/credential/rotate', cloudUrl), { credential });
}
