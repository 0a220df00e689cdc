// A project's Settings tab (owners): the annotation mode, automatic suggestions, and the danger zone, where the project
// is deleted.

import type { Metadata } from "next";
import { AnnotationModeSetting } from "@/components/projects/AnnotationModeSetting";
import { DeleteProjectForm } from "@/components/projects/DeleteProjectForm";
import { SuggestionSetting } from "@/components/projects/SuggestionSetting";
import { can } from "@/lib/auth/roles";
import { loadProjectPage } from "@/lib/projects/project-page";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  return { title: `Settings · ${project.name} · Sourcemark` };
}

export default async function ProjectSettingsPage({ params }: Props) {
  const { projectId } = await params;
  const { project } = await loadProjectPage(projectId);
  if (!can(project.role, "project.manage")) {
    return <p className="muted">Only the project’s owners can change its settings or delete it.</p>;
  }
  return (
    <>
      <AnnotationModeSetting projectId={project.id} annotationMode={project.annotationMode} />
      <SuggestionSetting projectId={project.id} autoSuggest={project.autoSuggest} />
      <DeleteProjectForm projectId={project.id} projectName={project.name} />
    </>
  );
}
