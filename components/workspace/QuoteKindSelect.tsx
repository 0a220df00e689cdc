"use client";
// "Quote kind": direct, indirect, mixed, or not set.

import { useId } from "react";
import type { QuoteKind } from "@/lib/model/vocabulary";

export function QuoteKindSelect({ value, onChange }: { value: QuoteKind | null; onChange: (kind: QuoteKind | null) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Quote kind</label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange((event.target.value || null) as QuoteKind | null)}>
        <option value="">Not set</option>
        <option value="direct">Direct</option>
        <option value="indirect">Indirect</option>
        <option value="mixed">Mixed</option>
      </select>
    </div>
  );
}
