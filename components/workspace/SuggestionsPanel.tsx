"use client";
// The "Suggestions" region (annotators, reviewers, owners): the Suggest button (with its progress,
// then what it found), "Accept all" (after a confirmation, with progress and the failures listed),
// the selected suggestion's details — its quote, the speaker proposed, corrected with the Speaker
// combobox, its kind — with Accept (Enter) and Dismiss (X), and the suggestions in text order
// (windowed, like the annotations).

import { memo, useEffect, useId, useRef, useState } from "react";
import { formatCount } from "@/components/ui/format";
import { QUOTE_KIND_NAMES, type QuoteKind } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { QuoteKindSelect } from "./QuoteKindSelect";
import { SpeakerCombobox } from "./SpeakerCombobox";
import { choiceLabel, type SpeakerChoice } from "./speaker-options";
import type { SuggestionRecord } from "./store/workspace-store";
import type { BulkAcceptance, SuggestionCorrection } from "./use-suggestions";
import { suggestionSummary } from "./use-suggestions";
import { ROW_HEIGHT, useWindowedList } from "./use-windowed-list";
import { proposedSpeaker, snippet } from "./workspace-model";

export interface SuggestionsPanelProps {
  suggestions: readonly SuggestionRecord[];
  speakers: readonly SpeakerView[];
  speakerById: ReadonlyMap<string, SpeakerView>;
  selected: SuggestionRecord | null;
  /** The correction made to the selected suggestion so far. */
  correction: SuggestionCorrection;
  onCorrect: (correction: SuggestionCorrection) => void;
  scrollRequest: { id: string; seq: number } | null;
  onSelect: (id: string | null) => void;
  onStep: (direction: 1 | -1) => void;
  onAccept: () => void;
  onDismiss: () => void;
  computing: boolean;
  /** How many the last Suggest found; null before one. */
  found: number | null;
  onCompute: () => void;
  bulk: BulkAcceptance | null;
  onAcceptAll: () => void;
  onStopAll: () => void;
  onCloseBulk: () => void;
  /** While a new annotation is being attributed, the panel is out of reach (the popup is modal). */
  inert?: boolean;
}

function speakerText(suggestion: SuggestionRecord, speakerById: ReadonlyMap<string, SpeakerView>): string {
  const { name, isNew } = proposedSpeaker(suggestion, speakerById);
  return name === null ? "No speaker" : isNew ? `${name} (new)` : name;
}

function kindText(suggestion: SuggestionRecord): string {
  return suggestion.quoteKind ? `${QUOTE_KIND_NAMES[suggestion.quoteKind]} quote` : "Quote";
}

