"use client";
// The small toolbar that appears at a text selection: a button per label ("Claim" C, "Quote" Q).

import { LABEL_INFO, LABELS, type Label } from "@/lib/model/vocabulary";

export function SelectionToolbar({ anchor, onChoose }: { anchor: { top: number; left: number }; onChoose: (label: Label) => void }) {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Tag the selection" style={{ top: anchor.top, left: anchor.left }}>
      {LABELS.map((label) => {
        const { name, key } = LABEL_INFO[label];
        return (
          <button
            key={label}
            type="button"
            className={`tag-button tag-${label}`}
            aria-keyshortcuts={key.toUpperCase()}
            // Keep the text selection: the click must not move focus out of the article first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(label)}
          >
            {name} <kbd aria-hidden="true">{key.toUpperCase()}</kbd>
          </button>
        );
      })}
    </div>
  );
}
