// Projects and their members. Each function checks the caller's access itself (lib/auth/access.ts).

import { z } from "zod";
import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { ROLES, type Role } from "../auth/roles";
import { insertChangesSql, kindSql } from "../changes/record-change";
import { db, pool, type Queryable } from "../db/client";
import { afterCursorSql, toPage, type KeyColumn, type PageOf, type PageRequest } from "../db/keyset";
import { withTransaction } from "../db/transaction";
import { forgetDocument } from "../documents/document-text";
import { conflict, notFound, validationFailed } from "../errors/domain-error";
import type { InputReader } from "../validation/parse-input";
import type { CreateProjectInput, DeleteProjectInput, UpdateMemberInput, UpdateProjectInput } from "../validation/schemas";

export const projectViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The caller's role in the project. */
  role: z.enum(ROLES),
  /** Suggestions computed for every document added (issue 11). */
  autoSuggest: z.boolean(),
  createdAt: z.string(),
});
export type ProjectView = z.infer<typeof projectViewSchema>;

export const memberViewSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

const PROJECT_ORDER: KeyColumn[] = [
  { sql: "p.created_at", cast: "timestamptz" },
  { sql: "p.id", cast: "text" },
];

/** The caller's projects, newest first, each with the caller's role: a page, or (no `page`) all. */
export async function listProjects(actor: Actor, page?: PageRequest): Promise<PageOf<ProjectView>> {
  const params: unknown[] = [actor.id];
  const after = afterCursorSql(PROJECT_ORDER, page?.cursor, params, true);
  const limit = page ? ` LIMIT ${page.limit + 1}` : "";
  const { rows } = await pool().query<{ id: string; name: string; role: Role; auto_suggest: boolean; created_at: Date }>(
    `SELECT p.id, p.name, m.role::text AS role, p.auto_suggest, p.created_at
       FROM memberships m JOIN projects p ON p.id = m.project_id
      WHERE m.user_id = $1${after}
      ORDER BY p.created_at DESC, p.id DESC${limit}`,
    params,
  );
  return toPage(
    rows,
    page?.limit ?? Infinity,
    (row) => [row.created_at.toISOString(), row.id],
    (row) => ({ id: row.id, name: row.name, role: row.role, autoSuggest: row.auto_suggest, createdAt: row.created_at.toISOString() }),
  );
}

/**
 * Creates a project owned by `actor`, in one statement (project and membership). `q` may be a
 * transaction's client: the demo project is created with the account that receives it.
 */
export async function createProject(actor: Actor, input: InputReader<CreateProjectInput>, q: Queryable = pool()): Promise<ProjectView> {
  const { name } = await input();
  const { rows } = await q.query<{ id: string; created_at: Date }>(
    `WITH p AS (INSERT INTO projects (name) VALUES ($1) RETURNING id, created_at),
          m AS (INSERT INTO memberships (project_id, user_id, role) SELECT id, $2, 'owner' FROM p)
     SELECT id, created_at FROM p`,
    [name, actor.id],
  );
  const row = rows[0] as { id: string; created_at: Date };
  return { id: row.id, name, role: "owner", autoSuggest: false, createdAt: row.created_at.toISOString() };
}

export async function getProject(actor: Actor, projectId: string): Promise<ProjectView> {
  const { role } = await projectAccess(actor, projectId, "project.read");
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: { id: true, name: true, autoSuggest: true, createdAt: true },
  });
  if (!project) throw notFound("Project");
  return { ...project, role, createdAt: project.createdAt.toISOString() };
}

/** Writes project settings; fields left out stay as they are. Checks nothing: see updateProject. */
export async function writeProjectSettings(q: Queryable, projectId: string, settings: UpdateProjectInput): Promise<boolean> {
  const { rowCount } = await q.query("UPDATE projects SET auto_suggest = COALESCE($2, auto_suggest) WHERE id = $1", [
    projectId,
    settings.autoSuggest ?? null,
  ]);
  return (rowCount ?? 0) > 0;
}

export interface UpdateProjectOptions {
  actor: Actor;
  projectId: string;
  input: InputReader<UpdateProjectInput>;
}

/** PATCH /projects/{id}: changes the project's settings (owners). */
export async function updateProject({ actor, projectId, input }: UpdateProjectOptions): Promise<ProjectView> {
  await projectAccess(actor, projectId, "project.manage");
  if (!(await writeProjectSettings(pool(), projectId, await input()))) throw notFound("Project");
  return getProject(actor, projectId);
}

