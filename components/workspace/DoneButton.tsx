"use client";
// "Mark done" for an annotator assigned to the document (issue 10): marks their own work on it
// finished, or takes that back. Shown only when the document is assigned to them.

import { useState } from "react";
import type { QueueItem } from "@/lib/assignments/assignments";
import { api, ApiRequestError } from "@/components/ui/api-client";

export function DoneButton({ documentId, initial }: { documentId: string; initial: QueueItem }) {
  const [assignment, setAssignment] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = assignment.state === "done";

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      setAssignment(await api<QueueItem>(`/api/v1/documents/${documentId}/done`, { method: done ? "DELETE" : "POST" }));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : "Could not save; try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <p className="done-bar">
      <button type="button" onClick={() => void toggle()} disabled={busy} aria-busy={busy}>
        {done ? "Done ✓ (undo)" : "Mark done"}
      </button>
      {error && (
        <span role="alert" className="error">
          {" "}
          {error}
        </span>
      )}
    </p>
  );
}
