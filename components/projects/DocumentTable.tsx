// The documents of a project (the Documents tab): which project they are in and whether the caller
// may delete them, for the live table. The page hands over only the documents (and renders the
// table only when there is one), so the project and role are read through the first document.

import { documentAccess } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/roles";
import type { DocumentSummary } from "@/lib/documents/documents";
import { LiveDocumentTable } from "./LiveDocumentTable";

export async function DocumentTable({ documents, labelledBy }: { documents: DocumentSummary[]; labelledBy: string }) {
  const first = documents[0];
  if (!first) return null;
  const actor = await requirePageActor();
  const { projectId, role } = await documentAccess(actor, first.id, "project.read");
  return (
    <LiveDocumentTable
      projectId={projectId}
      actorId={actor.id}
      documents={documents}
      labelledBy={labelledBy}
      mayDelete={can(role, "document.delete")}
    />
  );
}
