// POST /api/v1/auth/sign-up {email, password, name?}: creates an account and signs it in.

import { requireOwnForm } from "@/lib/auth/authenticate";
import { createSession, sessionCookie } from "@/lib/auth/sessions";
import { limitSignUp } from "@/lib/auth/rate-limits";
import { clientAddress, isHttps } from "@/lib/http/public-origin";
import { apiRoute, json } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-body";
import { createUser } from "@/lib/users/create-user";
import { parseInput } from "@/lib/validation/parse-input";
import { signUpSchema } from "@/lib/validation/schemas";

export const POST = apiRoute(async (request) => {
  requireOwnForm(request);
  const input = parseInput(signUpSchema, await readJson(request));
  await limitSignUp(clientAddress(request));
  const user = await createUser(input);
  const session = await createSession(user.id, request.headers.get("user-agent"));
  return json({ id: user.id, email: user.email, name: user.name }, 201, {
    "Set-Cookie": sessionCookie(session.secret, session.expiresAt, isHttps(request)),
  });
});
