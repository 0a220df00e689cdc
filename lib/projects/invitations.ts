// Joining a project takes an invitation and the invitee's consent. An owner invites an email
// address with a role — the answer is the same whether or not an account has that address, so
// nobody learns who uses Sourcemark — and the person becomes a member only by accepting it, signed
// in with that address (a new account sees it right after signing up).

import { z } from "zod";
import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { ROLES, type Role } from "../auth/roles";
import { pool } from "../db/client";
import { withTransaction } from "../db/transaction";
import { DomainError, notFound } from "../errors/domain-error";
import { isoTimestampSql } from "../annotations/annotation-view";
import type { InputReader } from "../validation/parse-input";
import type { AddMemberInput } from "../validation/schemas";
import type { MemberView } from "./projects";

const personRef = z.object({ id: z.string(), name: z.string() });

export const invitationViewSchema = z.object({
  id: z.string(),
  project: z.object({ id: z.string(), name: z.string() }),
  /** Lower-cased. */
  email: z.string(),
  role: z.enum(ROLES),
  invitedBy: personRef,
  createdAt: z.string(),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

/** The invitation view as JSON, from invitations `i`, projects `p` and inviters `u`. */
const INVITATION_VIEW_SQL = `json_build_object(
  'id', i.id, 'project', json_build_object('id', p.id, 'name', p.name), 'email', i.email, 'role', i.role,
  'invitedBy', json_build_object('id', u.id, 'name', u.name), 'createdAt', ${isoTimestampSql("i.created_at")})`;
const INVITATION_FROM = "invitations i JOIN projects p ON p.id = i.project_id JOIN users u ON u.id = i.invited_by";

export interface InviteOptions {
  actor: Actor;
  projectId: string;
  input: InputReader<AddMemberInput>;
}

/** Invites an email address (owners); inviting it again changes the role offered. */
export async function inviteMember({ actor, projectId, input }: InviteOptions): Promise<InvitationView> {
  await projectAccess(actor, projectId, "member.manage");
  const { email, role } = await input();
  const { rows } = await pool().query<{ view: InvitationView }>(
    `WITH ins AS (
       INSERT INTO invitations (project_id, email, role, invited_by) VALUES ($1, $2, $3::"Role", $4)
       ON CONFLICT (project_id, email) DO UPDATE SET role = EXCLUDED.role, invited_by = EXCLUDED.invited_by
       RETURNING *
     )
     SELECT ${INVITATION_VIEW_SQL} AS view FROM ${INVITATION_FROM.replace("invitations i", "ins i")}`,
    [projectId, email.toLowerCase(), role, actor.id],
  );
  return (rows[0] as { view: InvitationView }).view;
}

/** The project's open invitations (owners). */
export async function listInvitations(actor: Actor, projectId: string): Promise<InvitationView[]> {
  await projectAccess(actor, projectId, "member.manage");
  const { rows } = await pool().query<{ view: InvitationView }>(
    `SELECT ${INVITATION_VIEW_SQL} AS view FROM ${INVITATION_FROM} WHERE i.project_id = $1 ORDER BY i.created_at, i.id`,
    [projectId],
  );
  return rows.map((row) => row.view);
}

/** The invitations waiting for the caller (to their email address). */
export async function myInvitations(actor: Actor): Promise<InvitationView[]> {
  const { rows } = await pool().query<{ view: InvitationView }>(
    `SELECT ${INVITATION_VIEW_SQL} AS view FROM ${INVITATION_FROM} WHERE i.email = $1 ORDER BY i.created_at, i.id`,
    [actor.email.toLowerCase()],
  );
  return rows.map((row) => row.view);
}

/** Joins the project of an invitation to the caller's address, with its role. */
export async function acceptInvitation(actor: Actor, invitationId: string): Promise<MemberView> {
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ project_id: string; role: Role }>(
      "DELETE FROM invitations WHERE id = $1 AND email = $2 RETURNING project_id, role",
      [invitationId, actor.email.toLowerCase()],
    );
    const invitation = rows[0];
    if (!invitation) throw notFound("Invitation");
    // Already a member: the invitation is used up and the role stays as it is.
    const { rows: member } = await client.query<{ role: Role; created_at: Date }>(
      `INSERT INTO memberships (project_id, user_id, role) VALUES ($1, $2, $3::"Role")
       ON CONFLICT (project_id, user_id) DO UPDATE SET role = memberships.role
       RETURNING role::text AS role, created_at`,
      [invitation.project_id, actor.id, invitation.role],
    );
    const joined = member[0] as { role: Role; created_at: Date };
    return { userId: actor.id, email: actor.email, name: actor.name, role: joined.role, createdAt: joined.created_at.toISOString() };
  });
}

/** Declines (the invitee) or cancels (an owner of its project) an invitation. */
export async function deleteInvitation(actor: Actor, invitationId: string): Promise<void> {
  const { rows } = await pool().query<{ project_id: string; email: string }>("SELECT project_id, email FROM invitations WHERE id = $1", [
    invitationId,
  ]);
  const invitation = rows[0];
  if (!invitation) throw notFound("Invitation");
  if (invitation.email !== actor.email.toLowerCase()) {
    try {
      await projectAccess(actor, invitation.project_id, "member.manage");
    } catch (error) {
      // Someone else's invitation to a project one does not manage: as if it did not exist.
      if (error instanceof DomainError && error.code === "forbidden") throw notFound("Invitation");
      throw error;
    }
  }
  await pool().query("DELETE FROM invitations WHERE id = $1", [invitationId]);
}
