/**
 * Runs commands exactly once. Order of work: find the command, validate its args against
 * its TypeBox schema, authorise the caller, return the stored result when the commandId was
 * already applied, else prepare (async, e.g. the card reader) and then apply as ONE atomic
 * unit that also records the commandId. Commands ready at the same moment share one SQLite
 * transaction and its fsync, each in its own savepoint (group-commit.ts); callers and
 * listeners hear only after that transaction committed.
 */
import { Compile } from 'typebox/compile';
import { BrigadeError, type CommandName, type HubEvent, commandArgs, isUuidV7 } from '@brigade/sync/model';
import type { RegisteredCommand } from './command-registry';
import { type CommandContext, CommandTx } from './command-tx';
import { argsHash } from './credentials';
import { iso } from './clock';
import { authoriseAction } from './commands/staff-permission-check';
import { pruneEvents } from './event-log';
import { GroupCommit } from './group-commit';
import { orderReads, queueWrites } from './hot-queries';
import { jsonOf, rememberJson } from './json-once';
import type { StoreContext } from './store-context';
import type { Actor, CommandOutcome } from './types';

type Validator = ReturnType<typeof Compile>;

/** A command's answer and the events it wrote, handed out after its group committed. */
interface Applied {
  readonly outcome: CommandOutcome;
  readonly events: HubEvent[];
}

export class CommandExecutor {
  private readonly inFlight = new Map<string, Promise<CommandOutcome>>();
  /** Tail of the queue of commands per serial key (see `serialKey`). */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly validators = new Map<string, Validator>();
  private readonly registry: ReadonlyMap<string, RegisteredCommand>;

  private readonly groups: GroupCommit;

  constructor(private readonly store: StoreContext, registered: readonly RegisteredCommand[]) {
    this.registry = new Map(registered.map((c) => [c.name, c]));
    this.groups = new GroupCommit(store.sqlite, {
      logger: store.logger,
      // Old events are dropped in the group's own transaction: on their own they cost one more fsync per group.
      beforeCommit: () => pruneEvents(store),
      afterCommit: (applied) => store.notify((applied as Applied[]).flatMap((a) => a.events)),
    });
  }

  async execute(name: string, commandId: string, args: unknown, actor: Actor): Promise<CommandOutcome> {
    const command = this.registry.get(name);
    const validator = command ? this.validatorOf(command.name) : undefined;
    if (!command || !validator) throw new BrigadeError('UNKNOWN_COMMAND', `There is no command named ${name}.`, { name });
    if (typeof commandId !== 'string' || !isUuidV7(commandId)) {
      throw new BrigadeError('VALIDATION_FAILED', 'commandId must be a UUIDv7.', { field: 'commandId' });
    }
    if (!validator.Check(args)) {
      const first = [...validator.Errors(args)][0];
      throw new BrigadeError('VALIDATION_FAILED', first ? `${first.instancePath || 'args'} ${first.message}` : undefined, {
        field: first?.instancePath ?? null,
      });
    }
    const approvedBy = this.authorise(command, args, actor);
    // PINs are left out of the hash: a stored hash of a 4-digit PIN is a stored PIN.
    const hash = argsHash(name, withoutPin(args));
    // A duplicate arriving while the first is still preparing waits for it, then replays.
    for (let running = this.inFlight.get(commandId); running; running = this.inFlight.get(commandId)) {
      await running.catch(() => undefined);
    }
    const stored = this.replay(commandId, name, hash);
    if (stored) return stored;
    const ctx: CommandContext = { actor, commandId, at: this.store.now(), approvedBy, store: this.store };
    const key = command.serialKey(args);
    const applying = key === null ? this.apply(command, ctx, args, hash) : this.inQueue(key, () => this.apply(command, ctx, args, hash));
    this.inFlight.set(commandId, applying);
    try {
      return await applying;
    } finally {
      this.inFlight.delete(commandId);
    }
  }

  /** Compiled on first use: a store uses a handful of its commands most days, and each compiled schema stays in memory. */
  private validatorOf(name: CommandName): Validator {
    let validator = this.validators.get(name);
    if (!validator) {
      validator = Compile(commandArgs[name]);
      this.validators.set(name, validator);
    }
    return validator;
  }

