// The HTTP side of live change streams: which event to resume after, and the response headers of
// a server-sent event stream.

import { parseQuery } from "./query";
import { eventStreamQuerySchema } from "../validation/schemas";

/** Last-Event-ID (sent by a reconnecting EventSource), else ?since=. */
export function resumeAfter(request: Request): string | null {
  const { since } = parseQuery(eventStreamQuerySchema, request);
  return request.headers.get("last-event-id")?.trim() || since || null;
}

export function eventStreamResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      // Tells nginx-like proxies not to buffer the stream.
      "X-Accel-Buffering": "no",
    },
  });
}
