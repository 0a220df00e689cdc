// What every project page needs, loaded once per request and shared by the layout and the page:
// the signed-in user and the project with their role. A non-member gets Next's 404, as the API
// answers 404: a project one cannot see must not be revealed to exist.

import { notFound } from "next/navigation";
import { cache } from "react";
import type { Actor } from "../auth/authenticate";
import { requirePageActor } from "../auth/current-actor";
import { isNotFound } from "../errors/domain-error";
import { getProject, type ProjectView } from "./projects";

export interface ProjectPage {
  actor: Actor;
  project: ProjectView;
}

/** Runs a page's data loading; a domain 404 becomes Next's not-found page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isNotFound(error)) notFound();
    throw error;
  }
}

export const loadProjectPage = cache(async (projectId: string): Promise<ProjectPage> => {
  const actor = await requirePageActor();
  return { actor, project: await orNotFound(getProject(actor, projectId)) };
});
