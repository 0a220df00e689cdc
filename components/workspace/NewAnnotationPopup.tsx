"use client";
// Attribution of a new claim or quote: the Speaker combobox (Enter saves), the quote kind for
// quotes, Save and Cancel. Esc cancels.

import { useId, useRef, useState } from "react";
import { hasQuoteKind, LABEL_INFO, type Label, type QuoteKind } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import { SpeakerCombobox } from "./SpeakerCombobox";
import { speakerChoices, type SpeakerChoice } from "./speaker-options";
import { QuoteKindSelect } from "./QuoteKindSelect";

export interface NewAnnotationPopupProps {
  label: Label;
  anchor: { top: number; left: number };
  speakers: readonly SpeakerView[];
  defaultKind: QuoteKind | null;
  onSave: (choice: SpeakerChoice, quoteKind: QuoteKind | null) => void;
  onCancel: () => void;
}

export function NewAnnotationPopup({ label, anchor, speakers, defaultKind, onSave, onCancel }: NewAnnotationPopupProps) {
  const headingId = useId();
  const [kind, setKind] = useState<QuoteKind | null>(defaultKind);
  const active = useRef<SpeakerChoice>(speakerChoices(speakers, "")[0] as SpeakerChoice);
  const save = (choice: SpeakerChoice) => onSave(choice, hasQuoteKind(label) ? kind : null);

  return (
    <div
      className="attribution-popup"
      role="dialog"
      aria-modal="true"
      aria-labelledby={headingId}
      style={{ top: anchor.top, left: anchor.left }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h2 id={headingId} className="popup-title">
        New {LABEL_INFO[label].name.toLowerCase()}
      </h2>
      <SpeakerCombobox
        speakers={speakers}
        autoFocus
        onChoose={save}
        onCancel={onCancel}
        onActiveChange={(choice) => (active.current = choice)}
      />
      {hasQuoteKind(label) && <QuoteKindSelect value={kind} onChange={setKind} />}
      <div className="row">
        <button type="button" onClick={() => save(active.current)}>
          Save
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
