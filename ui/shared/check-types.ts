/**
 * The check and floor shapes the hub's table-service routes and commands answer with
 * (edge/src/store/commands/check-rows.ts and check-reads.ts), as the screens read them.
 */
import type { KitchenTicket } from '@brigade/sync/model';

import type { CheckLineInfo, CheckView, OpenCheckSummary } from '@brigade/sync/model';

export type { CheckLineInfo, CheckView, OpenCheckSummary };

export interface FloorTable {
  readonly id: string;
  readonly sectionId: string;
  readonly label: string;
  readonly seats: number;
  readonly x: number;
  readonly y: number;
  readonly shape: 'square' | 'round';
}


export interface FloorView {
  readonly sections: readonly { id: string; name: string; sortOrder: number }[];
  readonly tables: readonly FloorTable[];
  readonly checks: readonly OpenCheckSummary[];
}

export type CheckResult = { check: CheckView };

export interface CheckCommandResults {
  'check.open': CheckResult;
  'check.addLines': CheckResult;
  'check.setQuantity': CheckResult;
  'check.moveLines': CheckResult;
  'check.discountLine': CheckResult;
  'check.compLine': CheckResult;
  'check.setDiscounts': CheckResult;
  'check.applyPromo': CheckResult;
  'check.update': CheckResult;
  'check.split': CheckResult & { childOrderIds: string[] };
  'check.merge': CheckResult;
  'course.fire': CheckResult & { tickets: KitchenTicket[] };
  'floor.saveSection': { floor: unknown };
  'floor.saveTable': { floor: unknown };
  'promo.save': { code: string };
  'checkSettings.save': { saved: true };
}
