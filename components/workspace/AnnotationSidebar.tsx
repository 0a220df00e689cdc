"use client";
// The sidebar: a region named "Annotations" with filters (label, speaker, status; whose layer is
// the workspace's Layer select, which narrows the article's highlights too), the
// selected annotation's details, and the annotations in text order. The list is windowed — only
// the rows in view are in the DOM — so thousands of annotations stay cheap.

import { memo, useId, type ReactNode } from "react";
import { ANNOTATION_STATUSES, LABEL_INFO, LABELS, STATUS_NAMES } from "@/lib/model/vocabulary";
import type { SpeakerView } from "@/lib/speakers/speakers";
import type { StoredAnnotation } from "./store/workspace-store";
import { ROW_HEIGHT, useWindowedList } from "./use-windowed-list";
import { snippet, speakerName, type AnnotationFilters } from "./workspace-model";

const LABEL_OPTIONS: [string, string][] = [
  ["", "All labels"],
  ...LABELS.map((label): [string, string] => [label, LABEL_INFO[label].plural]),
];
const STATUS_OPTIONS: [string, string][] = [
  ["", "All statuses"],
  ...ANNOTATION_STATUSES.map((status): [string, string] => [status, STATUS_NAMES[status]]),
];

export interface AnnotationSidebarProps {
  /** Those the filters keep, in text order. */
  annotations: readonly StoredAnnotation[];
  total: number;
  filters: AnnotationFilters;
  onFilters: (filters: AnnotationFilters) => void;
  speakers: readonly SpeakerView[];
  speakerById: ReadonlyMap<string, SpeakerView>;
  /** Said when there are none at all (default "No annotations yet."). */
  emptyText?: string;
  selectedId: string | null;
  scrollRequest: { id: string; seq: number } | null;
  onSelect: (id: string) => void;
  /** Arrow keys in the list move the selection, like J / K. */
  onStep: (direction: 1 | -1) => void;
  /** While a new annotation is being attributed, the sidebar is out of reach (the popup is modal). */
  inert?: boolean;
  children?: ReactNode;
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
}) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One row; re-rendered only when its annotation, speaker, place or selection changes. */
const AnnotationRow = memo(function AnnotationRow({
  annotation: a,
  speaker,
  position,
  setSize,
  selected,
  onSelect,
}: {
  annotation: StoredAnnotation;
  speaker: string | null;
  position: number;
  setSize: number;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  return (
    <div
      id={`annotation-${a.id}`}
      role="option"
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={position + 1}
      data-annotation-id={a.id}
      className={`annotation-row row-${a.label}${selected ? " is-selected" : ""}${a.pending ? " is-pending" : ""}`}
      style={{ top: position * ROW_HEIGHT, height: ROW_HEIGHT - 6 }}
      onClick={() => onSelect(a.id)}
    >
      <span className="row-meta">
        <span className={`label-badge label-${a.label}`}>{LABEL_INFO[a.label].name}</span>
        <span className="row-speaker">{speaker ?? "No speaker"}</span>
        <span className={`status status-${a.status}`}>{a.pending ? "saving…" : a.status}</span>
      </span>
      <span className="row-snippet">{snippet(a.exact)}</span>
      <span className="row-author muted">by {a.author.name}</span>
    </div>
  );
});

export function AnnotationSidebar(props: AnnotationSidebarProps) {
  const {
    annotations,
    total,
    filters,
    onFilters,
    speakers,
    speakerById,
    emptyText = "No annotations yet.",
    selectedId,
    scrollRequest,
    onSelect,
    onStep,
    inert,
    children,
  } = props;
  const { listRef, first, rows, height, onScroll } = useWindowedList(annotations, scrollRequest);
  const set = (patch: Partial<AnnotationFilters>) => onFilters({ ...filters, ...patch });

  return (
    <section className="workspace-sidebar" aria-label="Annotations" inert={inert}>
      <div className="sidebar-head">
        <h2 className="sidebar-title">
          Annotations <span className="muted">({annotations.length === total ? total : `${annotations.length} of ${total}`})</span>
        </h2>
        <div className="filters">
          <FilterSelect
            label="Filter by label"
            value={filters.label}
            onChange={(v) => set({ label: v as AnnotationFilters["label"] })}
            options={LABEL_OPTIONS}
          />
          <FilterSelect
            label="Attributed to"
            value={filters.speaker}
            onChange={(v) => set({ speaker: v })}
            options={[["", "All speakers"], ["none", "Without a speaker"], ...speakers.map((s): [string, string] => [s.id, s.name])]}
          />
          <FilterSelect
            label="Filter by status"
            value={filters.status}
            onChange={(v) => set({ status: v as AnnotationFilters["status"] })}
            options={STATUS_OPTIONS}
          />
        </div>
      </div>
      {children}
      {annotations.length === 0 ? (
        <p className="muted empty-list">{total === 0 ? emptyText : "No annotation matches these filters."}</p>
      ) : (
        <div
          className="annotation-list"
          ref={listRef}
          role="listbox"
          aria-label="Annotations in text order"
          tabIndex={0}
          aria-activedescendant={selectedId && annotations.some((a) => a.id === selectedId) ? `annotation-${selectedId}` : undefined}
          onScroll={onScroll}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              onStep(event.key === "ArrowDown" ? 1 : -1);
            }
          }}
        >
          <div className="annotation-rows" style={{ height }}>
            {rows.map((a, i) => (
              <AnnotationRow
                key={a.id}
                annotation={a}
                speaker={speakerName(a, speakerById)}
                position={first + i}
                setSize={annotations.length}
                selected={a.id === selectedId}
                onSelect={onSelect}
              />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
