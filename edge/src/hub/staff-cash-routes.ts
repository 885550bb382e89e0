/**
 * Reads of the staff and cash screens. Changes go through the commands (permissions.set,
 * timeclock.*, drawer.*, report.*); these routes only show. Whoever lacks `reports.view`
 * sees their drawer without the expected amount: the close is counted blind.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { BrigadeError, PERMISSIONS, PERMISSION_LABELS, type Permission, STAFF_ROLES } from '@brigade/sync/model';
import type { EdgeStore } from '../store/types';
import { ErrorReply } from './command-routes';
import { requestDevice, requireDevice, requireStaffSession } from './request-actor';

const errors = { '4xx': ErrorReply };
const security = [{ device: [], staff: [] }];

function requirePermission(store: EdgeStore, request: FastifyRequest, permission: Permission): void {
  const staff = requireStaffSession(store, request);
  if (!store.staffCash.roleHas(staff.role, permission)) throw new BrigadeError('MANAGER_APPROVAL_REQUIRED', undefined, { permission });
}

export function registerStaffCashRoutes(app: FastifyInstance, store: EdgeStore): void {
  const pos = requireDevice(store, ['pos']);

  app.get('/api/permissions', { onRequest: pos, schema: { tags: ['staff and cash'], security, response: errors } }, (request) => {
    const staff = requireStaffSession(store, request);
    return {
      roles: STAFF_ROLES,
      permissions: PERMISSIONS.map((id) => ({ id, label: PERMISSION_LABELS[id] })),
      matrix: store.staffCash.permissions(),
      /** The owner changes the matrix in the dashboard; the POS shows it read-only. */
      managedByOwner: store.staffCash.permissionsManagedByOwner(),
      /** What the signed-in person may do, so the screen can offer approval up front. */
      mine: PERMISSIONS.filter((p) => store.staffCash.roleHas(staff.role, p)),
    };
  });

  app.get(
    '/api/timeclock/shifts',
    {
      onRequest: requireDevice(store, ['pos', 'kds']),
      schema: {
        tags: ['staff and cash'], security: [{ device: [] }],
        querystring: Type.Object({ businessDay: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })) }, { additionalProperties: false }),
        response: errors,
      },
    },
    (request) => ({ shifts: store.staffCash.shifts((request.query as { businessDay?: string }).businessDay) }),
  );

  app.get('/api/drawer/session', { onRequest: pos, schema: { tags: ['staff and cash'], security, response: errors } }, (request) => {
    const staff = requireStaffSession(store, request);
    const device = requestDevice(store, request);
    return { session: store.staffCash.drawerSession(device.id, { showExpected: store.staffCash.roleHas(staff.role, 'reports.view') }) };
  });

  app.get('/api/drawer/sessions', { onRequest: pos, schema: { tags: ['staff and cash'], security, response: errors } }, (request) => {
    requirePermission(store, request, 'reports.view');
    return { sessions: store.staffCash.drawerSessions() };
  });

  app.get('/api/reports/x', { onRequest: pos, schema: { tags: ['staff and cash'], security, response: errors } }, (request) => {
    requirePermission(store, request, 'reports.view');
    return { report: store.staffCash.xReport() };
  });

  app.get(
    '/api/reports/z',
    {
      onRequest: pos,
      schema: { tags: ['staff and cash'], security, querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }), response: errors },
    },
    (request) => {
      requirePermission(store, request, 'reports.view');
      return { reports: store.staffCash.zReports((request.query as { limit?: number }).limit) };
    },
  );

  app.get(
    '/api/reports/z/:id',
    { onRequest: pos, schema: { tags: ['staff and cash'], security, params: Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }) }), response: errors } },
    (request) => {
      requirePermission(store, request, 'reports.view');
      return { report: store.staffCash.zReport((request.params as { id: string }).id) };
    },
  );
}
