// GET /api/v1/me/tokens: the caller's API tokens (never their secrets). POST {label?, expiresInDays?}
// creates one and shows its secret once.

import { createToken, listTokens } from "@/lib/auth/account";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { createTokenSchema } from "@/lib/validation/schemas";

export const GET = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json({ tokens: await listTokens(actor) });
});

export const POST = apiRoute(async (request) => {
  const actor = await requireActor(request);
  return json(await createToken(actor, jsonInput(request, createTokenSchema)), 201);
});
