// The document page is the annotation workspace. Its annotations travel packed (see
// lib/annotations/annotation-record.ts): a long article's thousands of annotations are most of
// the page, and the browser slices their quotes from the text it receives anyway.

import Link from "next/link";
import { TopBar } from "@/components/TopBar";
import { Workspace } from "@/components/workspace/Workspace";
import { packAnnotations } from "@/lib/annotations/annotation-record";
import { listAnnotationRecords } from "@/lib/annotations/list-annotation-records";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getDocument } from "@/lib/documents/documents";
import { orNotFound } from "@/lib/projects/project-page";
import { getProject } from "@/lib/projects/projects";
import { listSpeakers } from "@/lib/speakers/speakers";

export default async function DocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const actor = await requirePageActor();
  const document = await orNotFound(getDocument(actor, documentId));
  const [annotations, speakers, project] = await Promise.all([
    listAnnotationRecords(actor, documentId),
    listSpeakers(actor, document.projectId),
    getProject(actor, document.projectId),
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
          annotations={packAnnotations(annotations)}
          speakers={speakers}
          actor={{ id: actor.id, name: actor.name }}
          role={project.role}
        />
      </main>
    </>
  );
}
