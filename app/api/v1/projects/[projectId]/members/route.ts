// GET /api/v1/projects/{projectId}/members; POST {email, role} invites someone (owners): 202 with the
// invitation, whether or not an account has that address; they join by accepting it.

import { requireActor } from "@/lib/auth/authenticate";
import { apiRoute, json } from "@/lib/http/api-route";
import { jsonInput } from "@/lib/http/read-body";
import { inviteMember } from "@/lib/projects/invitations";
import { listMembers } from "@/lib/projects/projects";
import { parseQuery } from "@/lib/http/query";
import { addMemberSchema, pageQuerySchema } from "@/lib/validation/schemas";

export const GET = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  const page = await listMembers(actor, projectId, parseQuery(pageQuerySchema, request));
  return json({ members: page.items, nextCursor: page.nextCursor });
});

export const POST = apiRoute<{ projectId: string }>(async (request, { projectId }) => {
  const actor = await requireActor(request);
  return json(await inviteMember({ actor, projectId, input: jsonInput(request, addMemberSchema) }), 202);
});