const MEMBER_ORDER: KeyColumn[] = [
  { sql: "m.created_at", cast: "timestamptz" },
  { sql: "m.user_id", cast: "text" },
];

/** The project's members, in the order they joined: a page, or (no `page`) all. */
export async function listMembers(actor: Actor, projectId: string, page?: PageRequest): Promise<PageOf<MemberView>> {
  await projectAccess(actor, projectId, "project.read");
  const params: unknown[] = [projectId];
  const after = afterCursorSql(MEMBER_ORDER, page?.cursor, params);
  const limit = page ? ` LIMIT ${page.limit + 1}` : "";
  const { rows } = await pool().query<{ user_id: string; email: string; name: string; role: Role; created_at: Date }>(
    `SELECT m.user_id, u.email, u.name, m.role::text AS role, m.created_at
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.project_id = $1${after}
      ORDER BY m.created_at, m.user_id${limit}`,
    params,
  );
  return toPage(
    rows,
    page?.limit ?? Infinity,
    (row) => [row.created_at.toISOString(), row.user_id],
    (row) => ({ userId: row.user_id, email: row.email, name: row.name, role: row.role, createdAt: row.created_at.toISOString() }),
  );
}

export interface ChangeMemberOptions {
  actor: Actor;
  projectId: string;
  userId: string;
  /** The new role; absent to remove the member. */
  input?: InputReader<UpdateMemberInput>;
}

/** Changes a member's role or removes them, keeping at least one owner. */
export async function changeMember({ actor, projectId, userId, input }: ChangeMemberOptions): Promise<MemberView | null> {
  await projectAccess(actor, projectId, "member.manage");
  const role: Role | null = input ? (await input()).role : null;
  return db().$transaction(async (tx) => {
    // Lock the project's memberships so two owners cannot demote each other at once.
    await tx.$queryRaw`SELECT 1 FROM memberships WHERE project_id = ${projectId} FOR UPDATE`;
    const membership = await tx.membership.findUnique({
      where: { projectId_userId: { projectId, userId } },
      select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    });
    if (!membership) throw notFound("Member");
    if (membership.role === "owner" && role !== "owner") {
      const owners = await tx.membership.count({ where: { projectId, role: "owner" } });
      if (owners <= 1) throw conflict("A project needs at least one owner; make someone else owner first.");
    }
    if (role === null) {
      await tx.membership.delete({ where: { projectId_userId: { projectId, userId } } });
      return null;
    }
    await tx.membership.update({ where: { projectId_userId: { projectId, userId } }, data: { role } });
    const { user, createdAt } = membership;
    return { userId: user.id, email: user.email, name: user.name, role, createdAt: createdAt.toISOString() };
  });
}

export interface DeleteProjectOptions {
  actor: Actor;
  projectId: string;
  /** The project's name, typed again: a deletion is permanent. */
  input: InputReader<DeleteProjectInput>;
}

/**
 * Deletes a project with everything in it (owners, after typing its name). Permanent — the web page
 * offers the project's json export first, which can be imported into a new project. Members' live
 * streams end with their membership.
 */
export async function deleteProject({ actor, projectId, input }: DeleteProjectOptions): Promise<void> {
  await projectAccess(actor, projectId, "project.manage");
  const { confirm } = await input();
  await withTransaction(async (client) => {
    const { rows } = await client.query<{ name: string }>("SELECT name FROM projects WHERE id = $1 FOR UPDATE", [projectId]);
    const name = rows[0]?.name;
    if (name === undefined) throw notFound("Project");
    if (confirm !== name)
      throw validationFailed("Type the project's name exactly to delete it.", { confirm: "does not match the project's name" });
    const { rows: documents } = await client.query<{ id: string }>("SELECT id FROM documents WHERE project_id = $1", [projectId]);
    // Annotations first: they hold their speakers (a restricting key); comments go with documents.
    await client.query("DELETE FROM annotations WHERE project_id = $1", [projectId]);
    await client.query("DELETE FROM documents WHERE project_id = $1", [projectId]);
    await client.query("DELETE FROM speakers WHERE project_id = $1", [projectId]);
    await client.query(
      `WITH del AS (DELETE FROM projects WHERE id = $1 RETURNING id),
       ev AS (${insertChangesSql(`SELECT id, NULL, id, ${kindSql("project.deleted")}, $2, json_build_object('id', id, 'name', $3::text), NULL FROM del`)})
       SELECT 1`,
      [projectId, actor.id, name],
    );
    for (const document of documents) forgetDocument(document.id);
  });
}
