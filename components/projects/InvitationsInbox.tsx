"use client";
// The invitations waiting for the signed-in person (home page): accept to join the project with the
// role offered, or decline.

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { api, errorMessage } from "@/components/ui/api-client";
import type { InvitationView } from "@/lib/projects/invitations";
import { ROLE_LABELS } from "./labels";

export function InvitationsInbox({ invitations }: { invitations: InvitationView[] }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  async function answer(invitation: InvitationView, accept: boolean) {
    setBusy(invitation.id);
    setError(null);
    try {
      if (accept) await api(`/api/v1/invitations/${encodeURIComponent(invitation.id)}/accept`, { method: "POST" });
      else await api(`/api/v1/invitations/${encodeURIComponent(invitation.id)}`, { method: "DELETE" });
      startTransition(() => {
        setAnnouncement(accept ? `You joined ${invitation.project.name}.` : `Declined the invitation to ${invitation.project.name}.`);
        router.refresh();
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  // The live region stays when the last invitation is answered, so the answer is still announced.
  if (invitations.length === 0) return <p role="status">{announcement}</p>;
  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">Invitations</h2>
      <ul className="list" aria-labelledby="invitations-heading">
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            <span>
              <strong>{invitation.project.name}</strong> — {invitation.invitedBy.name} invites you as{" "}
              {ROLE_LABELS[invitation.role].toLowerCase()}.
            </span>{" "}
            <button type="button" disabled={busy !== null} onClick={() => void answer(invitation, true)}>
              Join<span className="visually-hidden"> {invitation.project.name}</span>
            </button>{" "}
            <button type="button" className="secondary" disabled={busy !== null} onClick={() => void answer(invitation, false)}>
              Decline<span className="visually-hidden"> {invitation.project.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{announcement}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
