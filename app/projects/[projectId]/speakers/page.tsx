// A project's Speakers tab: the people and organisations spans are attributed to.

import type { Metadata } from "next";
import { SpeakersPanel } from "@/components/projects/SpeakersPanel";
import { can } from "@/lib/auth/roles";
import { loadProjectPage } from "@/lib/projects/project-page";
import { listSpeakers } from "@/lib/speakers/speakers";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  return { title: `Speakers · ${project.name} · Sourcemark` };
}

export default async function ProjectSpeakersPage({ params }: Props) {
  const { projectId } = await params;
  const { actor, project } = await loadProjectPage(projectId);
  const { items: speakers } = await listSpeakers(actor, project.id);
  return (
    <SpeakersPanel
      projectId={project.id}
      speakers={speakers}
      mayCreate={can(project.role, "speaker.create")}
      mayUpdate={can(project.role, "speaker.update")}
    />
  );
}
