"use client";
// Changing your password: the current one and the new one. The API's policy decides what a new
// password must be and its message says what is wrong; every other session is signed out.

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import styles from "@/components/projects/projects.module.css";
import { api, errorMessage } from "@/components/ui/api-client";
import { formatCount } from "@/components/ui/format";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

const FIELD_LABELS = { currentPassword: "Current password", newPassword: "New password" };

export function PasswordForm() {
  const router = useRouter();
  const id = useId();
  const [, startTransition] = useTransition();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");
  const [error, setError] = useState<string | null>(null);
  const currentInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone("");
    try {
      const { endedSessions } = await api<{ endedSessions: number }>("/api/v1/me/password", {
        method: "POST",
        json: { currentPassword: current, newPassword: next },
      });
      setCurrent("");
      setNext("");
      setDone(
        `Password changed.${endedSessions > 0 ? ` ${formatCount(endedSessions, "other session was", "other sessions were")} signed out.` : ""}`,
      );
      startTransition(() => router.refresh());
    } catch (e) {
      setError(errorMessage(e, FIELD_LABELS));
      currentInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Change password</h2>
      <form className={styles.form} aria-labelledby={`${id}-heading`} onSubmit={submit} aria-busy={busy}>
        <fieldset className={styles.fieldset} disabled={busy}>
          <div className={styles.fieldRow}>
            <div className={styles.field}>
              <label htmlFor={`${id}-current`}>Current password</label>
              <input
                id={`${id}-current`}
                ref={currentInput}
                type="password"
                autoComplete="current-password"
                value={current}
                onChange={(e) => setCurrent(e.target.value)}
                required
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-new`}>New password</label>
              <input
                id={`${id}-new`}
                type="password"
                autoComplete="new-password"
                value={next}
                onChange={(e) => setNext(e.target.value)}
                required
                aria-describedby={`${id}-new-hint`}
              />
              <p id={`${id}-new-hint`} className={styles.hint}>
                At least {MIN_PASSWORD_LENGTH} characters; not a common password or your email. Your other sessions will be signed out.
              </p>
            </div>
          </div>
          <div className={styles.actions}>
            <button type="submit">{busy ? "Changing…" : "Change password"}</button>
          </div>
        </fieldset>
        <p role="status" className={styles.status}>
          {done}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
