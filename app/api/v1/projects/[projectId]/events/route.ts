// GET /api/v1/projects/{projectId}/events: every change of the project as server-sent events;
// resumes after Last-Event-ID or ?since=.

import { requireActor } from "@/lib/auth/authenticate";
import { openChangeStream } from "@/lib/changes/live-streams";
import { apiRoute } from "@/lib/http/api-route";
import { eventStreamResponse, resumeAfter } from "@/lib/http/event-stream";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return eventStreamResponse(await openChangeStream({ actor, projectId, lastEventId: resumeAfter(request) }));
});
