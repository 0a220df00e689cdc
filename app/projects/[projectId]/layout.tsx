// Every project page: the top bar, the project header and the section tabs. Non-members get 404.

import type { ReactNode } from "react";
import { ProjectHeader } from "@/components/projects/ProjectHeader";
import { ProjectTabs } from "@/components/projects/ProjectTabs";
import { TopBar } from "@/components/TopBar";
import { loadProjectPage } from "@/lib/projects/project-page";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { actor, project } = await loadProjectPage(projectId);
  return (
    <>
      <TopBar actor={actor} />
      <main className="page">
        <ProjectHeader project={project} />
        <ProjectTabs projectId={project.id} />
        {children}
      </main>
    </>
  );
}
