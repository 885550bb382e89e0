/**
 * One route per command, generated from the shared `commandArgs` schemas so each command
 * has its own validated body and its own entry in the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BrigadeError, COMMAND_NAMES, type CommandName, commandArgs } from '@brigade/sync/model';
import { jsonOf } from '../store/json-once';
import type { CommandOutcome, EdgeStore } from '../store/types';
import type { HubMetrics } from './metrics';
import { requestActor, requireDevice } from './request-actor';

const commandRoles: Record<CommandName, string> = {
  'order.create': 'pos, kiosk',
  'order.addLines': 'pos',
  'order.voidLine': 'pos + manager',
  'order.fire': 'pos',
  'order.complete': 'pos',
  'order.void': 'pos + manager',
  'order.acceptOnline': 'none (the node\'s sync client)',
  'payment.capture': 'pos (cash, card), kiosk (card)',
  'payment.refund': 'pos + manager',
  'receipt.print': 'pos',
  'drawer.open': 'pos + manager',
  'ticket.bump': 'kds, pos',
  'ticket.recall': 'kds, pos',
  'item.set86': 'pos + manager',
  'device.approve': 'pos + manager',
  'device.revoke': 'pos + manager',
  'check.open': 'pos',
  'check.addLines': 'pos',
  'check.setQuantity': 'pos',
  'check.moveLines': 'pos',
  'check.discountLine': 'pos',
  'check.compLine': 'pos + manager',
  'check.setDiscounts': 'pos',
  'check.applyPromo': 'pos',
  'check.update': 'pos',
  'check.split': 'pos',
  'check.merge': 'pos',
  'course.fire': 'pos',
  'floor.saveSection': 'pos + manager',
  'floor.saveTable': 'pos + manager',
  'promo.save': 'pos + manager',
  'checkSettings.save': 'pos + manager',
  'permissions.set': 'pos + permission permissions.edit',
  'timeclock.punch': 'pos, kds (the PIN names who punches)',
  'timeclock.correct': 'pos + permission timeclock.correct',
  'drawer.openSession': 'pos + permission drawer.session',
  'drawer.closeSession': 'pos + permission drawer.session',
  'drawer.payIn': 'pos + permission drawer.payInOut',
  'drawer.payOut': 'pos + permission drawer.payInOut',
  'drawer.drop': 'pos + permission drawer.drop',
  'report.closeDay': 'pos + permission reports.closeDay',
  'report.reprintZ': 'pos + permission reports.view',
  'report.printX': 'pos + permission reports.view',
  'inventory.defineIngredient': 'pos + manager',
  'inventory.setRecipe': 'pos + manager',
  'inventory.receive': 'pos',
  'inventory.count': 'pos',
  'inventory.waste': 'pos',
  'gift.sell': 'pos',
  'gift.load': 'pos',
  'gift.redeem': 'pos, kiosk',
  'ledger.configure': 'pos + manager',
  'loyalty.attach': 'pos',
  'loyalty.redeem': 'pos',
};

const CommandReply = Type.Object({
  commandId: Type.String(),
  replayed: Type.Boolean({ description: 'true when this commandId was seen before: the first result, nothing applied again' }),
  result: Type.Unknown(),
});

export const ErrorReply = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]))),
  }),
});

/** Counts commands in flight so shutdown can wait for them to finish. */
export interface InFlight {
  count: number;
  idle: Promise<void> | null;
  resolveIdle: (() => void) | null;
}

export function registerCommandRoutes(app: FastifyInstance, store: EdgeStore, metrics: HubMetrics, inFlight: InFlight): void {
  for (const name of COMMAND_NAMES) {
    const body = Type.Object({ commandId: Type.String({ format: 'uuid', maxLength: 36 }), args: commandArgs[name] }, { additionalProperties: false });
    app.post(
      `/api/commands/${name}`,
      {
        onRequest: requireDevice(store),
        schema: {
          tags: ['commands'],
          summary: `${name} — ${commandRoles[name]}`,
          security: [{ device: [] }, { device: [], staff: [] }],
          body,
          response: { 200: CommandReply, '4xx': ErrorReply },
        },
      },
      async (request, reply) => {
        const { commandId, args } = request.body as { commandId: string; args: unknown };
        const actor = requestActor(store, request);
        const stopTimer = metrics.commandDuration.startTimer({ command: name });
        inFlight.count += 1;
        try {
          const outcome = await store.execute(name, commandId, args, actor);
          stopTimer({ outcome: 'ok' });
          if (name === 'order.create' && !outcome.replayed) metrics.ordersCreated.inc();
          // The result's text was made when the command stored it (json-once.ts): sent as it is, not serialised again.
          void reply.header('content-type', 'application/json; charset=utf-8');
          return commandReplyJson(outcome);
        } catch (error) {
          stopTimer({ outcome: error instanceof BrigadeError ? error.code : 'INTERNAL' });
          throw error;
        } finally {
          inFlight.count -= 1;
          if (inFlight.count === 0) inFlight.resolveIdle?.();
        }
      },
    );
  }
  // Static routes win over this parametric one, so only names that are not commands land here.
  app.post('/api/commands/:name', { schema: { hide: true } }, (request) => {
    const { name } = request.params as { name: string };
    throw new BrigadeError('UNKNOWN_COMMAND', undefined, { name: name.slice(0, 64) });
  });
}

/** The `CommandReply` as JSON.stringify writes it, reusing the stored text of the result. */
export function commandReplyJson(outcome: CommandOutcome): string {
  return `{"commandId":${JSON.stringify(outcome.commandId)},"replayed":${outcome.replayed ? 'true' : 'false'},"result":${jsonOf(outcome.result)}}`;
}

/** Resolves once no command is running (immediately when none is). */
export function whenIdle(inFlight: InFlight): Promise<void> {
  if (inFlight.count === 0) return Promise.resolve();
  inFlight.idle ??= new Promise<void>((resolve) => {
    inFlight.resolveIdle = () => {
      inFlight.idle = null;
      inFlight.resolveIdle = null;
      resolve();
    };
  });
  return inFlight.idle;
}
