"use client";
// A project's annotation mode (owners): shared, or independent for blind double annotation. Saved
// as soon as it is chosen, shown as saved or, when the server refuses, put back with the reason.

import { useId } from "react";
import { ANNOTATION_MODES, type AnnotationMode } from "@/lib/model/vocabulary";
import styles from "./projects.module.css";
import { useProjectSetting } from "./use-project-setting";

const MODE_TEXT: Record<AnnotationMode, { label: string; saved: string }> = {
  shared: { label: "Shared: everyone sees every annotation", saved: "Saved: everyone sees every annotation." },
  independent: {
    label: "Independent: annotators see only their own (blind double annotation)",
    saved: "Saved: annotators and viewers now see only their own annotations; reviewers and owners see every layer.",
  },
};

export function AnnotationModeSetting({ projectId, annotationMode }: { projectId: string; annotationMode: AnnotationMode }) {
  const id = useId();
  const {
    value: mode,
    busy,
    status,
    error,
    change,
  } = useProjectSetting(projectId, "annotationMode", annotationMode, (saved) => MODE_TEXT[saved].saved);

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Annotation mode</h2>
      <fieldset className={styles.field} disabled={busy} aria-describedby={`${id}-hint`}>
        <legend className="visually-hidden">Annotation mode</legend>
        {ANNOTATION_MODES.map((value) => (
          <label key={value} className={styles.check}>
            <input type="radio" name={`${id}-mode`} value={value} checked={mode === value} onChange={() => void change(value)} />
            {MODE_TEXT[value].label}
          </label>
        ))}
        <p id={`${id}-hint`} className={styles.hint}>
          In independent mode the server shows annotators and viewers only the annotations they wrote — in the workspace, search, the review
          queue, live updates and exports — so that agreement between them can be measured. Reviewers and owners see every layer, the
          Agreement tab and each document’s curation view.
        </p>
      </fieldset>
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
