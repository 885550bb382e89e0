/**
 * Request logs without credentials: the live socket carries the device token in its URL
 * (browsers cannot set headers on WebSockets) and pairing polls carry a poll token.
 */
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMS = /([?&](?:token|pollToken)=)[^&#]*/g;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Fastify's request log fields, with secrets in the query string replaced. */
export function redactedRequest(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
}
