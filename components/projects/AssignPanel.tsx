"use client";
// The owner's "Assign" control (issue 10): choose annotators and how many per document, then hand
// out every document or the selected ones, round-robin (POST /projects/{id}/assignments). Below it,
// who is assigned to each document and how far they are.

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DocumentAssignments } from "@/lib/assignments/assignments";
import { api, ApiRequestError } from "@/components/ui/api-client";

const STATE_LABELS = { todo: "to do", in_progress: "in progress", done: "done" } as const;

export interface AssignPanelProps {
  projectId: string;
  /** Members who may annotate. */
  annotators: { userId: string; name: string }[];
  documents: { id: string; title: string }[];
  assignments: DocumentAssignments[];
  /** Only owners get the form; everyone sees the table. */
  mayAssign: boolean;
}

export function AssignPanel({ projectId, annotators, documents, assignments, mayAssign }: AssignPanelProps) {
  const router = useRouter();
  const [users, setUsers] = useState<Set<string>>(new Set());
  const [perDocument, setPerDocument] = useState(2);
  const [scope, setScope] = useState<"all" | "selected">("all");
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const byDocument = new Map(assignments.map((a) => [a.documentId, a.assignees]));
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  async function assign(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const result = await api<{ created: number }>(`/api/v1/projects/${projectId}/assignments`, {
        method: "POST",
        json: { perDocument, userIds: [...users], ...(scope === "selected" ? { documentIds: [...picked] } : {}) },
      });
      setMessage({ text: `${result.created} assignment${result.created === 1 ? "" : "s"} added.`, error: false });
      router.refresh();
    } catch (e) {
      setMessage({ text: e instanceof ApiRequestError ? e.message : "Could not assign; try again.", error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      {mayAssign && (
        <form onSubmit={(e) => void assign(e)} aria-label="Assign documents">
          <fieldset>
            <legend>Annotators</legend>
            {annotators.map((a) => (
              <label key={a.userId} style={{ marginRight: "1rem" }}>
                <input type="checkbox" checked={users.has(a.userId)} onChange={() => setUsers(toggle(users, a.userId))} /> {a.name}
              </label>
            ))}
          </fieldset>
          <label>
            Annotators per document{" "}
            <input
              type="number"
              min={1}
              max={Math.max(1, users.size)}
              value={perDocument}
              onChange={(e) => setPerDocument(Number(e.target.value))}
              style={{ width: "4rem" }}
            />
          </label>
          <fieldset>
            <legend>Documents</legend>
            <label>
              <input type="radio" name="scope" checked={scope === "all"} onChange={() => setScope("all")} /> All documents
            </label>{" "}
            <label>
              <input type="radio" name="scope" checked={scope === "selected"} onChange={() => setScope("selected")} /> Selected documents
            </label>
          </fieldset>
          <button type="submit" disabled={busy || users.size === 0 || (scope === "selected" && picked.size === 0)} aria-busy={busy}>
            {busy ? "Assigning…" : "Assign"}
          </button>
          {message && (
            <p role={message.error ? "alert" : "status"} className={message.error ? "error" : "muted"}>
              {message.text}
            </p>
          )}
        </form>
      )}
      <table aria-label="Assignees per document">
        <thead>
          <tr>
            {mayAssign && scope === "selected" && <th scope="col">Select</th>}
            <th scope="col">Document</th>
            <th scope="col">Assignees</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              {mayAssign && scope === "selected" && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${d.title}`}
                    checked={picked.has(d.id)}
                    onChange={() => setPicked(toggle(picked, d.id))}
                  />
                </td>
              )}
              <td>{d.title}</td>
              <td>
                {(byDocument.get(d.id) ?? []).map((a) => `${a.name} (${STATE_LABELS[a.state]})`).join(", ") || (
                  <span className="muted">nobody</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
