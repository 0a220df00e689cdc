// Node http <-> Fetch API: turns an IncomingMessage into a Request and writes a Response back,
// streaming both ways with backpressure, and cancelling the response body if the client leaves
// (so an abandoned export releases its database connection at once).

import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { notFound } from "../errors/domain-error";
import { errorResponse } from "./api-route";
import { isHttps, REMOTE_ADDRESS_HEADER } from "./public-origin";
import { apiSecurityHeaders } from "./security-headers";
import { dispatch, HTTP_METHODS, matchRoute, methodNotAllowedResponse, type RouteEntry } from "./route-table";

/** Bodies up to this size (by Content-Length) are read whole before the Request is built. */
const SMALL_BODY = 64 * 1024;

/** The client went away before its request was read: nothing to answer, nothing to log. */
export class ClientGone extends Error {}

function readSmallBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", () => reject(new ClientGone("request aborted")));
    req.once("close", () => {
      if (!req.complete) reject(new ClientGone("request aborted"));
    });
  });
}

/**
 * The Fetch API Request for a Node request. Small bodies (the common JSON call) are buffered,
 * which is much cheaper than a web stream; large or unsized bodies stream.
 */
function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

export async function toWebRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = headersOf(req);
  // Who is on the other end of the connection: only the server may say (rate limits read it).
  headers.set(REMOTE_ADDRESS_HEADER, req.socket.remoteAddress ?? "unknown");
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", origin);
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers });
  const length = Number(req.headers["content-length"] ?? NaN);
  if (length <= SMALL_BODY) return new Request(url, { method, headers, body: new Uint8Array(await readSmallBody(req)) });
  return new Request(url, {
    method,
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    // Required by undici for a streamed request body.
    duplex: "half",
  } as RequestInit);
}

/** Resolves with null once the promise callbacks already due, and the event loop's I/O, have run. */
function afterPendingWork(): Promise<null> {
  return new Promise((resolve) => setImmediate(() => resolve(null)));
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      res.off("drain", go);
      res.off("close", go);
      resolve();
    };
    res.once("drain", go);
    res.once("close", go);
  });
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const onClose = () => {
    if (!res.writableFinished) reader.cancel(new Error("client disconnected")).catch(() => undefined);
  };
  res.once("close", onClose);
  if (res.destroyed) {
    // The client left while the answer was being prepared: 'close' has already fired.
    onClose();
    return;
  }
  try {
    if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
      // Server-sent events: every chunk goes out as soon as it is produced.
      res.flushHeaders();
      for (let next = await reader.read(); !next.done && !res.destroyed; next = await reader.read()) {
        if (!res.write(next.value)) await drained(res);
      }
      res.end();
      return;
    }
    const first = await reader.read();
    if (first.done) {
      res.end();
      return;
    }
    const following = reader.read();
    const second = await Promise.race([following, afterPendingWork()]);
    if (second?.done) {
      // A body of one chunk (every JSON answer, whose end is known at once): a single write, sized
      // instead of chunked.
      res.setHeader("content-length", first.value.byteLength);
      res.end(first.value);
      return;
    }
    // A streamed body (an export): its first piece goes out now, not once the second is ready.
    if (!res.write(first.value)) await drained(res);
    let next: ReadableStreamReadResult<Uint8Array> = second ?? (await following);
    while (!next.done && !res.destroyed) {
      if (!res.write(next.value)) await drained(res);
      next = await reader.read();
    }
    res.end();
  } catch (error) {
    // A failed stream cannot change its status any more: cut the connection so the client sees
    // an incomplete transfer rather than a truncated file that looks whole.
    res.destroy(error instanceof Error ? error : undefined);
  } finally {
    res.off("close", onClose);
  }
}

/**
 * Answers one /api request from the route table: JSON errors for paths that match no route
 * (malformed percent-encoding included), and no keep-alive when the body was left unread (a request
 * refused before its body was read must not leave bytes that the next request would trip over).
 */
export async function serveApiRequest(req: IncomingMessage, res: ServerResponse, routes: RouteEntry[], origin: string): Promise<void> {
  const pathname = (req.url ?? "/").split("?", 1)[0] as string;
  const match = matchRoute(routes, pathname);
  const method = (req.method ?? "GET").toUpperCase();
  let response: Response;
  // The request the route saw: its headers also tell whether the client came over HTTPS.
  let request: Request | null = null;
  try {
    if (!match) response = errorResponse(notFound("API route"));
    // TRACE, CONNECT and the like: no route has them, and the Fetch API cannot even represent them.
    else if (!(HTTP_METHODS as readonly string[]).includes(method)) response = methodNotAllowedResponse(match.entry, method);
    else {
      request = await toWebRequest(req, origin);
      response = await dispatch(match.entry, match.params, request);
    }
  } catch (error) {
    if (error instanceof ClientGone) {
      res.destroy();
      return;
    }
    throw error;
  }
  if (!req.complete) res.setHeader("connection", "close");
  const https = isHttps(request ?? new Request(new URL(req.url ?? "/", origin), { headers: headersOf(req) }));
  for (const [name, value] of Object.entries(apiSecurityHeaders(https))) if (!response.headers.has(name)) res.setHeader(name, value);
  await sendWebResponse(res, response);
}
