// Wraps a route handler so every failure leaves as the API's JSON error body: ApiErrors with their
// status, anything unexpected as a logged 500 that reveals nothing internal.

import { ApiError } from "./api-error";

export interface RouteContext<P> {
  params: Promise<P>;
}

type Handler<P> = (request: Request, params: P) => Promise<Response>;

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(error.toBody(), { status: error.status });
  }
  console.error("[sourcemark] unhandled error in API route:", error);
  const internal = new ApiError("internal_error", "Something went wrong on the server; nothing was changed.");
  return Response.json(internal.toBody(), { status: 500 });
}

/** Adapts `handler` to Next's route signature and maps thrown errors to responses. */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const params = context?.params ? await context.params : ({} as P);
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
