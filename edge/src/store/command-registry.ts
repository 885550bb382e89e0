/**
 * A command as the store registers it: who may call it, what it must prepare outside the
 * transaction (a card charge), and the synchronous `run` that writes everything in one
 * transaction. `defineCommand` keeps each definition typed by its own TypeBox schema.
 */
import type { CommandArgs, CommandName, DeviceRole } from '@brigade/sync/model';
import type { CommandContext, CommandTx } from './command-tx';

export interface CommandDef<N extends CommandName, P> {
  readonly name: N;
  readonly roles: readonly DeviceRole[];
  /** On a POS, a signed-in staff member is required (kiosks and KDS have no staff). */
  readonly needsStaff: boolean;
  readonly needsManager: boolean;
  /** Async work before the transaction; must be idempotent by `ctx.commandId`. */
  prepare?(ctx: CommandContext, args: CommandArgs<N>): Promise<P>;
  /**
   * Commands with the same key run one after another, prepare included: two card payments
   * on one order must not both charge a card for the same amount still due.
   */
  serialKey?(args: CommandArgs<N>): string;
  run(tx: CommandTx, ctx: CommandContext, args: CommandArgs<N>, prepared: P): unknown;
}

export interface RegisteredCommand {
  readonly name: CommandName;
  readonly roles: readonly DeviceRole[];
  readonly needsStaff: boolean;
  readonly needsManager: boolean;
  prepare(ctx: CommandContext, args: unknown): Promise<unknown>;
  serialKey(args: unknown): string | null;
  run(tx: CommandTx, ctx: CommandContext, args: unknown, prepared: unknown): unknown;
}

/** Erases a definition's types for the registry; the executor checks args against the same name's schema first. */
export function defineCommand<N extends CommandName, P = undefined>(def: CommandDef<N, P>): RegisteredCommand {
  return {
    name: def.name,
    roles: def.roles,
    needsStaff: def.needsStaff,
    needsManager: def.needsManager,
    prepare: (ctx, args) => (def.prepare ? def.prepare(ctx, args as CommandArgs<N>) : Promise.resolve(undefined)),
    serialKey: (args) => (def.serialKey ? def.serialKey(args as CommandArgs<N>) : null),
    run: (tx, ctx, args, prepared) => def.run(tx, ctx, args as CommandArgs<N>, prepared as P),
  };
}
