// Typed errors of the domain. lib/ throws these and knows nothing of HTTP; lib/http/api-route.ts
// maps each code to a status in one table. The codes are the API's public error codes (API.md):
// {"error": {"code", "message", "details"?}}.

export type DomainErrorCode =
  /** The input could not be read at all (malformed JSON, a malformed query parameter). */
  | "bad_request"
  /** No or bad credentials. */
  | "unauthorized"
  /** The caller's role does not allow the action. */
  | "forbidden"
  /** No such thing, or the caller may not know it exists. */
  | "not_found"
  /** The state changed under the caller (stale version, duplicate name, not deleted). */
  | "conflict"
  | "method_not_allowed"
  | "payload_too_large"
  /** Well-formed input that breaks a rule; details.fields names each offending field. */
  | "validation_failed"
  /** Too many at once; details.retryAfterSeconds says when to try again. */
  | "too_many_requests"
  | "internal_error"
  /** The database is down or restarting; details.retryAfterSeconds says when to try again. */
  | "service_unavailable";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: unknown;

  constructor(code: DomainErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }

  toBody(): { error: { code: DomainErrorCode; message: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const badRequest = (message: string, details?: unknown) => new DomainError("bad_request", message, details);
export const unauthorized = (message = "Sign in or send a valid API token.") => new DomainError("unauthorized", message);
export const forbidden = (message = "Your role in this project does not allow this.") => new DomainError("forbidden", message);
export const notFound = (what = "Resource") => new DomainError("not_found", `${what} not found.`);
export const conflict = (message: string, details?: unknown) => new DomainError("conflict", message, details);
export const payloadTooLarge = (limitBytes: number) =>
  new DomainError("payload_too_large", `Request body is larger than the limit of ${limitBytes} bytes.`, { limitBytes });

/** A well-formed request that breaks a rule; `fields` maps each offending field to what is wrong. */
export const validationFailed = (message: string, fields: Record<string, string>) =>
  new DomainError("validation_failed", message, { fields });

export const methodNotAllowed = (method: string, allow: string) =>
  new DomainError("method_not_allowed", `${method} is not allowed here; use ${allow}.`, { allow });

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new DomainError("too_many_requests", message, { retryAfterSeconds });

export const serviceUnavailable = () =>
  new DomainError("service_unavailable", "The database is unavailable right now; nothing was changed. Try again in a few seconds.", {
    retryAfterSeconds: 5,
  });

export function isNotFound(error: unknown): boolean {
  return error instanceof DomainError && error.code === "not_found";
}
