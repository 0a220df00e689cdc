// The API reference describes exactly the routes the app serves, and is a well-formed OpenAPI 3.1
// document as far as can be checked without a validator: required fields, every $ref resolving,
// unique operationIds, path parameters declared, JSON Schemas that hang together.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, loadRouteTable } from "../http/route-table";
import { STATUS_OF } from "../http/api-route";
import { buildApiReference, type JsonSchema, type OpenApiOperation } from "./openapi";

const table = await loadRouteTable(path.resolve(import.meta.dirname, "../../app"));
const doc = buildApiReference();

/** "/api/v1/projects/[projectId]" → "/api/v1/projects/{projectId}". */
const openApiPath = (pattern: string) => pattern.replace(/\[(\w+)\]/g, "{$1}");

function served(): string[] {
  const operations: string[] = [];
  for (const entry of table) {
    if (entry.segments.some((segment) => segment.kind === "catchAll")) continue; // the JSON 404 for unknown paths
    for (const method of HTTP_METHODS) if (entry.module[method]) operations.push(`${method} ${openApiPath(entry.pattern)}`);
  }
  return operations.sort();
}

function documented(): string[] {
  return Object.entries(doc.paths)
    .flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`))
    .sort();
}

const operations = Object.entries(doc.paths).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ where: `${method.toUpperCase()} ${route}`, route, operation })),
);

/** Resolves a local JSON pointer ("#/components/schemas/Annotation") in the document. */
function resolve(ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Every value under `node` with the path to it. */
function* walk(node: unknown, at = "#"): Generator<[string, unknown]> {
  yield [at, node];
  if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) yield* walk(value, `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  }
}

/** `schema` and every schema inside it, by the keywords zod writes. */
function* subschemas(schema: JsonSchema, at: string): Generator<[string, JsonSchema]> {
  yield [at, schema];
  for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    yield* subschemas(property, `${at}/properties/${name}`);
  }
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    for (const [i, member] of ((schema[keyword] ?? []) as JsonSchema[]).entries()) yield* subschemas(member, `${at}/${keyword}/${i}`);
  }
  for (const keyword of ["items", "additionalProperties", "not"]) {
    const inner = schema[keyword];
    if (typeof inner === "object" && inner !== null) yield* subschemas(inner as JsonSchema, `${at}/${keyword}`);
  }
}

/** Every JSON Schema in the document: components.schemas and those of parameters and media types. */
function* schemas(): Generator<[string, JsonSchema]> {
  for (const [name, schema] of Object.entries(doc.components.schemas)) yield* subschemas(schema, `#/components/schemas/${name}`);
  for (const [at, value] of walk(doc.paths, "#/paths")) {
    if (at.endsWith("/schema")) yield* subschemas(value as JsonSchema, at);
  }
}

describe("the API reference and the route table", () => {
  it("documents every (method, path) the app serves, and nothing else", () => {
    const routes = served();
    expect(routes.length).toBeGreaterThan(20);
    const undocumented = routes.filter((operation) => !documented().includes(operation));
    const unserved = documented().filter((operation) => !routes.includes(operation));
    expect(undocumented, "routes missing from lib/api-reference/routes.ts").toEqual([]);
    expect(unserved, "documented operations no route.ts handles").toEqual([]);
  });

  it("serves itself at /api/v1/openapi.json", () => {
    expect(documented()).toContain("GET /api/v1/openapi.json");
  });
});

