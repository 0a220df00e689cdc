// The document page is the annotation workspace.

import Link from "next/link";
import { notFound } from "next/navigation";
import { TopBar } from "@/components/TopBar";
import { Workspace } from "@/components/workspace/Workspace";
import { listAnnotations } from "@/lib/annotations/annotations";
import { documentAccess } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getDocument } from "@/lib/documents/documents";
import { ApiError } from "@/lib/http/api-error";
import { getProject } from "@/lib/projects/projects";
import { listSpeakers } from "@/lib/speakers/speakers";

export default async function DocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const actor = await requirePageActor();
  const access = await documentAccess(actor, documentId, "project.read").catch((error: unknown) => {
    if (error instanceof ApiError) notFound();
    throw error;
  });
  const [document, annotations, speakers, project] = await Promise.all([
    getDocument(documentId),
    listAnnotations(documentId),
    listSpeakers(access.projectId),
    getProject(access.projectId, access.role),
  ]);
  return (
    <>
      <TopBar actor={actor} />
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link href="/">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link>
      </nav>
      <main>
        <Workspace
          document={{ id: document.id, projectId: document.projectId, title: document.title, text: document.text }}
          annotations={annotations}
          speakers={speakers}
          actor={{ id: actor.id, name: actor.name }}
          role={access.role}
        />
      </main>
    </>
  );
}
