/**
 * Who is calling: the paired screen from `Authorization: Bearer <deviceToken>` and the staff
 * member from `X-Staff-Session`. Routes declare which screen roles may call them; the store
 * still checks the rules of each command (manager approval, kiosk limits) itself.
 */
import type { FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { BrigadeError, type DeviceRole } from '@brigade/sync/model';
import type { Actor, Device, EdgeStore } from '../store/types';

export const STAFF_SESSION_HEADER = 'x-staff-session';

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

function staffSessionToken(request: FastifyRequest): string | null {
  const header = request.headers[STAFF_SESSION_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The paired device behind the request's token; DEVICE_NOT_PAIRED when there is none. */
export function requestDevice(store: EdgeStore, request: FastifyRequest): Device {
  if (request.device) return request.device;
  const token = bearerToken(request);
  if (token === null) throw new BrigadeError('DEVICE_NOT_PAIRED');
  const device = store.auth.authenticateDevice(token);
  request.device = device;
  return device;
}

export function requestActor(store: EdgeStore, request: FastifyRequest): Actor {
  const device = requestDevice(store, request);
  const sessionToken = staffSessionToken(request);
  const staff = sessionToken === null ? null : store.auth.authenticateSession(sessionToken, device.id);
  return {
    deviceId: device.id,
    deviceRole: device.role,
    stationId: device.stationId,
    staff: staff === null ? null : { id: staff.id, name: staff.name, role: staff.role },
  };
}

export function requireStaffSession(store: EdgeStore, request: FastifyRequest): NonNullable<Actor['staff']> {
  const actor = requestActor(store, request);
  if (actor.staff === null) throw new BrigadeError('STAFF_SIGN_IN_REQUIRED');
  return actor.staff;
}

/** A preHandler that lets only paired screens of these roles through. */
export function requireDevice(store: EdgeStore, roles?: readonly DeviceRole[]): preHandlerHookHandler {
  return (request: FastifyRequest, _reply: FastifyReply, done) => {
    try {
      const device = requestDevice(store, request);
      if (roles && !roles.includes(device.role)) throw new BrigadeError('WRONG_DEVICE_ROLE', undefined, { role: device.role });
      done();
    } catch (error) {
      done(error as Error);
    }
  };
}

/** Reads that only a manager may see (audit, devices). */
export function requireManagerSession(store: EdgeStore, request: FastifyRequest): void {
  const staff = requireStaffSession(store, request);
  if (staff.role !== 'manager' && staff.role !== 'owner') throw new BrigadeError('MANAGER_APPROVAL_REQUIRED');
}

declare module 'fastify' {
  interface FastifyRequest {
    device?: Device;
  }
}
