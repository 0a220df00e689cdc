// A project's Documents tab: its articles, and the import form for those who may add one.

import type { Metadata } from "next";
import { ImportAnnotationsForm } from "@/components/export/ImportAnnotationsForm";
import { ImportDocumentForm } from "@/components/projects/ImportDocumentForm";
import { LiveDocumentTable } from "@/components/projects/LiveDocumentTable";
import styles from "@/components/projects/projects.module.css";
import { can } from "@/lib/auth/roles";
import { projectStreamStart } from "@/lib/changes/change-log";
import { pool } from "@/lib/db/client";
import { listDocuments } from "@/lib/documents/documents";
import { loadProjectPage } from "@/lib/projects/project-page";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { project } = await loadProjectPage((await params).projectId);
  return { title: `Documents · ${project.name} · Sourcemark` };
}

export default async function ProjectDocumentsPage({ params }: Props) {
  const { projectId } = await params;
  const { actor, project } = await loadProjectPage(projectId);
  // Before the data: the stream resumes after it, so nothing that lands in between is missed.
  const since = await projectStreamStart(pool(), project.id);
  const { items: documents } = await listDocuments(actor, project.id);
  const mayImport = can(project.role, "document.create");
  return (
    <>
      <section className={styles.section}>
        <h2 id="documents-heading">Documents</h2>
        {/* Live even when empty: a colleague's first import appears without a reload. */}
        <LiveDocumentTable
          projectId={project.id}
          actorId={actor.id}
          documents={documents}
          labelledBy="documents-heading"
          mayDelete={can(project.role, "document.delete")}
          since={since}
          emptyText={`No documents yet.${mayImport ? " Import an article below to start annotating." : ""}`}
        />
      </section>
      {mayImport && (
        <section className={styles.section}>
          <ImportDocumentForm projectId={project.id} autoSuggest={project.autoSuggest} />
        </section>
      )}
      {mayImport && (
        <section className={styles.section}>
          <ImportAnnotationsForm projectId={project.id} autoSuggest={project.autoSuggest} />
        </section>
      )}
    </>
  );
}
