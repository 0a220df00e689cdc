// PATCH /api/v1/projects/{projectId}/members/{userId} {role}; DELETE removes the member (owner only).

import { projectAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json, noContent } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-body";
import { changeMember } from "@/lib/projects/projects";
import { parseInput } from "@/lib/validation/parse-input";
import { updateMemberSchema } from "@/lib/validation/schemas";

type Params = { projectId: string; userId: string };

export const PATCH = apiRoute<Params>(async (request, { projectId, userId }) => {
  const actor = await requireActor(request);
  await projectAccess(actor, projectId, "member.manage");
  const { role } = parseInput(updateMemberSchema, await readJson(request));
  return json(await changeMember(projectId, userId, role));
});

export const DELETE = apiRoute<Params>(async (request, { projectId, userId }) => {
  const actor = await requireActor(request);
  await projectAccess(actor, projectId, "member.manage");
  await changeMember(projectId, userId, null);
  return noContent();
});
