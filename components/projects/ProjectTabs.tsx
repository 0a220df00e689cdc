// The project's section tabs, with the number of annotations waiting for review (counted when the
// page is rendered; the review page keeps it current) and, for owners, the project's settings.

import { can } from "@/lib/auth/roles";
import { loadProjectPage } from "@/lib/projects/project-page";
import { reviewQueue } from "@/lib/review/review-queue";
import { ProjectTabLinks } from "./ProjectTabLinks";

export async function ProjectTabs({ projectId }: { projectId: string }) {
  const { actor, project } = await loadProjectPage(projectId);
  // The queue's total is the count; one item is the least a page can hold.
  const { total } = await reviewQueue(actor, project.id, { status: "pending", limit: 1 });
  return <ProjectTabLinks projectId={project.id} pending={total} mayManage={can(project.role, "project.manage")} />;
}