  private inQueue<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return next;
  }

  private replay(commandId: string, name: string, hash: string): CommandOutcome | null {
    const row = orderReads(this.store.orm).commandById.get({ id: commandId });
    if (!row) return null;
    if (row.name !== name || row.argsHash !== hash) {
      throw new BrigadeError('COMMAND_ID_REUSED', undefined, { commandId, firstUsedFor: row.name });
    }
    return { commandId, replayed: true, result: JSON.parse(row.result) as unknown };
  }

  private async apply(command: RegisteredCommand, ctx: CommandContext, args: unknown, hash: string): Promise<CommandOutcome> {
    const prepared = await command.prepare(ctx, args);
    let applied: Applied;
    try {
      applied = await this.groups.submit<Applied>({
        run: () => this.transact(command, ctx, args, hash, prepared),
        // Another process may have stored this id between our check and our insert: answer with its result.
        recover: (err) => {
          if (!isCommandIdConflict(err)) return undefined;
          const stored = this.replay(ctx.commandId, command.name, hash);
          return stored ? { outcome: stored, events: [] } : undefined;
        },
      });
    } catch (err) {
      if (prepared !== undefined && prepared !== null) {
        this.store.logger?.error({ err, command: command.name, commandId: ctx.commandId, prepared }, 'prepared work (e.g. a card charge) was not recorded');
      }
      throw err;
    }
    this.store.logger?.debug(
      { command: command.name, commandId: ctx.commandId, replayed: applied.outcome.replayed, deviceId: ctx.actor.deviceId, staffId: ctx.actor.staff?.id ?? null },
      'command applied',
    );
    return applied.outcome;
  }

  /** Runs inside the command's own savepoint of a group transaction (see group-commit.ts). */
  private transact(command: RegisteredCommand, ctx: CommandContext, args: unknown, hash: string, prepared: unknown): Applied {
    // Checked again under the write lock: another process, or an earlier command of this group, may have applied this id.
    const stored = this.replay(ctx.commandId, command.name, hash);
    if (stored) return { outcome: stored, events: [] };
    const tx = new CommandTx(ctx);
    const result = command.run(tx, ctx, args, prepared);
    // The order inside was serialised once already (json-once.ts); the answer is the object itself, not a copy parsed back,
    // and its text is remembered for the hub's reply.
    const resultJson = typeof result === 'object' && result !== null ? rememberJson(result) : jsonOf(result ?? null);
    queueWrites(this.store.sqlite).insertCommand.run(ctx.commandId, command.name, hash, resultJson, tx.now);
    const events = tx.flushEvents();
    this.store.options.beforeCommit?.(command.name, ctx.commandId);
    return { outcome: { commandId: ctx.commandId, replayed: false, result: result ?? null }, events };
  }

  /** Role and staff checks, then the permission matrix; returns who approved a guarded command. */
  private authorise(command: RegisteredCommand, args: unknown, actor: Actor): string | null {
    if (actor.deviceRole === 'system') return actor.staff?.id ?? null;
    if (!command.roles.includes(actor.deviceRole)) {
      throw new BrigadeError('WRONG_DEVICE_ROLE', `A ${actor.deviceRole} screen cannot do ${command.name}.`, { command: command.name });
    }
    if (command.needsStaff && actor.deviceRole === 'pos' && !actor.staff) throw new BrigadeError('STAFF_SIGN_IN_REQUIRED');
    return authoriseAction(this.store, command, args, actor);
  }
}

/** Screens retry within minutes; results older than this are dropped so the file does not grow forever. */
export const COMMAND_LOG_DAYS = 30;

/**
 * Forgets command results older than `COMMAND_LOG_DAYS`. A commandId replayed after that is
 * treated as new, and refused by the ids it carries (the order, payment or line already exists).
 */
export function pruneCommandLog(store: StoreContext): number {
  const cutoff = iso(new Date(store.now().getTime() - COMMAND_LOG_DAYS * 24 * 60 * 60 * 1000));
  return store.sqlite.prepare('DELETE FROM commands WHERE created_at < ?').run(cutoff).changes;
}

function isCommandIdConflict(err: unknown): boolean {
  // drizzle wraps the driver's error; the SQLite error is its cause.
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error && 'code' in cause && cause.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && cause.message.includes('commands.command_id');
}

function withoutPin(args: unknown): unknown {
  if (typeof args !== 'object' || args === null || !('managerPin' in args || 'pin' in args)) return args;
  const { managerPin: _managerPin, pin: _pin, ...rest } = args as Record<string, unknown>;
  return rest;
}