const SuggestionRow = memo(function SuggestionRow({
  suggestion: s,
  speaker,
  position,
  setSize,
  selected,
  onSelect,
}: {
  suggestion: SuggestionRecord;
  speaker: string;
  position: number;
  setSize: number;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  return (
    <div
      id={`suggestion-${s.id}`}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={position + 1}
      data-suggestion-id={s.id}
      className={`annotation-row suggestion-row${selected ? " is-selected" : ""}`}
      style={{ top: position * ROW_HEIGHT, height: ROW_HEIGHT - 6 }}
      onClick={() => onSelect(s.id)}
    >
      <span className="row-meta">
        <span className="label-badge label-suggestion">{kindText(s)}</span>
        <span className="row-speaker">{speaker}</span>
      </span>
      <span className="row-snippet">{snippet(s.exact)}</span>
      <span className="row-author muted">proposed by rule {s.rule}</span>
    </div>
  );
});

function SuggestionDetails({
  suggestion,
  speakers,
  speakerById,
  correction,
  onCorrect,
  onAccept,
  onDismiss,
  onClose,
}: {
  suggestion: SuggestionRecord;
  speakers: readonly SpeakerView[];
  speakerById: ReadonlyMap<string, SpeakerView>;
  correction: SuggestionCorrection;
  onCorrect: (correction: SuggestionCorrection) => void;
  onAccept: () => void;
  onDismiss: () => void;
  onClose: () => void;
}) {
  const headingId = useId();
  const [editingSpeaker, setEditingSpeaker] = useState(false);
  const acceptButton = useRef<HTMLButtonElement>(null);
  const proposed = proposedSpeaker(suggestion, speakerById);
  const speaker: SpeakerChoice | undefined = correction.speaker;
  const shownSpeaker = speaker
    ? speaker.type === "none"
      ? "No speaker"
      : speaker.type === "create"
        ? `${speaker.name} (new)`
        : choiceLabel(speaker)
    : speakerText(suggestion, speakerById);
  const cue = suggestion.cueStart !== null && suggestion.cueEnd !== null ? [suggestion.cueStart, suggestion.cueEnd] : null;

  return (
    <div className="annotation-details suggestion-details" role="group" aria-labelledby={headingId}>
      <div className="details-head">
        <h3 id={headingId}>Suggested {kindText(suggestion).toLowerCase()}</h3>
        <button type="button" className="link" onClick={onClose} aria-label="Close suggestion">
          Close
        </button>
      </div>
      {/* Focusable: a long quote scrolls, and keyboard users must be able to scroll it. */}
      <blockquote className="details-exact" tabIndex={0}>
        {suggestion.exact}
      </blockquote>
      <p className="muted details-meta">
        Rule {suggestion.rule} · confidence {Math.round(suggestion.confidence * 100)} %{cue ? " · cue marked in the export" : ""}
      </p>
      {editingSpeaker ? (
        <SpeakerCombobox
          speakers={speakers}
          initialQuery={proposed.name ?? ""}
          autoFocus
          onChoose={(choice) => {
            onCorrect({ ...correction, speaker: choice });
            setEditingSpeaker(false);
            // Enter again accepts: the button has the focus.
            requestAnimationFrame(() => acceptButton.current?.focus());
          }}
          onCancel={() => setEditingSpeaker(false)}
        />
      ) : (
        <div className="row">
          <span>
            Speaker: <strong>{shownSpeaker}</strong>
          </span>
          <button type="button" className="secondary" onClick={() => setEditingSpeaker(true)}>
            Change speaker
          </button>
        </div>
      )}
      <QuoteKindSelect
        value={correction.quoteKind ?? suggestion.quoteKind}
        onChange={(quoteKind: QuoteKind | null) => onCorrect({ ...correction, quoteKind })}
      />
      <div className="row">
        <button type="button" ref={acceptButton} aria-keyshortcuts="Enter" onClick={onAccept}>
          Accept
        </button>
        <button type="button" className="secondary" aria-keyshortcuts="X" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

export function SuggestionsPanel(props: SuggestionsPanelProps) {
  const { suggestions, speakers, speakerById, selected, scrollRequest, onSelect, onStep, computing, found, bulk } = props;
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [confirming, setConfirming] = useState(false);
  const { listRef, first, rows, height, onScroll } = useWindowedList(suggestions, scrollRequest);
  const dialogOpen = confirming || bulk !== null;
  // Whether this article has had suggestions since it opened: an empty list then means all are decided.
  const [hadSome, setHadSome] = useState(suggestions.length > 0);
  if (suggestions.length > 0 && !hadSome) setHadSome(true);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (dialogOpen && !element.open) element.showModal();
    if (!dialogOpen && element.open) element.close();
  }, [dialogOpen]);

  // After a decision taken with a button the details may be gone: the list keeps the focus.
  const decided = (act: () => void) => () => {
    act();
    listRef.current?.focus();
  };

  const closeDialog = () => {
    if (bulk?.running) return;
    setConfirming(false);
    props.onCloseBulk();
  };

  const status = computing
    ? null
    : found !== null
      ? `Found ${formatCount(found, "suggestion", "suggestions")}.`
      : suggestions.length > 0
        ? "Quotes and speakers proposed for this article: accept, correct or dismiss them."
        : "";

  return (
    <section className="suggestions-panel" aria-label="Suggestions" inert={props.inert}>
      <div className="sidebar-head">
        <h2 className="sidebar-title" id={`${id}-title`}>
          Suggestions <span className="muted">({suggestions.length})</span>
        </h2>
        <div className="row">
          <button type="button" onClick={props.onCompute} disabled={computing} aria-describedby={`${id}-status`}>
            {computing ? "Suggesting…" : "Suggest"}
          </button>
          <button type="button" className="secondary" disabled={suggestions.length === 0 || dialogOpen} onClick={() => setConfirming(true)}>
            Accept all
          </button>
        </div>
        <p id={`${id}-status`} className="muted suggestions-status" role="status">
          {computing ? (
            <>
              <progress aria-label="Finding quotes and speakers" /> Finding quotes and speakers…
            </>
          ) : (
            status
          )}
        </p>
      </div>
      {selected && (
        <SuggestionDetails
          key={selected.id}
          suggestion={selected}
          speakers={speakers}
          speakerById={speakerById}
          correction={props.correction}
          onCorrect={props.onCorrect}
          onAccept={decided(props.onAccept)}
          onDismiss={decided(props.onDismiss)}
          onClose={() => onSelect(null)}
        />
      )}
      {suggestions.length === 0 ? (
        <p className="muted empty-list">
          {hadSome
            ? "None left: each was accepted or dismissed."
            : found === 0
              ? "No quotes were found in this text."
              : "None yet: Suggest finds the quotes and speakers in the text."}
        </p>
      ) : (
        <div
          className="annotation-list suggestion-list"
          ref={listRef}
          role="listbox"
          aria-label="Suggestions in text order"
          tabIndex={0}
          aria-activedescendant={selected ? `suggestion-${selected.id}` : undefined}
          onScroll={onScroll}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              if (!selected) onSelect((suggestions[event.key === "ArrowDown" ? 0 : suggestions.length - 1] as SuggestionRecord).id);
              else onStep(event.key === "ArrowDown" ? 1 : -1);
            }
          }}
        >
          <div className="annotation-rows" style={{ height }}>
            {rows.map((s, i) => (
              <SuggestionRow
                key={s.id}
                suggestion={s}
                speaker={speakerText(s, speakerById)}
                position={first + i}
                setSize={suggestions.length}
                selected={s.id === selected?.id}
                onSelect={onSelect}
              />
            ))}
          </div>
        </div>
      )}
      <dialog
        ref={dialog}
        className="suggestions-dialog"
        aria-labelledby={`${id}-dialog-title`}
        onCancel={(event) => {
          event.preventDefault();
          closeDialog();
        }}
      >
        {bulk ? (
          <>
            <h2 id={`${id}-dialog-title`}>
              {bulk.running ? "Accepting suggestions…" : bulk.stopped ? "Accepting stopped" : "Suggestions accepted"}
            </h2>
            <p role="status">
              <progress aria-label="Accepting suggestions" max={Math.max(bulk.total, 1)} value={bulk.done} />{" "}
              {bulk.running
                ? `${bulk.done} of ${bulk.total} done.`
                : `Accepted ${bulk.done - bulk.failures.length} of ${formatCount(bulk.total, "suggestion", "suggestions")}.${
                    bulk.stopped ? " Stopped: the others are still proposed." : ""
                  }`}
            </p>
            {bulk.failures.length > 0 && (
              <div role="alert">
                <p>{formatCount(bulk.failures.length, "suggestion was", "suggestions were")} not accepted:</p>
                <ul className="bulk-failures">
                  {bulk.failures.map(({ suggestion, message }) => (
                    <li key={suggestion.id}>
                      {suggestionSummary(suggestion)}: {message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="row">
              {bulk.running ? (
                <button type="button" className="secondary" onClick={props.onStopAll}>
                  Stop
                </button>
              ) : (
                <button type="button" autoFocus onClick={closeDialog}>
                  Close
                </button>
              )}
            </div>
          </>
        ) : (
          confirming && (
            <>
              <h2 id={`${id}-dialog-title`}>Accept {formatCount(suggestions.length, "suggestion", "suggestions")}?</h2>
              <p>
                Each becomes a quote attributed to the speaker proposed for it; proposed names that are not speakers yet are created. You
                can still change or delete each one afterwards.
              </p>
              <div className="row">
                <button
                  type="button"
                  autoFocus
                  onClick={() => {
                    setConfirming(false);
                    props.onAcceptAll();
                  }}
                >
                  Accept {formatCount(suggestions.length, "suggestion", "suggestions")}
                </button>
                <button type="button" className="secondary" onClick={closeDialog}>
                  Cancel
                </button>
              </div>
            </>
          )
        )}
      </dialog>
    </section>
  );
}
