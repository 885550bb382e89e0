/**
 * Finding who a PIN belongs to. Each PIN is scrypt-hashed with its own salt, so the only
 * way to find its owner is to hash it once per member of staff (~40 ms each, blocking the
 * hub). Once a PIN has been seen to work, this remembers whose it is, in memory only and
 * keyed by an HMAC with a per-process secret, so the next sign-in hashes once.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { staff } from '@brigade/sync/schema/sqlite';
import { pinMatches } from './credentials';
import type { Orm } from './store-context';

export type StaffRow = typeof staff.$inferSelect;

export class PinLookup {
  private readonly secret = randomBytes(32);
  private readonly owners = new Map<string, string>();

  constructor(private readonly orm: Orm) {}

  /** The active member of staff whose PIN this is, or undefined. PINs are unique among active staff. */
  find(pin: string): StaffRow | undefined {
    if (typeof pin !== 'string' || !/^[0-9]{4,8}$/.test(pin)) return undefined;
    const tag = createHmac('sha256', this.secret).update(pin).digest('hex');
    const knownId = this.owners.get(tag);
    if (knownId !== undefined) {
      const person = this.orm.select().from(staff).where(eq(staff.id, knownId)).get();
      if (person?.active && pinMatches(pin, person.pinSalt, person.pinHash)) return person;
      this.owners.delete(tag);
    }
    for (const person of this.orm.select().from(staff).where(eq(staff.active, true)).all()) {
      if (pinMatches(pin, person.pinSalt, person.pinHash)) {
        this.owners.set(tag, person.id);
        return person;
      }
    }
    return undefined;
  }

  /** Staff changed (new PIN, deactivated): forget what was learnt. */
  forget(): void {
    this.owners.clear();
  }
}
