// GET /api/v1/projects/{projectId}/members; POST {email, role} adds an existing user (owner only).

import { projectAccess } from "@/lib/auth/access";
import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-body";
import { addMember, listMembers } from "@/lib/projects/projects";
import { parseInput } from "@/lib/validation/parse-input";
import { addMemberSchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  await projectAccess(actor, projectId, "project.read");
  return json({ members: await listMembers(projectId) });
});

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  await projectAccess(actor, projectId, "member.manage");
  const { email, role } = parseInput(addMemberSchema, await readJson(request));
  return json(await addMember(projectId, email, role), 201);
});
