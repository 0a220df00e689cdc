"use client";
// The danger zone of a project's settings: delete the project after typing its name, with its
// whole export offered first — deleting is permanent, and the export can be imported elsewhere.

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { exportUrl } from "@/components/export/export-request";
import { api, errorMessage } from "@/components/ui/api-client";
import styles from "./projects.module.css";

export function DeleteProjectForm({ projectId, projectName }: { projectId: string; projectName: string }) {
  const router = useRouter();
  const id = useId();
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === projectName;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/projects/${encodeURIComponent(projectId)}`, { method: "DELETE", json: { confirm: typed.trim() } });
      // Stay busy until the project list has loaded: there is nothing left here.
      router.replace("/");
      router.refresh();
    } catch (e) {
      setError(errorMessage(e, { confirm: "Project name" }));
      setBusy(false);
    }
  }

  return (
    <section className={`${styles.section} ${styles.dangerZone}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Delete this project</h2>
      <p>
        <strong>Deleting is permanent.</strong> Every document, annotation, comment and speaker of “{projectName}” is removed, and its
        members lose access. Nothing can bring it back.
      </p>
      <p>
        Download the project’s export first: the JSON file holds every document with its text, annotations and speakers, and can be imported
        into a new project (Import annotations, JSON).
      </p>
      <p>
        <a
          className="button secondary"
          href={exportUrl(projectId, "json", { documentId: "", label: "", speakerId: "", status: "", author: "" })}
          download
        >
          Download the project’s export (JSON)
        </a>
      </p>
      <form className={styles.form} onSubmit={submit} aria-labelledby={`${id}-heading`} aria-busy={busy}>
        <fieldset className={styles.fieldset} disabled={busy}>
          <div className={styles.field}>
            <label htmlFor={`${id}-name`}>Type the project’s name to confirm</label>
            <input
              id={`${id}-name`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-name-hint`}
            />
            <p id={`${id}-name-hint`} className={styles.hint}>
              The name is “{projectName}”.
            </p>
          </div>
          <div className={styles.actions}>
            <button type="submit" className="danger" disabled={!matches} aria-disabled={!matches}>
              {busy ? "Deleting…" : "Delete this project permanently"}
            </button>
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
