// POST /api/v1/auth/sign-out: ends the web session.

import { SESSION_COOKIE, readCookie, requireOwnForm } from "@/lib/auth/authenticate";
import { clearedSessionCookie, deleteSession } from "@/lib/auth/sessions";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(async (request) => {
  requireOwnForm(request);
  const secret = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  if (secret) await deleteSession(secret);
  return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookie() } });
});
