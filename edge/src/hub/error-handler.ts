/**
 * One error shape for every refusal: `{ error: { code, message, details } }` with a stable
 * code from the shared catalog. A 5xx is a bug; its details stay in the log.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BrigadeError, type ErrorBody, type ErrorCode, errorCatalog } from '@brigade/sync/model';

type Details = Record<string, string | number | boolean | null>;

export function errorBody(code: ErrorCode, message?: string, details?: Details): ErrorBody {
  return { error: { code, message: message ?? errorCatalog[code].message, ...(details ? { details } : {}) } };
}

/** Fastify's own request errors that mean "could not read what you sent". */
const unreadableRequest = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
  'FST_ERR_BAD_URL',
]);

interface ValidationIssue {
  readonly instancePath?: string;
  readonly message?: string;
}

function firstValidationIssue(error: FastifyError): Details {
  const issue = (error.validation as ValidationIssue[] | undefined)?.[0];
  return {
    part: error.validationContext ?? null,
    path: issue?.instancePath || '/',
    problem: issue?.message ?? null,
  };
}

/** Maps any thrown error to a status and the one body shape. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; isBug: boolean } {
  if (error instanceof BrigadeError) {
    // Even a coded 5xx says only INTERNAL: its message and details may describe our insides.
    if (error.status >= 500) return { status: 500, body: errorBody('INTERNAL'), isBug: true };
    return { status: error.status, body: errorBody(error.code, error.message, error.details), isBug: false };
  }
  const fastifyError = error as Partial<FastifyError> | null;
  if (fastifyError && typeof fastifyError === 'object') {
    if (fastifyError.validation) {
      return { status: 400, body: errorBody('VALIDATION_FAILED', undefined, firstValidationIssue(fastifyError as FastifyError)), isBug: false };
    }
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: errorBody('BODY_TOO_LARGE'), isBug: false };
    if (fastifyError.code !== undefined && unreadableRequest.has(fastifyError.code)) {
      // Wrong content type is refused as unreadable too: the catalog has one code for it.
      const hint = fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send the body as JSON (Content-Type: application/json).' : undefined;
      return { status: 400, body: errorBody('BAD_REQUEST', hint), isBug: false };
    }
    const status = fastifyError.statusCode;
    if (status === 429) return { status: 429, body: errorBody('RATE_LIMITED'), isBug: false };
    if (status === 404) return { status: 404, body: errorBody('NOT_FOUND'), isBug: false };
    if (typeof status === 'number' && status >= 400 && status < 500) return { status, body: errorBody('BAD_REQUEST'), isBug: false };
  }
  return { status: 500, body: errorBody('INTERNAL'), isBug: true };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, isBug } = toErrorResponse(error);
    if (isBug) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request refused');
    return reply.status(status).send(body);
  });
  // An attacker could probe for valid URLs through distinct 404 bodies: every miss looks alike.
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('NOT_FOUND')));
}
