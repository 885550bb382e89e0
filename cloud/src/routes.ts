/** The cloud's route modules beyond sync, registered in this order. */
import type { FastifyInstance } from 'fastify';
import type { CloudContext } from './context';
import { registerShapeRoutes } from './shapes/shape-routes';

export type RouteModule = (app: FastifyInstance, ctx: CloudContext) => void | Promise<void>;

export const cloudRouteModules: readonly RouteModule[] = [
  (app, ctx) => {
    registerShapeRoutes(app, ctx);
  },
];
