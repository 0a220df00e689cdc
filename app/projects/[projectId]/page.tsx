// A project's Documents tab: its articles, their assignees (and the owner's Assign control), the
// progress dashboard with the agreement summary streamed in, and the import form for those who may add one.

import type { Metadata } from "next";
import { Suspense } from "react";
import { AgreementSummaryLoading, AgreementSummaryPanel } from "@/components/agreement/AgreementSummaryPanel";
import { ImportAnnotationsForm } from "@/components/export/ImportAnnotationsForm";
import { ImportDocumentForm } from "@/components/projects/ImportDocumentForm";
import { LiveDocumentTable } from "@/components/projects/LiveDocumentTable";
import styles from "@/components/projects/projects.module.css";
import { can } from "@/lib/auth/roles";
import { projectStreamStart } from "@/lib/changes/change-log";
import { pool } from "@/lib/db/client";
import { listDocuments } from "@/lib/documents/documents";
import { loadProjectPage } from "@/lib/projects/project-page";
import { AssignPanel } from "@/components/projects/AssignPanel";
import { ProjectDashboardView } from "@/components/projects/ProjectDashboardView";
import { mayReadAgreement } from "@/lib/agreement/load-agreement";
import { listProjectAssignments } from "@/lib/assignments/assignments";
import { projectDashboard } from "@/lib/projects/dashboard";
import { listMembers } from "@/lib/projects/projects";

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
  const [{ items: documents }, assignments, dashboard, members] = await Promise.all([
    listDocuments(actor, project.id),
    listProjectAssignments(actor, project.id),
    projectDashboard(actor, project.id),
    listMembers(actor, project.id),
  ]);
  const annotators = members.items.filter((m) => can(m.role, "annotation.create")).map((m) => ({ userId: m.userId, name: m.name }));
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
      <section className={styles.section} aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Assignments</h2>
        <AssignPanel
          projectId={project.id}
          annotators={annotators}
          documents={documents.map((d) => ({ id: d.id, title: d.title }))}
          assignments={assignments}
          mayAssign={can(project.role, "assignment.manage")}
        />
      </section>
      <section className={styles.section} aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <ProjectDashboardView
          dashboard={dashboard}
          agreementSummary={
            mayReadAgreement(project.role) && (
              // Streamed: agreement over a large project takes a second or more; nothing else waits for it.
              <Suspense fallback={<AgreementSummaryLoading />}>
                <AgreementSummaryPanel actor={actor} projectId={project.id} />
              </Suspense>
            )
          }
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
