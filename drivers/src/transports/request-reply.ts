import { ReplyTimeoutError } from './reply-reader';
import { type Transport, TransportClosedError } from './transport';

/**
 * Sends a request and collects the reply until `complete` says the frame is whole. For
 * line-oriented serial devices (scales), where a reply is a framed string.
 */
export function requestFrame(t: Transport, request: Uint8Array, complete: (received: string) => number | null, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const done = (err: Error | null, frame?: string): void => {
      clearTimeout(timer);
      offData();
      offClose();
      if (err) reject(err);
      else resolve(frame as string);
    };
    const offData = t.onData((bytes) => {
      received += String.fromCharCode(...bytes);
      const end = complete(received);
      if (end !== null) done(null, received.slice(0, end));
    });
    const offClose = t.onClose((err) => done(err ?? new TransportClosedError(t.address)));
    const timer = setTimeout(() => done(new ReplyTimeoutError(timeoutMs)), timeoutMs);
    t.write(request).catch((err: Error) => done(err));
  });
}
