// Runs a zod schema over request input and turns its issues into a 422 whose details name every
// offending field, so a client learns all that is wrong in one round trip.

import type { z } from "zod";
import { validationFailed } from "../errors/domain-error";

/**
 * Input that a domain service reads when it is ready for it: after it has checked the caller's
 * access, so a caller who may not see a resource learns nothing from how its input was judged
 * (a non-member gets 404, whatever the body). Route handlers pass a reader of the request body.
 */
export type InputReader<T> = () => Promise<T>;

/** An InputReader of a value already in hand (tests, imports, the admin command). */
export function given<T>(value: T): InputReader<T> {
  return () => Promise.resolve(value);
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const prefix = issue.path.length ? `${issue.path.join(".")}.` : "";
      for (const key of issue.keys) fields[`${prefix}${key}`] = "unknown field";
      continue;
    }
    const field = issue.path.length ? issue.path.join(".") : "(body)";
    fields[field] ??= issue.message;
  }
  return fields;
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    throw validationFailed(`Invalid input: ${Object.keys(fields).join(", ")}.`, fields);
  }
  return result.data;
}
