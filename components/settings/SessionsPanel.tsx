"use client";
// Where you are signed in: each session with its browser and when it was last seen, this browser
// marked; end one, or every one but this.

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Announcements } from "@/components/projects/Announcements";
import styles from "@/components/projects/projects.module.css";
import { TableRegion } from "@/components/projects/TableRegion";
import { api, errorMessage } from "@/components/ui/api-client";
import { formatCount } from "@/components/ui/format";
import type { SessionView } from "@/lib/auth/account";
import { browserOf, formatDateTime } from "./account-format";

export function SessionsPanel({ sessions }: { sessions: SessionView[] }) {
  const router = useRouter();
  const id = useId();
  const [, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const others = sessions.filter((session) => !session.current);

  async function end(session: SessionView) {
    setBusy(session.id);
    setError(null);
    try {
      await api(`/api/v1/me/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" });
      startTransition(() => {
        setBusy(null);
        setAnnouncement(`Signed out ${browserOf(session.userAgent)}.`);
        router.refresh();
      });
    } catch (e) {
      setBusy(null);
      setError(errorMessage(e));
    }
  }

  async function endOthers() {
    setBusy("others");
    setError(null);
    try {
      const { ended } = await api<{ ended: number }>("/api/v1/me/sessions", { method: "DELETE" });
      startTransition(() => {
        setBusy(null);
        setAnnouncement(`Signed out ${formatCount(ended, "other session", "other sessions")}.`);
        router.refresh();
      });
    } catch (e) {
      setBusy(null);
      setError(errorMessage(e));
    }
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Sessions</h2>
      <p className={styles.hint}>The browsers signed in to your account. Sign out one you do not recognise, then change your password.</p>
      <TableRegion labelledBy={`${id}-heading`}>
        <table className={styles.table} aria-labelledby={`${id}-heading`}>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <th scope="row" className={styles.wide}>
                  <span title={session.userAgent ?? undefined}>{browserOf(session.userAgent)}</span>
                  {session.current && <span className={styles.you}> (this browser)</span>}
                </th>
                <td className={styles.nowrap}>{formatDateTime(session.createdAt)}</td>
                <td className={styles.nowrap}>
                  {session.lastSeenAt ? formatDateTime(session.lastSeenAt) : <span className="muted">—</span>}
                </td>
                <td>
                  {!session.current && (
                    <button type="button" className="secondary" disabled={busy !== null} onClick={() => void end(session)}>
                      {busy === session.id ? "Signing out…" : "Sign out"}
                      <span className="visually-hidden">
                        {" "}
                        {browserOf(session.userAgent)}, signed in {formatDateTime(session.createdAt)}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <div className={styles.actions}>
        <button type="button" className="secondary" disabled={busy !== null || others.length === 0} onClick={() => void endOthers()}>
          {busy === "others" ? "Signing out…" : "Sign out all other sessions"}
        </button>
        {others.length === 0 && <span className="muted">This is your only session.</span>}
      </div>
      <Announcements status={announcement} error={error} />
    </section>
  );
}
