// What every project page needs, loaded once per request and shared by the layout and the page:
// the signed-in user, their role and the project. A non-member gets Next's 404, as the API answers
// 404: a project one cannot see must not be revealed to exist.

import { notFound } from "next/navigation";
import { cache } from "react";
import { projectAccess } from "../auth/access";
import type { Actor } from "../auth/authenticate";
import { requirePageActor } from "../auth/current-actor";
import { ApiError } from "../http/api-error";
import { getProject, type ProjectView } from "./projects";

export interface ProjectPage {
  actor: Actor;
  project: ProjectView;
}

export const loadProjectPage = cache(async (projectId: string): Promise<ProjectPage> => {
  const actor = await requirePageActor();
  try {
    const { role } = await projectAccess(actor, projectId, "project.read");
    return { actor, project: await getProject(projectId, role) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
});
