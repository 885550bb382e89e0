/**
 * Exactly once across the cashier's own retries. The client already re-sends a command
 * with the same id when the network drops; but when it gives up and the cashier taps "Pay"
 * again, the first attempt may have reached the hub. So the ids of an action (command id,
 * order id, payment id) are kept until the hub gives a clear answer — success or a refusal —
 * and reused by the next try of the same action; the hub then returns the first result
 * instead of taking the money twice.
 */
import { newId } from '@brigade/sync/model';
import { ApiError } from './api-client';

/** A failure after which the hub may or may not have applied the command. */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK' || error.status >= 500);
}

export class RetryMemo {
  private readonly ids = new Map<string, string>();

  async run<T>(action: string, attempt: (id: (name: string) => string) => Promise<T>): Promise<T> {
    const id = (name: string): string => {
      const key = `${action}\u0000${name}`;
      let value = this.ids.get(key);
      if (value === undefined) {
        value = newId();
        this.ids.set(key, value);
      }
      return value;
    };
    try {
      const result = await attempt(id);
      this.forget(action);
      return result;
    } catch (error) {
      if (!outcomeUnknown(error)) this.forget(action);
      throw error;
    }
  }

  private forget(action: string): void {
    for (const key of [...this.ids.keys()]) if (key.startsWith(`${action}\u0000`)) this.ids.delete(key);
  }
}
