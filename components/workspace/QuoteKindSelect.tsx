"use client";
// "Quote kind": direct, indirect, mixed, or not set.

import { useId } from "react";
import { isQuoteKind, QUOTE_KIND_NAMES, QUOTE_KINDS, type QuoteKind } from "@/lib/model/vocabulary";

export function QuoteKindSelect({ value, onChange }: { value: QuoteKind | null; onChange: (kind: QuoteKind | null) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Quote kind</label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(isQuoteKind(event.target.value) ? event.target.value : null)}>
        <option value="">Not set</option>
        {QUOTE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {QUOTE_KIND_NAMES[kind]}
          </option>
        ))}
      </select>
    </div>
  );
}
