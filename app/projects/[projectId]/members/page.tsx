// A project's Members tab: who has access and with which role; owners manage them.

import type { Metadata } from "next";
import { MembersPanel } from "@/components/projects/MembersPanel";
import { can } from "@/lib/auth/roles";
import { loadProjectPage } from "@/lib/projects/project-page";
import { listInvitations } from "@/lib/projects/invitations";
import { listMembers } from "@/lib/projects/projects";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  return { title: `Members · ${project.name} · Sourcemark` };
}

export default async function ProjectMembersPage({ params }: Props) {
  const { projectId } = await params;
  const { actor, project } = await loadProjectPage(projectId);
  const { items: members } = await listMembers(actor, project.id);
  const mayManage = can(project.role, "member.manage");
  const invitations = mayManage ? await listInvitations(actor, project.id) : [];
  return <MembersPanel projectId={project.id} members={members} invitations={invitations} currentUserId={actor.id} mayManage={mayManage} />;
}
