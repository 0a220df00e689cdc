// The curation view of one document (reviewers and owners): the annotators' spans aligned, and the
// curated (gold) layer built from them. Loaded on the server; the actions reload it.

import type { Metadata } from "next";
import Link from "next/link";
import { CurationView } from "@/components/agreement/CurationView";
import { TopBar } from "@/components/TopBar";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/roles";
import { loadCuration } from "@/lib/curation/curation";
import { getDocument } from "@/lib/documents/documents";
import { orNotFound } from "@/lib/projects/project-page";
import { getProject } from "@/lib/projects/projects";
import { listSpeakers } from "@/lib/speakers/speakers";

type Props = { params: Promise<{ documentId: string }> };

export const metadata: Metadata = { title: "Curation · Sourcemark" };

export default async function CuratePage({ params }: Props) {
  const { documentId } = await params;
  const actor = await requirePageActor();
  const document = await orNotFound(getDocument(actor, documentId));
  const project = await getProject(actor, document.projectId);
  const base = `/projects/${encodeURIComponent(project.id)}`;
  return (
    <>
      <TopBar actor={actor} />
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link href="/">Projects</Link> / <Link href={base}>{project.name}</Link> / <Link href={`${base}/agreement`}>Agreement</Link> /{" "}
        <Link href={`/documents/${encodeURIComponent(document.id)}`}>{document.title}</Link>
      </nav>
      <main className="page">
        <h1>Curate: {document.title}</h1>
        {can(project.role, "annotation.curate") ? (
          <CurationView
            documentId={document.id}
            view={await loadCuration(actor, document.id)}
            speakers={(await listSpeakers(actor, project.id)).items.map((s) => ({ id: s.id, name: s.name }))}
          />
        ) : (
          <p role="status">Curation is for the project&apos;s reviewers and owners.</p>
        )}
      </main>
    </>
  );
}
