/**
 * The screens' one way to talk to the hub. Every command gets a fresh UUIDv7 `commandId`
 * and, when the network fails, is retried with that SAME id: the hub applies a command id
 * once, so a retry after a lost reply can never charge or print twice.
 */
import { type CommandArgs, type CommandName, type ErrorCode, newId } from '@brigade/sync/model';
import type { CommandReply, CommandResults, ErrorBody } from './hub-types';

/** A refusal from the hub (or the network), with the hub's stable code and message. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'NETWORK';
  readonly status: number;
  readonly details: Record<string, string | number | boolean | null> | undefined;

  constructor(code: ErrorCode | 'NETWORK', message: string, status: number, details?: Record<string, string | number | boolean | null>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export interface Credentials {
  deviceToken: string | null;
  staffSession: string | null;
}

export interface HubClientOptions {
  /** '' for same origin (the hub serves the screens), or http://host:port. */
  baseUrl?: string;
  credentials: () => Credentials;
  /** Waits between network retries; the last one is repeated until `maxAttempts`. */
  retryDelaysMs?: readonly number[];
  maxAttempts?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Called when the hub says this screen is not (or no longer) paired. */
  onDeviceRejected?: (error: ApiError) => void;
  /** Called when the staff session expired or was ended elsewhere. */
  onStaffRejected?: (error: ApiError) => void;
}

export interface CommandOptions {
  /** Reuse an id the screen already made (e.g. to re-send after the screen reloads). */
  commandId?: string;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

export class HubClient {
  private readonly baseUrl: string;
  private readonly options: HubClientOptions;

  constructor(options: HubClientOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl ?? '';
  }

  async command<N extends CommandName>(name: N, args: CommandArgs<N>, opts: CommandOptions = {}): Promise<CommandResults[N]> {
    const commandId = opts.commandId ?? newId();
    const body = JSON.stringify({ commandId, args });
    const reply = await this.send<CommandReply<N>>('POST', `/api/commands/${name}`, body, true);
    return reply.result;
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path, undefined, true);
  }

  /** For calls that are not commands (sign-in, pairing): sent once, never replayed. */
  post<T>(path: string, payload: unknown): Promise<T> {
    return this.send<T>('POST', path, JSON.stringify(payload), false);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>('DELETE', path, undefined, false);
  }

  private async send<T>(method: string, path: string, body: string | undefined, retry: boolean): Promise<T> {
    const delays = this.options.retryDelaysMs ?? [300, 1000, 2000, 4000];
    const maxAttempts = retry ? (this.options.maxAttempts ?? 6) : 1;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let lastError: ApiError = new ApiError('NETWORK', 'The store hub cannot be reached.', 0);
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      if (attempt > 0) await sleep(delays[Math.min(attempt - 1, delays.length - 1)] ?? 1000);
      let response: Response;
      try {
        response = await (this.options.fetchImpl ?? fetch)(this.baseUrl + path, { method, headers: this.headers(body !== undefined), ...(body !== undefined ? { body } : {}) });
      } catch {
        lastError = new ApiError('NETWORK', 'The store hub cannot be reached. Retrying…', 0);
        continue;
      }
      if (response.ok) return (await response.json()) as T;
      const error = await toApiError(response);
      if (error.code === 'DEVICE_NOT_PAIRED' || error.code === 'DEVICE_REVOKED') this.options.onDeviceRejected?.(error);
      if (error.code === 'STAFF_SIGN_IN_REQUIRED') this.options.onStaffRejected?.(error);
      if (!RETRYABLE_STATUS.has(response.status)) throw error;
      lastError = error;
    }
    throw lastError;
  }

  private headers(hasBody: boolean): Record<string, string> {
    const { deviceToken, staffSession } = this.options.credentials();
    const headers: Record<string, string> = {};
    if (hasBody) headers['content-type'] = 'application/json';
    if (deviceToken) headers.authorization = `Bearer ${deviceToken}`;
    if (staffSession) headers['x-staff-session'] = staffSession;
    return headers;
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (body.error?.code) return new ApiError(body.error.code, body.error.message, response.status, body.error.details);
  } catch {
    // A proxy's HTML error page: fall through to a generic message.
  }
  return new ApiError('INTERNAL', `The hub answered ${response.status}.`, response.status);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return 'Something went wrong.';
}
