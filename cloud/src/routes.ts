/** The cloud's route modules beyond sync, registered in this order. */
import type { FastifyInstance } from 'fastify';
import type { CloudContext } from './context';
import { registerAuthRoutes } from './auth/auth-routes';
import { registerLedgerRoutes } from './ledger/ledger-routes';
import { registerMenuRoutes } from './menu/menu-routes';
import { registerPermissionRoutes } from './permissions/permission-routes';
import { registerRefundRoutes } from './online/online-refunds';
import { registerPublicRoutes } from './online/public-routes';
import { registerTableRoutes } from './online/table-routes';
import { registerWebhookRoutes } from './online/webhook-routes';
import { registerReportRoutes } from './reports/report-routes';
import { registerShapeRoutes } from './shapes/shape-routes';
import { registerStaffCashRoutes } from './staff/staff-cash-routes';
import { registerStoreRoutes } from './stores/store-routes';

export type RouteModule = (app: FastifyInstance, ctx: CloudContext) => void | Promise<void>;

export const cloudRouteModules: readonly RouteModule[] = [
  (app, ctx) => {
    registerShapeRoutes(app, ctx);
  },
  registerAuthRoutes,
  registerStoreRoutes,
  registerMenuRoutes,
  registerReportRoutes,
  registerStaffCashRoutes,
  registerLedgerRoutes,
  registerPermissionRoutes,
  registerPublicRoutes,
  registerTableRoutes,
  registerWebhookRoutes,
  registerRefundRoutes,
];
