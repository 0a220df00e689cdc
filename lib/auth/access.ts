// Membership checks, each one query: resolves the caller's role in the project that owns a
// resource. A caller who is not a member gets 404 as if the resource did not exist (API.md); a
// member whose role does not allow the action gets 403.

import { pool } from "../db/client";
import { forbidden, notFound } from "../http/api-error";
import type { Actor } from "./authenticate";
import { can, isRole, type Action, type Role } from "./roles";

export interface ProjectAccess {
  projectId: string;
  role: Role;
}

function checked(
  row: { project_id: string; role: string | null } | undefined,
  action: Action,
  what: string,
): ProjectAccess {
  if (!row || row.role === null || !isRole(row.role)) throw notFound(what);
  if (!can(row.role, action)) throw forbidden();
  return { projectId: row.project_id, role: row.role };
}

export async function projectAccess(actor: Actor, projectId: string, action: Action): Promise<ProjectAccess> {
  const { rows } = await pool().query<{ project_id: string; role: string | null }>(
    "SELECT project_id, role::text AS role FROM memberships WHERE project_id = $1 AND user_id = $2",
    [projectId, actor.id],
  );
  return checked(rows[0], action, "Project");
}

export async function documentAccess(
  actor: Actor,
  documentId: string,
  action: Action,
): Promise<ProjectAccess> {
  const { rows } = await pool().query<{ project_id: string; role: string | null }>(
    `SELECT d.project_id, m.role::text AS role
       FROM documents d
       LEFT JOIN memberships m ON m.project_id = d.project_id AND m.user_id = $2
      WHERE d.id = $1`,
    [documentId, actor.id],
  );
  return checked(rows[0], action, "Document");
}

export async function speakerAccess(actor: Actor, speakerId: string, action: Action): Promise<ProjectAccess> {
  const { rows } = await pool().query<{ project_id: string; role: string | null }>(
    `SELECT s.project_id, m.role::text AS role
       FROM speakers s
       LEFT JOIN memberships m ON m.project_id = s.project_id AND m.user_id = $2
      WHERE s.id = $1`,
    [speakerId, actor.id],
  );
  return checked(rows[0], action, "Speaker");
}

/** Access to one annotation; `authorId` lets the caller apply the own-vs-any rules of roles.ts. */
export async function annotationAccess(
  actor: Actor,
  annotationId: string,
  action: Action,
): Promise<ProjectAccess & { authorId: string; documentId: string }> {
  const { rows } = await pool().query<{ project_id: string; role: string | null; author_id: string; document_id: string }>(
    `SELECT a.project_id, a.author_id, a.document_id, m.role::text AS role
       FROM annotations a
       LEFT JOIN memberships m ON m.project_id = a.project_id AND m.user_id = $2
      WHERE a.id = $1`,
    [annotationId, actor.id],
  );
  const row = rows[0];
  const access = checked(row, action, "Annotation");
  return { ...access, authorId: (row as { author_id: string }).author_id, documentId: (row as { document_id: string }).document_id };
}
