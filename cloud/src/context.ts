/** What every route and job of the cloud shares: the database, the clock and the change publisher. */
import type { Database } from './db/database';
import type { ChangePublisher } from './shapes/change-publisher';
import type { ShapeColumnsSince } from './shapes/shape-versions';

export interface CloudSettings {
  /** A store silent for this long gets online ordering paused (heartbeat). */
  readonly heartbeatTimeoutMs: number;
  /** How long a live shape request is parked. */
  readonly longPollMs: number;
  /** Rotate a shape when its log holds more than this many times its rows. */
  readonly rotationFactor: number;
  /** A follower further behind than min(rotationFactor × rows, max(rows, this)) entries gets a snapshot instead (default 5,000). */
  readonly replayCap?: number;
  /** How often the shape log is compacted (default 10 minutes). */
  readonly compactionIntervalMs?: number;
  /** The newest shape schema version served (default SHAPE_SCHEMA_VERSION); the simulator and tests change it. */
  readonly shapeSchemaVersion?: number;
  /** Columns each shape table gained after version 1, with the version that added them (default SHAPE_COLUMNS_SINCE). */
  readonly shapeColumnsSince?: ShapeColumnsSince;
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
