/** What every route and job of the cloud shares: the database, the clock and the change publisher. */
import type { Database } from './db/database';
import type { ChangePublisher } from './shapes/change-publisher';

export interface CloudSettings {
  /** A store silent for this long gets online ordering paused (heartbeat). */
  readonly heartbeatTimeoutMs: number;
  /** How long a live shape request is parked. */
  readonly longPollMs: number;
  /** Rotate a shape when its log holds more than this many times its rows. */
  readonly rotationFactor: number;
  /** Stripe: secret key, webhook signing secret and (tests) where the API is. */
  readonly stripe: StripeSettings | null;
  /** Signs QR table tokens. */
  readonly tableTokenSecret: string;
  /** Public URL of the cloud, used in QR codes. */
  readonly publicUrl: string;
}

export interface StripeSettings {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly host?: string;
  readonly port?: number;
  readonly protocol?: 'http' | 'https';
}

export interface CloudContext {
  readonly database: Database;
  readonly now: () => Date;
  readonly changes: ChangePublisher;
  readonly settings: CloudSettings;
}
