// Projects and their members. Access is checked by the caller through lib/auth/access.ts; these
// functions take the already-authorised ids.

import type { Role } from "../auth/roles";
import { db } from "../db/client";
import { conflict, notFound, validationFailed } from "../http/api-error";

export interface ProjectView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export async function listProjects(userId: string): Promise<ProjectView[]> {
  const memberships = await db().membership.findMany({
    where: { userId },
    select: { role: true, project: { select: { id: true, name: true, createdAt: true } } },
    orderBy: [{ project: { createdAt: "desc" } }, { projectId: "asc" }],
  });
  return memberships.map(({ role, project }) => ({
    id: project.id,
    name: project.name,
    role,
    createdAt: project.createdAt.toISOString(),
  }));
}

export async function createProject(userId: string, name: string): Promise<ProjectView> {
  const project = await db().project.create({
    data: { name, memberships: { create: { userId, role: "owner" } } },
    select: { id: true, name: true, createdAt: true },
  });
  return { ...project, role: "owner", createdAt: project.createdAt.toISOString() };
}

export async function getProject(projectId: string, role: Role): Promise<ProjectView> {
  const project = await db().project.findUnique({
    where: { id: projectId },
    select: { id: true, name: true, createdAt: true },
  });
  if (!project) throw notFound("Project");
  return { ...project, role, createdAt: project.createdAt.toISOString() };
}

export async function listMembers(projectId: string): Promise<MemberView[]> {
  const members = await db().membership.findMany({
    where: { projectId },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map(({ role, createdAt, user }) => ({
    userId: user.id,
    email: user.email,
    name: user.name,
    role,
    createdAt: createdAt.toISOString(),
  }));
}

export async function addMember(projectId: string, email: string, role: Role): Promise<MemberView> {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, name: true } });
  if (!user) throw validationFailed("No account has this email; the user must sign up first.", { email: "no such user" });
  const existing = await db().membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
  if (existing) throw conflict("This user is already a member of the project.", { role: existing.role });
  const membership = await db().membership.create({
    data: { projectId, userId: user.id, role },
    select: { createdAt: true },
  });
  return { userId: user.id, email: user.email, name: user.name, role, createdAt: membership.createdAt.toISOString() };
}

/** Changes a member's role or removes them, keeping at least one owner. */
export async function changeMember(projectId: string, userId: string, role: Role | null): Promise<MemberView | null> {
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
