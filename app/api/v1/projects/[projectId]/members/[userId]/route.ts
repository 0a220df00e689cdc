// PATCH /api/v1/projects/{projectId}/members/{userId} {role}; DELETE removes the member (owner only).

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { changeMember } from "@/lib/projects/projects";
import { updateMemberSchema } from "@/lib/validation/schemas";

type Params = { projectId: string; userId: string };

export const PATCH = apiRoute<Params>(async (request, { projectId, userId }) => {
  const actor = await requireActor(request);
  return json(await changeMember({ actor, projectId, userId, input: jsonInput(request, updateMemberSchema) }));
});

export const DELETE = apiRoute<Params>(async (request, { projectId, userId }) => {
  const actor = await requireActor(request);
  await changeMember({ actor, projectId, userId });
  return noContent();
});
