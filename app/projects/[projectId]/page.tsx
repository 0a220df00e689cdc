// A project: its documents.

import Link from "next/link";
import { notFound } from "next/navigation";
import { TopBar } from "@/components/TopBar";
import { projectAccess } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/current-actor";
import { listDocuments } from "@/lib/documents/documents";
import { ApiError } from "@/lib/http/api-error";
import { getProject } from "@/lib/projects/projects";

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requirePageActor();
  const access = await projectAccess(actor, projectId, "project.read").catch((error: unknown) => {
    if (error instanceof ApiError) notFound();
    throw error;
  });
  const [project, documents] = await Promise.all([getProject(projectId, access.role), listDocuments(projectId)]);
  return (
    <>
      <TopBar actor={actor} />
      <main className="page">
        <p>
          <Link href="/">Projects</Link> /
        </p>
        <h1>{project.name}</h1>
        <h2>Documents</h2>
        {documents.length === 0 ? (
          <p className="muted">No documents yet.</p>
        ) : (
          <ul className="list" aria-label="Documents">
            {documents.map((document) => (
              <li key={document.id}>
                <Link href={`/documents/${document.id}`}>{document.title}</Link>
                <span className="muted">{document.annotationCount} annotations</span>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
