// A document: its title and text.

import Link from "next/link";
import { notFound } from "next/navigation";
import { TopBar } from "@/components/TopBar";
import { documentAccess } from "@/lib/auth/access";
import { requirePageActor } from "@/lib/auth/current-actor";
import { getDocument } from "@/lib/documents/documents";
import { ApiError } from "@/lib/http/api-error";

export default async function DocumentPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const actor = await requirePageActor();
  await documentAccess(actor, documentId, "project.read").catch((error: unknown) => {
    if (error instanceof ApiError) notFound();
    throw error;
  });
  const document = await getDocument(documentId);
  return (
    <>
      <TopBar actor={actor} />
      <main className="page">
        <p>
          <Link href={`/projects/${document.projectId}`}>Back to project</Link>
        </p>
        <h1>{document.title}</h1>
        {document.text.split("\n").map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </main>
    </>
  );
}
