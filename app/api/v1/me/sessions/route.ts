// GET /api/v1/me/sessions: the caller's signed-in browsers. DELETE ends all of them but this one.

import { endOtherSessions, listSessions } from "@/lib/auth/account";
import { SESSION_COOKIE, readCookie, requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";

export const GET = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json({ sessions: await listSessions(actor, readCookie(request.headers.get("cookie"), SESSION_COOKIE)) });
});

export const DELETE = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json({ ended: await endOtherSessions(actor.id, readCookie(request.headers.get("cookie"), SESSION_COOKIE)) });
});
