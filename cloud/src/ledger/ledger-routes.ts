/**
 * Gift card and loyalty accounts as the owner sees them: the balance every store's entries
 * add up to, how far it is overdrawn and the entries that did it. Scoped to the signed-in
 * user's organisation; another organisation's card with the same number is another account,
 * and one this organisation never used is not found.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BrigadeError } from '@brigade/sync/model';
import { requireUser } from '../auth/sessions';
import type { CloudContext } from '../context';
import { reconciledAccount } from '../push/ledger-applier';

export function registerLedgerRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.get(
    '/api/ledgers/:ledger/:account',
    {
      schema: {
        tags: ['owner'],
        security: [{ owner: [] }],
        params: Type.Object({ ledger: Type.Union([Type.Literal('gift'), Type.Literal('loyalty')]), account: Type.String({ pattern: '^[0-9]{7,19}$' }) }),
      },
    },
    async (request) => {
      const user = await requireUser(ctx, request);
      const { ledger, account } = request.params as { ledger: 'gift' | 'loyalty'; account: string };
      const reconciled = await reconciledAccount(ctx.database.db, user.organisationId, ledger, account);
      // An account none of this organisation's stores has used answers like a foreign one: not found.
      if (reconciled.entries.length === 0) throw new BrigadeError('NOT_FOUND');
      return reconciled;
    },
  );
}
