// Builds the API's OpenAPI 3.1 document from the route descriptions (routes.ts) and the zod
// schemas they name (components.ts), with zod's own JSON Schema conversion. Served at
// GET /api/v1/openapi.json; built once per process.

import { z } from "zod";
import { SESSION_COOKIE } from "../auth/authenticate";
import type { DomainErrorCode } from "../errors/domain-error";
import { STATUS_OF } from "../http/api-route";
import { fieldNotes, requestBodies, responseBodies, type ComponentMeta } from "./components";
import { ERROR_CODES, ERROR_INFO } from "./errors";
import { apiOverview } from "./overview";
import { OPERATIONS, PATH_PARAMS, TAGS, type OperationSpec, type RequestBodySpec, type ResponseSpec } from "./routes";

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiMediaType {
  schema?: JsonSchema;
  example?: unknown;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; description?: string; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse | { $ref: string }>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, OpenApiResponse>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

const SCHEMAS = "#/components/schemas/";
const ERROR_RESPONSES = "#/components/responses/";

type OverrideContext = { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema };

/** Adds fieldNotes (a description in the schema itself wins) and drops zod's safe-integer bounds, which say nothing. */
function annotate({ zodSchema, jsonSchema }: OverrideContext): void {
  const note = fieldNotes.get(zodSchema);
  if (note?.description && jsonSchema.description === undefined) jsonSchema.description = note.description;
  if (note?.format) jsonSchema.format = note.format;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

/**
 * Response objects stay open: zod writes additionalProperties: false for a plain z.object on its
 * output side, but a response may gain fields (the API is extended, not changed), and a client that
 * refused unknown fields would break. Request bodies keep it: unknown fields are refused (422).
 */
function openResponseObjects(context: OverrideContext): void {
  annotate(context);
  const def = context.zodSchema._zod.def;
  if (def.type === "object" && def.catchall === undefined) delete context.jsonSchema.additionalProperties;
}

/** components.schemas from a registry, without the per-schema $schema and $id zod adds. */
function componentSchemas(
  registry: z.core.$ZodRegistry<ComponentMeta>,
  io: "input" | "output",
  override: (context: OverrideContext) => void,
): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `${SCHEMAS}${id}`, override });
  const result: Record<string, JsonSchema> = {};
  for (const [id, converted] of Object.entries(schemas)) {
    if (id === "__shared") throw new Error("A schema needs shared $defs (a cycle?); give the shared part an id in components.ts.");
    const { $schema: _schema, $id: _id, ...schema } = converted as JsonSchema;
    const registered = registry._idmap.get(id);
    const description = registered && registry.get(registered)?.description;
    result[id] = description && schema.description === undefined ? { description, ...schema } : schema;
  }
  return result;
}

/** The $ref to `schema` in `registry`, which must name it. */
function refTo(registry: z.core.$ZodRegistry<ComponentMeta>, schema: z.ZodType, where: string): JsonSchema {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error(`${where}: its schema is not registered in lib/api-reference/components.ts.`);
  return { $ref: `${SCHEMAS}${id}` };
}

/** The errors an operation can answer: its own and those that follow from its kind (routes.ts, header). */
function errorCodesOf(operation: OperationSpec): DomainErrorCode[] {
  const codes = new Set<DomainErrorCode>(operation.errors ?? []);
  if (operation.auth === "required") {
    codes.add("unauthorized");
    if (operation.method !== "GET") codes.add("forbidden");
  }
  if (/\{\w+\}/.test(operation.path)) codes.add("not_found");
  if (operation.body) for (const code of ["bad_request", "payload_too_large", "validation_failed"] as const) codes.add(code);
  if (operation.query) codes.add("bad_request");
  codes.add("internal_error");
  return ERROR_CODES.filter((code) => codes.has(code));
}

