// Query-string parsing: a malformed query parameter is a 400 `bad_request` (API.md), naming it.

import type { z } from "zod";
import { badRequest } from "../errors/domain-error";
import { textStorageProblem } from "../text/normalize";
import { fieldErrors } from "../validation/parse-input";

export function parseQuery<S extends z.ZodType>(schema: S, request: Request, ignore: string[] = []): z.infer<S> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (ignore.includes(key)) continue;
    const problem = textStorageProblem(value);
    if (problem) throw badRequest(`Malformed query parameter: ${key}.`, { fields: { [key]: problem.replace(/^text /, "") } });
    params[key] = value;
  }
  const result = schema.safeParse(params);
  if (!result.success) {
    const fields = fieldErrors(result.error);
    throw badRequest(`Malformed query parameter: ${Object.keys(fields).join(", ")}.`, { fields });
  }
  return result.data;
}
