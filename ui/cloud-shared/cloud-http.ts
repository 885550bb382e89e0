/**
 * JSON over HTTP to the cloud, for the PWA and the dashboard. Every refusal comes back as a
 * `CloudApiError` with the cloud's stable code and its human message (screens show the
 * message as is: the cloud words it for the person reading it).
 */
export class CloudApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, message: string, status: number, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CloudApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const NETWORK_MESSAGE = 'No connection. Check your internet and try again.';

interface ErrorShape {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Reads the cloud's `{ error: { code, message } }` body, or names the status when there is none. */
export function errorFromResponse(status: number, body: unknown): CloudApiError {
  const error = (body as ErrorShape | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : status === 404 ? 'NOT_FOUND' : 'HTTP_' + String(status);
  const message = typeof error?.message === 'string' ? error.message : status >= 500 ? 'Something went wrong. Try again.' : 'The request was refused.';
  const details = error?.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : undefined;
  return new CloudApiError(code, message, status, details);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
}

export async function requestJson<T>(url: string, options: RequestOptions = {}, fetchImpl: typeof fetch = fetch): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new CloudApiError('NETWORK', NETWORK_MESSAGE, 0);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw errorFromResponse(response.status, body);
  return body as T;
}
