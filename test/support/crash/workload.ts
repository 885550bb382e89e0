/**
 * A small day at the counter, sent through the hub's HTTP API: an ingredient with a recipe
 * and a delivery (stock), a paid order (a sale that uses stock, a payment, kitchen tickets),
 * an 86 and some waste. Each step has its commandId fixed up front, so when the hub dies
 * mid-way the same step is sent again after the restart — replayed if it had committed,
 * applied if it had not — as a POS retries.
 */
import { DEMO, type Order, newId } from '@brigade/sync/model';
import { type Pos, type Reply, sendCommand } from './clients';

interface Step {
  readonly name: string;
  readonly commandId: string;
  /** Built from the answers to the earlier steps (a payment needs the order's total). */
  readonly args: (answers: readonly Reply[]) => unknown;
}

export class Workload {
  readonly orderIds: string[] = [];
  readonly ingredientId = newId();
  private readonly steps: Step[];
  private readonly answers: Reply[] = [];

  constructor() {
    // Every id fixed once, so a resent step carries the same args (other args would be COMMAND_ID_REUSED).
    const [orderId, burgerLine, colaLine, paymentId] = [newId(), newId(), newId(), newId()];
    this.orderIds.push(orderId);
    const step = (name: string, args: Step['args']): Step => ({ name, commandId: newId(), args });
    const ingredientId = this.ingredientId;
    this.steps = [
      step('inventory.defineIngredient', () => ({ ingredientId, name: 'Beef patty', unit: 'each', lowThreshold: 2 })),
      step('inventory.setRecipe', () => ({ targetKind: 'item', targetId: DEMO.burger, components: [{ ingredientId, quantity: 1 }] })),
      step('inventory.receive', () => ({ lines: [{ ingredientId, quantity: 20 }], note: 'Monday delivery' })),
      step('order.create', () => ({
        orderId, channel: 'counter', diningOption: 'eat_in', lines: [
          { lineId: burgerLine, itemId: DEMO.burger, quantity: 2, modifierOptionIds: [DEMO.rare] },
          { lineId: colaLine, itemId: DEMO.cola, quantity: 1, modifierOptionIds: [DEMO.small] },
        ],
      })),
      step('payment.capture', (answers) => {
        const total = (answers[3]?.json as { result: { order: Order } } | undefined)?.result.order.totals.total;
        if (total === undefined) throw new Error('no order total to pay');
        return { orderId, paymentId: paymentId, tender: 'cash', amount: total, tendered: total };
      }),
      step('item.set86', () => ({ itemId: DEMO.lemonade, unavailable: true })),
      step('inventory.waste', () => ({ ingredientId, quantity: 1, reason: 'Dropped on the floor' })),
    ];
  }

  /** Steps answered by the hub so far, by commandId. */
  acknowledged(): string[] {
    return this.steps.slice(0, this.answers.length).map((s) => s.commandId);
  }

  get done(): boolean {
    return this.answers.length === this.steps.length;
  }

  /** The answer to each acknowledged step (`replayed` says whether a resend found it committed). */
  replies(): readonly Reply[] {
    return this.answers;
  }

  /**
   * Sends the remaining steps in order; stops at the first one the hub did not answer (it
   * died). Returns how many were answered in this call. A 4xx or 5xx is a failure of the test.
   */
  async drive(hubUrl: string, pos: Pos): Promise<number> {
    let answered = 0;
    while (!this.done) {
      const step = this.steps[this.answers.length];
      if (!step) break;
      const reply = await sendCommand(hubUrl, pos, step.name, step.commandId, step.args(this.answers));
      if (reply === null) return answered;
      if (reply.status !== 200) throw new Error(`${step.name} answered ${reply.status}: ${JSON.stringify(reply.json)}`);
      this.answers.push(reply);
      answered += 1;
    }
    return answered;
  }
}
