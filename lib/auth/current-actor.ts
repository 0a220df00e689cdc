// The signed-in user for server components and pages (reads the session cookie through Next's
// cookies()). API routes use authenticate.ts, which also accepts API tokens.

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE, actorFromSession, type Actor } from "./authenticate";

export async function currentActor(): Promise<Actor | null> {
  const secret = (await cookies()).get(SESSION_COOKIE)?.value;
  return secret ? actorFromSession(secret) : null;
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/");
  return actor;
}
