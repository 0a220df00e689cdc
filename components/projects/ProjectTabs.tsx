// The project's section tabs, with the number of annotations waiting for review (counted when the
// page is rendered; the review page keeps it current) and, for owners, the project's settings.

import { can } from "@/lib/auth/roles";
import { loadProjectPage } from "@/lib/projects/project-page";
import { pendingCount } from "@/lib/review/review-queue";
import { ProjectTabLinks } from "./ProjectTabLinks";

export async function ProjectTabs({ projectId }: { projectId: string }) {
  const { actor, project } = await loadProjectPage(projectId);
  const pending = await pendingCount(actor, project.id);
  return (
    <ProjectTabLinks
      projectId={project.id}
      pending={pending}
      mayManage={can(project.role, "project.manage")}
      mayCurate={can(project.role, "annotation.curate")}
    />
  );
}
