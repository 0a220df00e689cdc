// Membership checks for domain services: every service function that reads or changes a project's
// data checks the caller's access here, or in the statement that writes (memberAllowedSql), and
// nowhere else — route handlers never do. A caller who is not a member gets 404 as if the resource
// did not exist (API.md); a member whose role does not allow the action gets 403.

import { pool, type Queryable } from "../db/client";
import { forbidden, notFound } from "../errors/domain-error";
import type { Actor } from "./authenticate";
import { can, isRole, type Action, type Role } from "./roles";

export interface ProjectAccess {
  projectId: string;
  role: Role;
}

/** Turns a (project, role-or-null) row into access, or the 404/403 the API answers. */
export function checkedAccess(row: { project_id: string; role: string | null } | undefined, action: Action, what: string): ProjectAccess {
  if (!row || row.role === null || !isRole(row.role)) throw notFound(what);
  if (!can(row.role, action)) throw forbidden();
  return { projectId: row.project_id, role: row.role };
}

export async function projectAccess(actor: Actor, projectId: string, action: Action, q: Queryable = pool()): Promise<ProjectAccess> {
  const { rows } = await q.query<{ project_id: string; role: string | null }>(
    "SELECT project_id, role::text AS role FROM memberships WHERE project_id = $1 AND user_id = $2",
    [projectId, actor.id],
  );
  return checkedAccess(rows[0], action, "Project");
}

export async function documentAccess(actor: Actor, documentId: string, action: Action, q: Queryable = pool()): Promise<ProjectAccess> {
  const { rows } = await q.query<{ project_id: string; role: string | null }>(
    `SELECT d.project_id, m.role::text AS role
       FROM documents d
       LEFT JOIN memberships m ON m.project_id = d.project_id AND m.user_id = $2
      WHERE d.id = $1`,
    [documentId, actor.id],
  );
  return checkedAccess(rows[0], action, "Document");
}

export async function speakerAccess(actor: Actor, speakerId: string, action: Action, q: Queryable = pool()): Promise<ProjectAccess> {
  const { rows } = await q.query<{ project_id: string; role: string | null }>(
    `SELECT s.project_id, m.role::text AS role
       FROM speakers s
       LEFT JOIN memberships m ON m.project_id = s.project_id AND m.user_id = $2
      WHERE s.id = $1`,
    [speakerId, actor.id],
  );
  return checkedAccess(rows[0], action, "Speaker");
}

/**
 * SQL that is true when user `userParam` is a member of project `projectIdSql` with a role allowed
 * `action`, for statements that check access in the same round trip as they write. Bind
 * `rolesAllowed(action)` (roles.ts) to `rolesParam`. When such a statement writes nothing, call the matching
 * *Access function to learn why (404 or 403).
 */
export function memberAllowedSql(projectIdSql: string, userParam: string, rolesParam: string): string {
  return `EXISTS (SELECT 1 FROM memberships m WHERE m.project_id = ${projectIdSql} AND m.user_id = ${userParam} AND m.role = ANY(${rolesParam}::"Role"[]))`;
}
