// GET /api/v1/documents/{documentId}/events: the document's changes (and its project's speakers)
// as server-sent events, with presence; resumes after Last-Event-ID or ?since=.

import { requireActor } from "@/lib/auth/authenticate";
import { openChangeStream } from "@/lib/changes/live-streams";
import { apiRoute } from "@/lib/http/api-route";
import { eventStreamResponse, resumeAfter } from "@/lib/http/event-stream";

export const GET = apiRoute<{ documentId: string }>(async (request, { documentId }) => {
  const actor = await requireActor(request);
  return eventStreamResponse(await openChangeStream({ actor, documentId, lastEventId: resumeAfter(request) }));
});