function parametersOf(operation: OperationSpec, where: string): OpenApiParameter[] {
  const parameters: OpenApiParameter[] = [];
  for (const [, name] of operation.path.matchAll(/\{(\w+)\}/g)) {
    const description = PATH_PARAMS[name as string];
    if (!description) throw new Error(`${where}: path parameter ${name} is not described in PATH_PARAMS.`);
    parameters.push({ name: name as string, in: "path", required: true, description, schema: { type: "string" } });
  }
  if (operation.query) {
    const { schema, about = {} } = operation.query;
    const converted = z.toJSONSchema(schema, { io: "input", override: annotate }) as JsonSchema;
    const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
    const required = (converted.required ?? []) as string[];
    for (const name of Object.keys(about)) {
      if (!(name in properties)) throw new Error(`${where}: query.about describes ${name}, which the query schema does not have.`);
    }
    for (const [name, property] of Object.entries(properties)) {
      const description = about[name] ?? (property.description as string | undefined);
      parameters.push({ name, in: "query", required: required.includes(name), ...(description ? { description } : {}), schema: property });
    }
  }
  return parameters;
}

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

function requestBodyOf(body: RequestBodySpec, where: string): NonNullable<OpenApiOperation["requestBody"]> {
  const limit = body.limitBytes === undefined ? "" : `Up to ${megabytes(body.limitBytes)}.`;
  const description = [body.description, limit].filter(Boolean).join(" ");
  const content: Record<string, OpenApiMediaType> = {};
  if (body.schema) content["application/json"] = { schema: refTo(requestBodies, body.schema, where) };
  for (const mediaType of body.mediaTypes ?? []) content[mediaType] = {};
  return { required: true, ...(description ? { description } : {}), content };
}

function responseOf(response: ResponseSpec, where: string): OpenApiResponse {
  const content: Record<string, OpenApiMediaType> = {};
  if (response.body) content["application/json"] = { schema: refTo(responseBodies, response.body, where) };
  for (const mediaType of response.mediaTypes ?? []) content[mediaType] = {};
  const headers = Object.entries(response.headers ?? {}).map(([name, description]) => [name, { description, schema: { type: "string" } }]);
  return {
    description: response.description,
    ...(headers.length ? { headers: Object.fromEntries(headers) } : {}),
    ...(Object.keys(content).length ? { content } : {}),
  };
}

function operationOf(operation: OperationSpec): OpenApiOperation {
  const where = `${operation.method} ${operation.path}`;
  const responses: OpenApiOperation["responses"] = {};
  for (const [status, response] of Object.entries(operation.responses)) responses[status] = responseOf(response, where);
  for (const code of errorCodesOf(operation)) responses[String(STATUS_OF[code])] = { $ref: `${ERROR_RESPONSES}${ERROR_INFO[code].name}` };
  const parameters = parametersOf(operation, where);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body ? { requestBody: requestBodyOf(operation.body, where) } : {}),
    responses,
    // No credentials needed: an empty requirement overrides the document's.
    ...(operation.auth === "none" ? { security: [] } : {}),
  };
}

function errorResponses(): Record<string, OpenApiResponse> {
  return Object.fromEntries(
    ERROR_CODES.map((code) => {
      const { name, when, example } = ERROR_INFO[code];
      const body = { error: { code, message: example } };
      return [name, { description: when, content: { "application/json": { schema: { $ref: `${SCHEMAS}Error` }, example: body } } }];
    }),
  );
}

export function buildApiReference(): OpenApiDocument {
  const requestSchemas = componentSchemas(requestBodies, "input", annotate);
  const responseSchemas = componentSchemas(responseBodies, "output", openResponseObjects);
  for (const id of Object.keys(requestSchemas)) {
    if (id in responseSchemas) throw new Error(`Component ${id} is both a request and a response schema; rename one.`);
  }
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of OPERATIONS) {
    const methods = (paths[operation.path] ??= {});
    methods[operation.method.toLowerCase()] = operationOf(operation);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Sourcemark API", version: "v1", description: apiOverview() },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ apiToken: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas: { ...requestSchemas, ...responseSchemas },
      responses: errorResponses(),
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token, smk_…: `npm run -s admin -- create-token --email you@example.org` prints one.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "The web app's session (sign-in, sign-up). A write authenticated by it must come from the app's own origin.",
        },
      },
    },
  };
}

let serialized: string | undefined;

/** The reference as JSON text, built on first use. */
export function apiReferenceJson(): string {
  serialized ??= JSON.stringify(buildApiReference());
  return serialized;
}
