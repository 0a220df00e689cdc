"use client";
// The speaker fields (name, aliases, kind, description), for adding a speaker and for editing one
// in place. The parent does the request; a failure it throws is shown here. Esc cancels an edit.

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { errorMessage } from "@/components/ui/api-client";
import { formatAliasText, parseAliasText } from "@/lib/speakers/speaker-fields";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { SPEAKER_KIND_LABELS } from "./labels";
import styles from "./projects.module.css";

export interface SpeakerFormValues {
  name: string;
  aliases: string[];
  kind: SpeakerView["kind"];
  description: string | null;
}

const FIELD_LABELS = { name: "Name", aliases: "Aliases", kind: "Kind", description: "Description" };

export function SpeakerForm({
  label,
  initial,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  /** The form's accessible name ("New speaker", "Edit Zhao Lijian"). */
  label: string;
  initial?: SpeakerFormValues;
  submitLabel: string;
  busyLabel: string;
  /** Sends the values; throws (an ApiRequestError) when the server refuses them. */
  onSubmit: (values: SpeakerFormValues) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? "");
  const [aliases, setAliases] = useState(formatAliasText(initial?.aliases ?? []));
  const [kind, setKind] = useState<SpeakerView["kind"]>(initial?.kind ?? "person");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) nameInput.current?.focus();
  }, [autoFocus]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        name: name.trim(),
        aliases: parseAliasText(aliases),
        kind,
        description: description.trim() === "" ? null : description.trim(),
      });
      if (!initial) {
        setName("");
        setAliases("");
        setKind("person");
        setDescription("");
      }
    } catch (e) {
      setError(errorMessage(e, FIELD_LABELS));
      nameInput.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape" && onCancel && !busy) {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form className={styles.form} aria-label={label} onSubmit={submit} onKeyDown={onKeyDown} aria-busy={busy}>
      <fieldset className={styles.fieldset} disabled={busy}>
        <div className={styles.fieldRow}>
          <div className={styles.field}>
            <label htmlFor={`${id}-name`}>Name</label>
            <input
              id={`${id}-name`}
              ref={nameInput}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={200}
              autoComplete="off"
            />
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as SpeakerView["kind"])}>
              {Object.entries(SPEAKER_KIND_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-aliases`}>Aliases</label>
          <input
            id={`${id}-aliases`}
            value={aliases}
            onChange={(e) => setAliases(e.target.value)}
            aria-describedby={`${id}-aliases-hint`}
            autoComplete="off"
          />
          <p id={`${id}-aliases-hint`} className={styles.hint}>
            Other names used in articles, separated by commas (for example: Zhao, 赵立坚).
          </p>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea
            id={`${id}-description`}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={5000}
            rows={2}
          />
        </div>
        <div className={styles.actions}>
          <button type="submit">{busy ? busyLabel : submitLabel}</button>
          {onCancel && (
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
