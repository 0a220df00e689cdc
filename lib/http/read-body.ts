// Reads request bodies with a size limit, so an oversized body is refused (413) before it is
// buffered whole, and malformed JSON is a 400 rather than an exception.

import type { z } from "zod";
import { badRequest, payloadTooLarge, validationFailed } from "../errors/domain-error";
import { findUnstorableText } from "../text/normalize";
import { parseInput, type InputReader } from "../validation/parse-input";

/** Default limit for JSON bodies. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Documents carry whole articles: a 5 MB text can double in size when JSON-escaped. */
export const DOCUMENT_BODY_LIMIT = 32 * 1024 * 1024;

/** Reads the raw body as UTF-8 text, refusing more than `limit` bytes. */
export async function readText(request: Request, limit: number = DEFAULT_BODY_LIMIT): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw payloadTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw badRequest("Request body is not valid UTF-8.");
  }
}

/**
 * Reads and parses a JSON body; malformed JSON is a 400 `bad_request`, and a string that cannot be
 * stored (a NUL, a lone surrogate) anywhere in it a 422 naming its field.
 */
export async function readJson(request: Request, limit: number = DEFAULT_BODY_LIMIT): Promise<unknown> {
  return parseJsonText(await readText(request, limit));
}

function parseJsonText(text: string): unknown {
  if (text.trim() === "") throw badRequest("Request body must be JSON; it was empty.");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`);
  }
  const unstorable = findUnstorableText(value);
  if (unstorable)
    throw validationFailed(`Invalid input: ${unstorable.path} ${unstorable.problem}.`, { [unstorable.path]: unstorable.problem });
  return value;
}

/** The request's JSON body checked against `schema`, read only when the service asks (see InputReader). */
export function jsonInput<S extends z.ZodType>(request: Request, schema: S, limit: number = DEFAULT_BODY_LIMIT): InputReader<z.infer<S>> {
  return async () => parseInput(schema, await readJson(request, limit));
}

/** Like jsonInput, for a body that may be left out: an empty body reads as `{}`. */
export function optionalJsonInput<S extends z.ZodType>(
  request: Request,
  schema: S,
  limit: number = DEFAULT_BODY_LIMIT,
): InputReader<z.infer<S>> {
  return async () => {
    const text = await readText(request, limit);
    if (text.trim() === "") return parseInput(schema, {});
    return parseInput(schema, parseJsonText(text));
  };
}
