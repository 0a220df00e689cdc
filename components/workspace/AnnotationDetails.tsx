"use client";
// The selected annotation: its text, and (as the role allows) its label, speaker, quote kind and
// note to change, accept/reject for reviewers, and delete (with undo, offered by the workspace);
// its review (who rejected it, and why); and its comment thread (children).

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { AnnotationStatus, hasQuoteKind, LABEL_INFO, LABELS, QUOTE_KIND_NAMES, type Label, type QuoteKind } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { QuoteKindSelect } from "./QuoteKindSelect";
import { SpeakerCombobox } from "./SpeakerCombobox";
import type { SpeakerChoice } from "./speaker-options";
import type { StoredAnnotation } from "./store/workspace-store";
import type { AnnotationChanges } from "./workspace-api";

export interface AnnotationDetailsProps {
  annotation: StoredAnnotation;
  /** Its speaker's name, null for none. */
  speakerName: string | null;
  speakers: readonly SpeakerView[];
  mayEdit: boolean;
  mayReview: boolean;
  mayDelete: boolean;
  /**
   * Saves changes made to `base` (the version the form was filled from): a newer version saved by
   * someone else meanwhile makes the server refuse it (409) rather than silently overwrite theirs.
   */
  onUpdate: (changes: AnnotationChanges & { speakerChoice?: SpeakerChoice }, base: StoredAnnotation) => Promise<boolean>;
  onDelete: () => void;
  onClose: () => void;
  /** Shown below the annotation: its comment thread. */
  children?: ReactNode;
}

export function AnnotationDetails({
  annotation,
  speakerName: currentSpeaker,
  speakers,
  mayEdit,
  mayReview,
  mayDelete,
  onUpdate,
  onDelete,
  onClose,
  children,
}: AnnotationDetailsProps) {
  const headingId = useId();
  const noteId = useId();
  // The version the form was filled from. The form follows newer versions (a colleague's change
  // arriving live, our own saved one) unless something typed in it is unsaved: that is kept, and
  // saving it meets the server's conflict check.
  const [base, setBase] = useState(annotation);
  const [label, setLabel] = useState<Label>(annotation.label);
  const [kind, setKind] = useState<QuoteKind | null>(annotation.quoteKind);
  const [note, setNote] = useState(annotation.note ?? "");
  const [speakerChoice, setSpeakerChoice] = useState<SpeakerChoice | null>(null);
  const [editingSpeaker, setEditingSpeaker] = useState(false);
  const [busy, setBusy] = useState(false);
  /** Set once a save has been answered: the form shows what the store holds now. */
  const [saved, setSaved] = useState(false);
  const dirty = label !== base.label || kind !== base.quoteKind || note !== (base.note ?? "") || speakerChoice !== null;
  if (annotation !== base && !busy && (saved || !dirty)) {
    setBase(annotation);
    setLabel(annotation.label);
    setKind(annotation.quoteKind);
    setNote(annotation.note ?? "");
    setSpeakerChoice(null);
    setSaved(false);
  }

  const save = async (extra: { speakerChoice?: SpeakerChoice } = {}) => {
    setBusy(true);
    const changes: AnnotationChanges & { speakerChoice?: SpeakerChoice } = {};
    if (label !== base.label) changes.label = label;
    if (hasQuoteKind(label) && kind !== base.quoteKind) changes.quoteKind = kind;
    if ((note || null) !== base.note) changes.note = note || null;
    const choice = extra.speakerChoice ?? speakerChoice;
    if (choice) changes.speakerChoice = choice;
    await onUpdate(changes, base);
    setSaved(true);
    setBusy(false);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const speakerName = speakerChoice
    ? speakerChoice.type === "existing"
      ? speakerChoice.speaker.name
      : speakerChoice.type === "create"
        ? `${speakerChoice.name} (new)`
        : "No speaker"
    : (currentSpeaker ?? "No speaker");

  return (
    <div className="annotation-details" role="group" aria-labelledby={headingId}>
      <div className="details-head">
        <h3 id={headingId}>Selected {LABEL_INFO[annotation.label].name.toLowerCase()}</h3>
        <button type="button" className="link" onClick={onClose} aria-label="Close details">
          Close
        </button>
      </div>
      <blockquote className="details-exact">{annotation.exact}</blockquote>
      <p className="muted details-meta">
        by {annotation.author.name} · {annotation.status} · version {annotation.version}
      </p>
      {annotation.status === AnnotationStatus.rejected && annotation.reviewedBy && (
        <p className="details-review">
          Rejected by {annotation.reviewedBy.name}
          {annotation.reviewReason ? `: ${annotation.reviewReason}` : "."}
        </p>
      )}
      {mayEdit ? (
        <form className="stack" onSubmit={onSubmit}>
          <fieldset className="label-choice">
            <legend>Label</legend>
            {LABELS.map((value) => (
              <label key={value} className="inline">
                <input type="radio" name={`${headingId}-label`} value={value} checked={label === value} onChange={() => setLabel(value)} />
                {LABEL_INFO[value].name}
              </label>
            ))}
          </fieldset>
          {editingSpeaker ? (
            <SpeakerCombobox
              speakers={speakers}
              initialQuery={currentSpeaker ?? ""}
              autoFocus
              onChoose={(choice) => {
                setSpeakerChoice(choice);
                setEditingSpeaker(false);
                void save({ speakerChoice: choice });
              }}
              onCancel={() => setEditingSpeaker(false)}
            />
          ) : (
            <div className="row">
              <span>
                Speaker: <strong>{speakerName}</strong>
              </span>
              <button type="button" className="secondary" onClick={() => setEditingSpeaker(true)}>
                Change speaker
              </button>
            </div>
          )}
          {hasQuoteKind(label) && <QuoteKindSelect value={kind} onChange={setKind} />}
          <div className="field">
            <label htmlFor={noteId}>Note</label>
            <textarea id={noteId} value={note} rows={2} onChange={(event) => setNote(event.target.value)} />
          </div>
          <div className="row">
            <button type="submit" disabled={busy}>
              Save changes
            </button>
            {mayDelete && (
              <button type="button" className="danger" onClick={onDelete} aria-keyshortcuts="Delete">
                Delete
              </button>
            )}
          </div>
        </form>
      ) : (
        <p>
          Speaker: <strong>{speakerName}</strong>
          {annotation.quoteKind && <> · {QUOTE_KIND_NAMES[annotation.quoteKind].toLowerCase()} quote</>}
          {annotation.note && <> · {annotation.note}</>}
        </p>
      )}
      {mayReview && (
        <div className="row review-actions">
          <button
            type="button"
            className="secondary"
            disabled={annotation.status === AnnotationStatus.accepted}
            onClick={() => void onUpdate({ status: AnnotationStatus.accepted }, annotation)}
          >
            Accept
          </button>
          <button
            type="button"
            className="secondary"
            disabled={annotation.status === AnnotationStatus.rejected}
            onClick={() => void onUpdate({ status: AnnotationStatus.rejected }, annotation)}
          >
            Reject
          </button>
        </div>
      )}
      {!mayEdit && mayDelete && (
        <button type="button" className="danger" onClick={onDelete}>
          Delete
        </button>
      )}
      {children}
    </div>
  );
}
