"use client";
// The small toolbar that appears at a text selection: "Claim" (C) and "Quote" (Q).

import type { Label } from "@/lib/model/vocabulary";

export function SelectionToolbar({ anchor, onChoose }: { anchor: { top: number; left: number }; onChoose: (label: Label) => void }) {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Tag the selection" style={{ top: anchor.top, left: anchor.left }}>
      {(["claim", "quote"] as const).map((label) => (
        <button
          key={label}
          type="button"
          className={`tag-button tag-${label}`}
          aria-keyshortcuts={label === "claim" ? "C" : "Q"}
          // Keep the text selection: the click must not move focus out of the article first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(label)}
        >
          {label === "claim" ? "Claim" : "Quote"} <kbd aria-hidden="true">{label === "claim" ? "C" : "Q"}</kbd>
        </button>
      ))}
    </div>
  );
}
