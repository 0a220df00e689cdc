// Browser-side helpers for calling the v1 API and reading its error bodies.

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.error.message ?? `Request failed (${status})`);
  }
}

export async function apiErrorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as ApiErrorBody;
    return body.error.message;
  } catch {
    return `Request failed (${response.status}).`;
  }
}

/** fetch() for the JSON API: parses the body, throws ApiRequestError with the error body on failure. */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    headers: { ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (!response.ok) {
    let body: ApiErrorBody | null = null;
    try {
      body = (await response.json()) as ApiErrorBody;
    } catch {
      body = null;
    }
    throw new ApiRequestError(response.status, body);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Every item of a paginated list route ({items, nextCursor}), a page of 1,000 at a time. */
export async function apiAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(path, "http://x");
    url.searchParams.set("limit", "1000");
    if (cursor) url.searchParams.set("cursor", cursor);
    const page: { items: T[]; nextCursor: string | null } = await api(`${url.pathname}${url.search}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * What to tell the user when `api()` failed: the API's message, then what is wrong with each field it
 * names (`fieldLabels` maps API field names to the form's labels), or that the server was unreachable.
 */
export function errorMessage(error: unknown, fieldLabels: Readonly<Record<string, string>> = {}): string {
  if (!(error instanceof ApiRequestError)) return "The server could not be reached; nothing was saved.";
  const details = error.body?.error.details;
  const fields = details !== null && typeof details === "object" && "fields" in details ? (details as { fields: unknown }).fields : null;
  if (fields === null || typeof fields !== "object") return error.message;
  const problems = Object.entries(fields as Record<string, unknown>).map(
    ([field, problem]) => `${fieldLabels[field] ?? field}: ${String(problem)}`,
  );
  return problems.length > 0 ? `${error.message} ${problems.join("; ")}.` : error.message;
}
