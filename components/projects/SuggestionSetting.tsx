"use client";
// A project's "Suggest quotes and speakers for every new document" setting (owners): saved as soon
// as it is changed, shown as saved or, when the server refuses, put back with the reason.

import { useId } from "react";
import { useProjectSetting } from "./use-project-setting";
import styles from "./projects.module.css";

export function SuggestionSetting({ projectId, autoSuggest }: { projectId: string; autoSuggest: boolean }) {
  const id = useId();
  const {
    value: checked,
    busy,
    status,
    error,
    change,
  } = useProjectSetting(projectId, "autoSuggest", autoSuggest, (on) =>
    on ? "Saved: new documents get suggestions." : "Saved: suggestions only when asked for.",
  );

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Suggestions</h2>
      <div className={styles.field}>
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={checked}
            disabled={busy}
            onChange={(event) => void change(event.target.checked)}
            aria-describedby={`${id}-hint`}
          />
          Suggest quotes and speakers for every new document
        </label>
        <p id={`${id}-hint`} className={styles.hint}>
          Each document added to this project — imported from a web address, pasted, uploaded, or created through the API or an import —
          opens with its quotes, their cues and speakers proposed, for the annotators to accept, correct or dismiss. Documents already here
          keep what they have; Suggest in the workspace computes theirs.
        </p>
      </div>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