describe("every operation", () => {
  it("has a unique operationId, a summary and a declared tag", () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(doc.tags.map((tag) => tag.name));
    for (const { where, operation } of operations) {
      expect(operation.operationId, where).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(operation.summary, where).toBeTruthy();
      expect(operation.tags.length, where).toBeGreaterThan(0);
      for (const tag of operation.tags) expect(tags, where).toContain(tag);
    }
  });

  it("declares each path parameter once, required, and no other", () => {
    for (const { where, route, operation } of operations) {
      const inPath = [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = (operation.parameters ?? []).filter((p) => p.in === "path");
      expect(declared.map((p) => p.name).sort(), where).toEqual(inPath);
      for (const parameter of declared) expect(parameter.required, where).toBe(true);
      const keys = (operation.parameters ?? []).map((p) => `${p.in} ${p.name}`);
      expect(new Set(keys).size, where).toBe(keys.length);
    }
  });

  it("has a success answer and answers errors with the error body, 500 included", () => {
    const errorStatuses = new Set(Object.values(STATUS_OF).map(String));
    for (const { where, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => /^2\d\d$/.test(status)),
        where,
      ).toBe(true);
      expect(statuses, where).toContain("500");
      for (const status of statuses.filter((s) => /^[45]\d\d$/.test(s))) {
        expect(errorStatuses, `${where} ${status}`).toContain(status);
        const response = operation.responses[status] as { $ref?: string };
        const target = resolve(response.$ref ?? "") as { content?: Record<string, { schema?: JsonSchema }> } | undefined;
        expect(target?.content?.["application/json"]?.schema, `${where} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
  });

  it("answers 401 when it needs credentials, and needs none only where it says so", () => {
    for (const { where, operation } of operations) {
      const open = (operation as OpenApiOperation).security?.length === 0;
      if (!open) expect(Object.keys(operation.responses), where).toContain("401");
    }
    const open = operations.filter(({ operation }) => operation.security?.length === 0).map(({ where }) => where);
    expect(open.sort()).toEqual([
      "GET /api/health",
      "GET /api/v1/openapi.json",
      "POST /api/v1/auth/sign-in",
      "POST /api/v1/auth/sign-out",
      "POST /api/v1/auth/sign-up",
    ]);
  });

  it("describes each JSON request and response body by a component schema", () => {
    for (const { where, operation } of operations) {
      const bodies = [operation.requestBody, ...Object.values(operation.responses)];
      for (const body of bodies) {
        const json = (body as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.["application/json"];
        if (json?.schema) expect(json.schema.$ref, where).toMatch(/^#\/components\/schemas\/\w+$/);
      }
    }
  });
});

describe("the document's structure (OpenAPI 3.1)", () => {
  it("has the required top-level fields", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.info.description).toContain("code points");
    for (const route of Object.keys(doc.paths)) expect(route).toMatch(/^\/api\/(v1\/|health$)/);
    for (const methods of Object.values(doc.paths)) {
      for (const method of Object.keys(methods))
        expect(["get", "put", "post", "delete", "options", "head", "patch", "trace"]).toContain(method);
    }
  });

  it("resolves every $ref inside the document", () => {
    const refs = [...walk(doc)].filter(([at, value]) => at.endsWith("/$ref") && typeof value === "string");
    expect(refs.length).toBeGreaterThan(50);
    const broken = refs.filter(([, ref]) => resolve(ref as string) === undefined).map(([at, ref]) => `${at} → ${String(ref)}`);
    expect(broken).toEqual([]);
  });

  it("names components as OpenAPI allows and uses each schema it defines", () => {
    for (const group of [doc.components.schemas, doc.components.responses, doc.components.securitySchemes]) {
      for (const name of Object.keys(group)) expect(name).toMatch(/^[a-zA-Z0-9._-]+$/);
    }
    const text = JSON.stringify(doc.paths) + JSON.stringify(doc.components.responses) + JSON.stringify(doc.components.schemas);
    for (const name of Object.keys(doc.components.schemas)) expect(text, name).toContain(`"#/components/schemas/${name}"`);
  });

  it("gives every response a description and every security requirement a scheme", () => {
    for (const { where, operation } of operations) {
      for (const response of Object.values(operation.responses)) {
        if (!("$ref" in response)) expect(response.description, where).toBeTruthy();
      }
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) expect(doc.components.securitySchemes, where).toHaveProperty(scheme);
      }
    }
    for (const response of Object.values(doc.components.responses)) expect(response.description).toBeTruthy();
    for (const requirement of doc.security) {
      for (const scheme of Object.keys(requirement)) expect(doc.components.securitySchemes).toHaveProperty(scheme);
    }
  });

  it("holds JSON Schemas that hang together: known types, required fields that exist, no $id or $schema", () => {
    const types = ["string", "number", "integer", "boolean", "object", "array", "null"];
    let count = 0;
    for (const [at, schema] of schemas()) {
      count++;
      expect(schema, at).not.toHaveProperty("$id");
      expect(schema, at).not.toHaveProperty("$schema");
      for (const type of [schema.type ?? []].flat()) expect(types, at).toContain(type);
      if (Array.isArray(schema.required)) {
        const properties = Object.keys((schema.properties ?? {}) as object);
        for (const name of schema.required as string[]) expect(properties, at).toContain(name);
      }
      if (Array.isArray(schema.enum)) expect(schema.enum.length, at).toBeGreaterThan(0);
    }
    expect(count).toBeGreaterThan(100);
  });

  it("refuses unknown fields in request bodies and leaves response objects open", () => {
    const { schemas } = doc.components;
    expect(schemas.CreateAnnotation?.additionalProperties).toBe(false);
    expect(schemas.UpdateAnnotation?.additionalProperties).toBe(false);
    expect(schemas.Annotation).not.toHaveProperty("additionalProperties");
  });

  it("describes inputs as clients send them (zod's input side)", () => {
    const { schemas } = doc.components;
    const properties = (name: string) => (schemas[name]?.properties ?? {}) as Record<string, JsonSchema>;
    // publishedAt is parsed into a Date and email lower-cased, but clients send strings.
    expect(properties("CreateDocument").publishedAt?.type).toEqual(["string", "null"]);
    expect(properties("SignUp").email).toMatchObject({ type: "string", format: "email" });
    // Offsets are explained where they are sent and where they are read.
    expect(properties("CreateAnnotation").start?.description).toMatch(/code points/i);
    expect(properties("Annotation").end?.description).toMatch(/code points/i);
  });
});
