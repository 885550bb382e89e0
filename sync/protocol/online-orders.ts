/**
 * The owner dashboard's view of an online order (`GET /api/stores/:id/online-orders`), written
 * by the cloud and read by the dashboard.
 */

/** One row of "Online orders today"; `owner: 'edge'` means the store took it over (refund at the till). */
export interface OnlineOrderSummary {
  readonly id: string;
  readonly number: string;
  readonly customerName: string;
  readonly status: string;
  readonly paymentStatus: string;
  readonly total: number;
  readonly currency: string;
  readonly owner: 'cloud' | 'edge';
  readonly createdAt: string;
}
