// POST /api/v1/me/password {currentPassword, newPassword}: changes the caller's password and ends
// every other session.

import { changePassword } from "@/lib/auth/account";
import { SESSION_COOKIE, readCookie, requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { changePasswordSchema } from "@/lib/validation/schemas";

export const POST = apiRoute(async (request) => {
  const actor = await requireActor(request);
  const current = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
  return json(await changePassword(actor, current, jsonInput(request, changePasswordSchema)));
});
