// Runs a zod schema over request input and turns its issues into a 422 whose details name every
// offending field, so a client learns all that is wrong in one round trip.

import type { z } from "zod";
import { validationFailed } from "../http/api-error";

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
