// Typed API errors. Domain code throws these; route handlers turn them into the error body of
// API.md: {"error": {"code", "message", "details"?}} with the matching status.

export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "validation_failed"
  | "internal_error";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  internal_error: 500,
};

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
  }

  toBody(): { error: { code: ApiErrorCode; message: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError("bad_request", message, details);
export const unauthorized = (message = "Sign in or send a valid API token.") => new ApiError("unauthorized", message);
export const forbidden = (message = "Your role in this project does not allow this.") =>
  new ApiError("forbidden", message);
export const notFound = (what = "Resource") => new ApiError("not_found", `${what} not found.`);
export const conflict = (message: string, details?: unknown) => new ApiError("conflict", message, details);
export const payloadTooLarge = (limitBytes: number) =>
  new ApiError("payload_too_large", `Request body is larger than the limit of ${limitBytes} bytes.`, {
    limitBytes,
  });

/** A well-formed request that breaks a rule; `fields` maps each offending field to what is wrong. */
export const validationFailed = (message: string, fields: Record<string, string>) =>
  new ApiError("validation_failed", message, { fields });
