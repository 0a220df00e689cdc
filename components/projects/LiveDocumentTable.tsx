"use client";
// The documents of a project: title (opens the annotation workspace), annotations, length,
// published date and source — kept current by the project's live stream (a colleague's import or
// deletion, annotation counts). Owners delete a document after a dialog that offers its export
// first, since deleting is permanent.

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { exportUrl } from "@/components/export/export-request";
import { api, errorMessage } from "@/components/ui/api-client";
import { formatCount, formatDate, formatNumber, linkHost } from "@/components/ui/format";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { DocumentSummary } from "@/lib/documents/document-view";
import { documentsAfter } from "./document-events";
import styles from "./projects.module.css";
import { TableRegion } from "./TableRegion";
import { useProjectEvents, type LiveEvent } from "./use-project-events";
import { workspaceHref } from "@/components/ui/links";

function Missing() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </>
  );
}

/** The JSON export of one document (its text, annotations and their speakers), importable into a new project. */
function documentExportUrl(projectId: string, documentId: string): string {
  return exportUrl(projectId, "json", { documentId, label: "", speakerId: "", status: "", author: "" });
}

export function LiveDocumentTable({
  projectId,
  actorId,
  documents: rendered,
  labelledBy,
  mayDelete,
  emptyText,
  since,
}: {
  projectId: string;
  /** The signed-in user: their own changes are not announced as a colleague's. */
  actorId: string;
  documents: DocumentSummary[];
  labelledBy: string;
  mayDelete: boolean;
  /** What an empty project says. */
  emptyText: string;
  /** The event the documents were read after (the live stream resumes there). */
  since?: string;
}) {
  const router = useRouter();
  const id = useId();
  const [, startTransition] = useTransition();
  const [documents, setDocuments] = useState(rendered);
  // A new render of the page (router.refresh) replaces what the stream had built on.
  const [renderedBefore, setRenderedBefore] = useState(rendered);
  if (rendered !== renderedBefore) {
    setRenderedBefore(rendered);
    setDocuments(rendered);
  }
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const deleteButtons = useReturnFocus(deleting !== null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (deleting && !element.open) element.showModal();
    if (!deleting && element.open) element.close();
  }, [deleting]);

  useProjectEvents(
    projectId,
    (event: LiveEvent) => {
      setDocuments((current) => documentsAfter(current, event));
      const colleague = event.actor !== null && event.actor.id !== actorId ? event.actor.name : null;
      if (colleague === null) return;
      if (event.kind === "document.created") setAnnouncement(`${colleague} imported “${event.data.title}”.`);
      if (event.kind === "document.deleted") {
        const gone = documents.find((d) => d.id === event.data.id);
        if (gone) setAnnouncement(`${colleague} deleted “${gone.title}”.`);
        // The dialog about a document that is gone has nothing left to ask.
        if (deleting?.id === event.data.id) setDeleting(null);
      }
    },
    since,
  );

  function close(document: DocumentSummary) {
    setDeleting(null);
    deleteButtons.returnFocusTo(document.id);
  }

  async function remove(document: DocumentSummary) {
    setBusy(true);
    setError(null);
    const index = documents.findIndex((d) => d.id === document.id);
    const neighbour = documents[index + 1] ?? documents[index - 1];
    try {
      await api(`/api/v1/documents/${encodeURIComponent(document.id)}`, { method: "DELETE" });
      startTransition(() => {
        setBusy(false);
        setDeleting(null);
        setDocuments((current) => current.filter((d) => d.id !== document.id));
        setAnnouncement(`Deleted “${document.title}”.`);
        if (neighbour) deleteButtons.returnFocusTo(neighbour.id);
        router.refresh();
      });
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  }

  return (
    <>
      {documents.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <TableRegion labelledBy={labelledBy}>
          <table className={styles.table} aria-labelledby={labelledBy}>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col" className={styles.number}>
                  Annotations
                </th>
                <th scope="col" className={styles.number}>
                  Length
                </th>
                <th scope="col">Published</th>
                <th scope="col">Source</th>
                {mayDelete && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => {
                const host = document.sourceUrl ? linkHost(document.sourceUrl) : null;
                return (
                  <tr key={document.id}>
                    <td className={styles.titleCell}>
                      <Link href={workspaceHref(document.id)}>{document.title}</Link>
                    </td>
                    <td className={styles.number}>{formatNumber(document.annotationCount)}</td>
                    <td className={styles.number}>{formatCount(document.length, "character", "characters")}</td>
                    <td className={styles.nowrap}>
                      {document.publishedAt ? <time dateTime={document.publishedAt}>{formatDate(document.publishedAt)}</time> : <Missing />}
                    </td>
                    <td>
                      {document.sourceUrl && host ? (
                        <a href={document.sourceUrl} rel="noreferrer" title={document.sourceUrl}>
                          {host}
                        </a>
                      ) : (
                        <Missing />
                      )}
                    </td>
                    {mayDelete && (
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          ref={deleteButtons.register(document.id)}
                          onClick={() => {
                            setError(null);
                            setDeleting(document);
                          }}
                        >
                          Delete<span className="visually-hidden"> “{document.title}”</span>
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      <p role="status" className={styles.status}>
        {announcement}
      </p>
      {mayDelete && (
        <dialog
          ref={dialog}
          className="export-dialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-what`}
          onCancel={(e) => {
            e.preventDefault();
            if (deleting && !busy) close(deleting);
          }}
        >
          {deleting && (
            <div className="stack">
              <h2 id={`${id}-title`}>Delete “{deleting.title}”?</h2>
              <p id={`${id}-what`}>
                <strong>Deleting is permanent.</strong> The document, its{" "}
                {formatCount(deleting.annotationCount, "annotation", "annotations")} and their comments are removed for everyone in the
                project; nothing can bring them back.
              </p>
              <p>
                Download its export first: the JSON file holds the text and every annotation with its speaker, and can be imported into a
                new project (Import annotations, JSON).
              </p>
              <p>
                <a className="button secondary" href={documentExportUrl(projectId, deleting.id)} download>
                  Download this document’s export (JSON)
                </a>
              </p>
              {error && (
                <p role="alert" className="error">
                  {error}
                </p>
              )}
              <div className={styles.actions}>
                <button type="button" className="danger" disabled={busy} onClick={() => void remove(deleting)}>
                  {busy ? "Deleting…" : "Delete permanently"}
                </button>
                <button type="button" className="secondary" disabled={busy} onClick={() => close(deleting)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </dialog>
      )}
    </>
  );
}
