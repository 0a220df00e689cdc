// Wraps a route handler so every failure leaves as the API's JSON error body: domain errors with
// the status their code maps to (the one table below), anything unexpected as a logged 500 that
// reveals nothing internal.

import { isDatabaseUnavailable } from "../db/transaction";
import { DomainError, notFound, serviceUnavailable, type DomainErrorCode } from "../errors/domain-error";
import { textStorageProblem } from "../text/normalize";

/** The HTTP status of each domain error code: the only place lib/ errors meet HTTP. */
export const STATUS_OF: Readonly<Record<DomainErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
};

export interface RouteContext<P> {
  params: Promise<P>;
}

type Handler<P> = (request: Request, params: P) => Promise<Response>;

export function errorResponse(error: unknown): Response {
  if (!(error instanceof DomainError) && isDatabaseUnavailable(error)) {
    console.error("[sourcemark] database unavailable:", error instanceof Error ? error.message : error);
    return errorResponse(serviceUnavailable());
  }
  if (error instanceof DomainError) {
    const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    const headers = retryAfter === undefined ? undefined : { "Retry-After": String(retryAfter) };
    return Response.json(error.toBody(), { status: STATUS_OF[error.code], headers });
  }
  console.error("[sourcemark] unhandled error in API route:", error);
  const internal = new DomainError("internal_error", "Something went wrong on the server; nothing was changed.");
  return Response.json(internal.toBody(), { status: 500 });
}

/**
 * Adapts `handler` to Next's route signature and maps thrown errors to responses. A path id that
 * no stored id can be (a NUL, a lone surrogate) is a 404 before the handler runs.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const params = context?.params ? await context.params : ({} as P);
      for (const value of Object.values(params as Record<string, unknown>)) {
        if (typeof value === "string" && textStorageProblem(value)) throw notFound();
      }
      return await handler(request, params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
