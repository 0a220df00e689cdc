"use client";
// The top of the workspace: who has the document open (the document stream's presence), and,
// unobtrusively, that the live connection has dropped and is being restored.

import type { LiveStatus, Viewer } from "@/components/live/use-live-events";

export interface LiveBarProps {
  viewers: readonly Viewer[] | null;
  selfId: string;
  status: LiveStatus;
}

export function LiveBar({ viewers, selfId, status }: LiveBarProps) {
  const others = (viewers ?? []).filter((v) => v.userId !== selfId);
  return (
    <div className="live-bar">
      <section className="presence" aria-label="Who has this document open">
        {viewers !== null && (
          <ul className="presence-list">
            <li className="viewer viewer-self">You</li>
            {others.map((viewer) => (
              <li key={viewer.userId} className="viewer">
                {viewer.name}
              </li>
            ))}
          </ul>
        )}
        {viewers !== null && others.length === 0 && <span className="muted"> · no one else has it open</span>}
      </section>
      <p role="status" className="live-status muted">
        {status === "reconnecting" ? "Reconnecting…" : ""}
      </p>
    </div>
  );
}
