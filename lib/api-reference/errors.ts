// The API's error answers for the reference: the body every error has, and what each code means.
// Codes and statuses come from lib/errors/domain-error.ts and STATUS_OF (lib/http/api-route.ts).

import { z } from "zod";
import type { DomainError, DomainErrorCode } from "../errors/domain-error";
import { STATUS_OF } from "../http/api-route";

export const ERROR_CODES = Object.keys(STATUS_OF) as [DomainErrorCode, ...DomainErrorCode[]];

/** What DomainError.toBody() writes; the compiler checks that the two agree (below). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe("What went wrong, as a sentence for people."),
    details: z
      .unknown()
      .optional()
      .describe(
        "validation_failed, and bad_request for a query parameter: {fields: {<field>: <problem>}}; " +
          "conflict on a stale version: {currentVersion, current}; payload_too_large: {limitBytes}.",
      ),
  }),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _errorBodyIsWhatDomainErrorWrites: Same<z.infer<typeof errorBodySchema>, ReturnType<DomainError["toBody"]>> = true;

export interface ErrorInfo {
  /** The name of its response in components.responses. */
  name: string;
  /** When the API answers it. */
  when: string;
  /** An example message. */
  example: string;
}

export const ERROR_INFO = {
  bad_request: {
    name: "BadRequest",
    when: "The body is not JSON (or not UTF-8), or a query parameter is malformed (details.fields names it).",
    example: "Request body is not valid JSON: Unexpected end of JSON input",
  },
  unauthorized: {
    name: "Unauthorized",
    when: "No credentials, or an API token or session that is not valid.",
    example: "Sign in or send a valid API token.",
  },
  forbidden: {
    name: "Forbidden",
    when: "A member whose role does not allow the action, or a cookie-authenticated write from another origin.",
    example: "Your role in this project does not allow this.",
  },
  not_found: {
    name: "NotFound",
    when: "No such thing, or the caller is not a member of its project (the API never tells the two apart).",
    example: "Project not found.",
  },
  method_not_allowed: {
    name: "MethodNotAllowed",
    when: "The path exists but not with this method (TRACE included); the Allow header lists those it has.",
    example: "PUT is not allowed here; use GET, HEAD, POST, OPTIONS.",
  },
  conflict: {
    name: "Conflict",
    when: "The state changed under the caller or a name is taken: a stale version, a duplicate speaker name, an existing member or account, the last owner.",
    example: "This annotation was changed by someone else since you loaded it.",
  },
  payload_too_large: {
    name: "PayloadTooLarge",
    when: "The body is over the route's limit (details.limitBytes).",
    example: "Request body is larger than the limit of 1048576 bytes.",
  },
  validation_failed: {
    name: "ValidationFailed",
    when: "Well-formed input that breaks a rule, unknown fields included; details.fields maps each offending field to what is wrong.",
    example: "Invalid input: end.",
  },
  too_many_requests: {
    name: "TooManyRequests",
    when: "A rate limit (sign-in, sign-up, unknown tokens) or the live streams allowed per user; Retry-After says when to try again.",
    example: "Too many sign-in attempts; try again in 8 s.",
  },
  internal_error: {
    name: "InternalError",
    when: "Something unexpected failed on the server; nothing was changed.",
    example: "Something went wrong on the server; nothing was changed.",
  },
  service_unavailable: {
    name: "ServiceUnavailable",
    when: "The database is down or restarting; nothing was changed. Retry-After says when to try again.",
    example: "The database is unavailable right now; nothing was changed. Try again in a few seconds.",
  },
} as const satisfies Record<DomainErrorCode, ErrorInfo>;
