// POST /api/v1/auth/sign-in {email, password}: starts a web session (httpOnly cookie).

import { requireOwnForm } from "@/lib/auth/authenticate";
import { createSession, sessionCookie } from "@/lib/auth/sessions";
import { limitSignIn } from "@/lib/auth/rate-limits";
import { clientAddress, isHttps } from "@/lib/http/public-origin";
import { unauthorized } from "@/lib/errors/domain-error";
import { apiRoute, json } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-body";
import { verifyCredentials } from "@/lib/users/sign-in";
import { parseInput } from "@/lib/validation/parse-input";
import { signInSchema } from "@/lib/validation/schemas";

export const POST = apiRoute(async (request) => {
  requireOwnForm(request);
  const { email, password } = parseInput(signInSchema, await readJson(request));
  const user = await limitSignIn(email, clientAddress(request), () => verifyCredentials(email, password));
  if (!user) throw unauthorized("Email or password is wrong.");
  const session = await createSession(user.id, request.headers.get("user-agent"));
  return json({ id: user.id }, 200, {
    "Set-Cookie": sessionCookie(session.secret, session.expiresAt, isHttps(request)),
  });
});
